/**
 * After an import's rows are written (by `statsRepo.insertMany`, the one write path of statistic
 * values): refreshing the planner's statistics, which may fail without undoing the import.
 */
import { statsRepo, type DatabaseHandle, type StatsTable } from "@luoshi/db";

/**
 * Refreshes the planner's statistics of the tables an import wrote, after its transaction committed: the
 * next province-wide read is planned for the rows now there, not for the few dozen before. The import
 * stands either way, so a failure is only logged.
 */
export async function analyzeAfterImport(
  db: DatabaseHandle["db"],
  tables: readonly StatsTable[],
  warn: (message: string) => void = (m) => {
    console.warn(m);
  },
): Promise<void> {
  try {
    await statsRepo.analyze(db, tables);
  } catch (e) {
    warn(
      `统计数据已导入，但更新 ${tables.join("、")} 的查询统计信息（ANALYZE）失败：${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
