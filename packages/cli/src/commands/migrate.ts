import { withServices } from "../context.ts";

/** `luoshi migrate`: apply pending migrations and say which. */
export async function migrateCommand(): Promise<void> {
  await withServices(async (deps) => {
    // openServices has migrated already; report what it did
    const applied = (deps as typeof deps & { applied?: string[] }).applied ?? [];
    console.log(applied.length === 0 ? "数据库已是最新。" : `已执行迁移：${applied.join(", ")}`);
  });
}
