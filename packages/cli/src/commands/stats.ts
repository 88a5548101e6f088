import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { orgUnitRepo } from "@luoshi/db";
import { AppError, importStatistics, type StatsProblem } from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const StatsImportOptions = z.object({
  year: z.coerce
    .number({ error: "请用 --year 给出统计年度，如 2020" })
    .int({ error: "应为四位年份" })
    .min(2000, { error: "应为 2000–2100 的年份" })
    .max(2100, { error: "应为 2000–2100 的年份" }),
  unit: z.string().min(2, { error: "请用 --unit 给出数据所属地区或学校的代码" }),
});

const where = (p: StatsProblem): string =>
  [
    p.sheet === "" ? "" : `表“${p.sheet}”`,
    p.row > 0 ? `第 ${p.row} 行` : "",
    p.column === "" ? "" : `“${p.column}”列`,
  ]
    .filter((s) => s !== "")
    .join(" ");

/** `luoshi stats import FILE --year YYYY --unit CODE`: one year's statistics, all or nothing. */
export function statsCommand(): Command {
  const stats = new Command("stats").description("学校统计数据 — school statistics");
  stats
    .command("import")
    .description("导入一个统计年度的统计数据（.xlsx / .csv，模板格式；有错误则全部不导入）")
    .argument("<file>", ".xlsx / .csv")
    .requiredOption("--year <year>", "统计年度，如 2020")
    .requiredOption("--unit <code>", "数据所属地区（行政区划代码）或学校（学校标识码）")
    .action(async (file: string, raw: unknown) => {
      const o = parseOptions(StatsImportOptions, raw);
      let bytes: Uint8Array;
      try {
        statSync(file);
        bytes = readFileSync(file);
      } catch {
        throw new AppError("validation-failed", `${file}：文件不存在或无法读取`);
      }
      await withServices(async (deps) => {
        const unit = await orgUnitRepo.findByCode(deps.handle.db, o.unit);
        if (unit === undefined || unit.kind === "department") {
          throw new AppError("validation-failed", `--unit：没有代码为 ${o.unit} 的地区或学校`);
        }
        const role = unit.kind === "school" ? ("schoolUser" as const) : ("bureauPlanner" as const);
        const actor = { ...cliActor(), role, scopePath: unit.path };
        const isTty = process.stderr.isTTY;
        const progress = { shown: false };
        try {
          const result = await importStatistics(
            deps,
            actor,
            { fileName: basename(file), year: o.year, bytes },
            (done, total) => {
              if (total >= 500) {
                progress.shown = true;
                process.stderr.write(`${isTty ? "\r" : ""}已读取 ${done}/${total} 行${isTty ? "" : "\n"}`);
              }
            },
          );
          if (progress.shown && isTty) {
            process.stderr.write("\n");
          }
          for (const w of result.warnings) {
            console.error(`提示：${where(w)}：${w.message}`);
          }
          console.log(
            `已导入 ${o.year} 年统计数据：学校 ${result.schools} 所，乡镇 ${result.areas} 个，共 ${result.rows} 行；变化的数值 ${result.changedValues} 个`,
          );
        } catch (error) {
          if (progress.shown && isTty) {
            process.stderr.write("\n");
          }
          if (error instanceof AppError && Array.isArray(error.details?.["problems"])) {
            const problems = error.details["problems"] as StatsProblem[];
            const lines = problems.map((p) => `  ${where(p)}：${p.message}`);
            throw new AppError(error.code, `${error.message}\n${lines.join("\n")}`);
          }
          throw error;
        }
      });
    });
  return stats;
}
