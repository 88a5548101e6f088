import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { orgUnitRepo, scopeOf } from "@luoshi/db";
import { Presets, SingleBar } from "cli-progress";
import {
  AppError,
  importStatistics,
  zipWorkbooks,
  type StatsImportStage,
  type StatsProblem,
  type StatsProgress,
} from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const StatsImportOptions = z.object({
  year: z.coerce
    .number({ error: "请用 --year 给出统计年度，如 2020" })
    .int({ error: "应为四位年份" })
    .min(2000, { error: "应为 2000–2100 的年份" })
    .max(2100, { error: "应为 2000–2100 的年份" }),
  unit: z.string().min(2, { error: "请用 --unit 给出数据所属地区或学校的代码" }),
  quiet: z.boolean().optional(),
  preview: z.boolean().optional(),
});

const STAGE_LABELS: Record<StatsImportStage, string> = {
  reading: "读取",
  validating: "校验",
  writing: "写入",
};

/**
 * Import progress on `stream`: a bar per stage on a terminal (cli-progress), one plain line per stage
 * otherwise (logs, pipes), nothing when quiet.
 */
function importProgress(
  stream: NodeJS.WriteStream,
  isQuiet: boolean,
): { report: StatsProgress; stop: () => void } {
  let stage: StatsImportStage | null = null;
  if (isQuiet) {
    return { report: () => undefined, stop: () => undefined };
  }
  if (!stream.isTTY) {
    return {
      report: (_done, total, next) => {
        if (next !== stage) {
          stage = next;
          stream.write(
            next === "reading" ? `${STAGE_LABELS[next]}文件…\n` : `${STAGE_LABELS[next]} ${total} 行…\n`,
          );
        }
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar(
    {
      stream,
      format: "{stage} |{bar}| {percentage}% {value}/{total}",
      hideCursor: true,
      barsize: 30,
    },
    Presets.shades_classic,
  );
  let isRunning = false;
  return {
    report: (done, total, next) => {
      if (next !== stage) {
        stage = next;
        if (isRunning) {
          bar.stop();
        }
        bar.start(Math.max(total, 1), done, { stage: STAGE_LABELS[next] });
        isRunning = true;
        return;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done);
    },
    stop: () => {
      if (isRunning) {
        bar.stop();
        isRunning = false;
      }
    },
  };
}

const where = (p: StatsProblem): string =>
  [
    p.sheet === "" ? "" : `表“${p.sheet}”`,
    p.row > 0 ? `第 ${p.row} 行` : "",
    p.column === "" ? "" : `“${p.column}”列`,
  ]
    .filter((s) => s !== "")
    .join(" ");

/**
 * The bytes to import: a file as it is, or a folder's .xlsx workbooks (基层表 and supplements, one
 * level deep) packed into one .zip named after the folder.
 */
function readInput(path: string): { bytes: Uint8Array; fileName: string } {
  const unreadable = () => new AppError("validation-failed", `${path}：文件不存在或无法读取`);
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw unreadable();
  }
  try {
    if (!isFolder) {
      return { bytes: readFileSync(path), fileName: basename(path) };
    }
    const names = readdirSync(path)
      .filter((n) => n.toLowerCase().endsWith(".xlsx") && !n.startsWith("~$") && !n.startsWith("."))
      .sort();
    if (names.length === 0) {
      throw new AppError("validation-failed", `${path}：文件夹中没有 .xlsx 工作簿`);
    }
    const files = names.map((name) => ({ name, bytes: readFileSync(join(path, name)) }));
    return { bytes: zipWorkbooks(files), fileName: `${basename(path)}.zip` };
  } catch (error) {
    if (error instanceof AppError) {
      throw error;
    }
    throw unreadable();
  }
}

/**
 * `luoshi stats import FILE|FOLDER --year YYYY --unit CODE [--quiet]`: one year's statistics (template
 * file, or 基层表 workbooks as .xlsx, .zip or a folder), all or nothing,
 * with its progress on stderr.
 */
export function statsCommand(): Command {
  const stats = new Command("stats").description("学校统计数据 — school statistics");
  stats
    .command("import")
    .description(
      "导入一个统计年度的统计数据：模板格式的 .xlsx / .csv，或基层表（一校一个 .xlsx，可为 .zip 或文件夹，含补充数据）；有错误则全部不导入",
    )
    .argument("<file>", ".xlsx / .csv / .zip，或基层表文件夹")
    .requiredOption("--year <year>", "统计年度，如 2020")
    .requiredOption("--unit <code>", "数据所属地区（行政区划代码）或学校（学校标识码）")
    .option("--quiet", "不显示进度")
    .option("--preview", "只预览：校验文件并列出将改变的数值，不写入")
    .action(async (file: string, raw: unknown) => {
      const o = parseOptions(StatsImportOptions, raw);
      const { bytes, fileName } = readInput(file);
      await withServices(async (deps) => {
        const unit = await orgUnitRepo.findByCode(deps.handle.db, o.unit);
        if (unit === undefined || unit.kind === "department") {
          throw new AppError("validation-failed", `--unit：没有代码为 ${o.unit} 的地区或学校`);
        }
        const role = unit.kind === "school" ? ("schoolUser" as const) : ("bureauPlanner" as const);
        const actor = { ...cliActor(), role, scope: scopeOf(unit.path) };
        const progress = importProgress(process.stderr, o.quiet === true);
        try {
          const result = await importStatistics(
            deps,
            actor,
            { fileName, year: o.year, bytes },
            progress.report,
            undefined,
            { preview: o.preview === true },
          );
          progress.stop();
          for (const w of result.warnings) {
            console.error(`提示：${where(w)}：${w.message}`);
          }
          if (!result.applied) {
            const shown = (v: number | null) => (v === null ? "（无）" : String(v));
            console.log(
              `预览（未写入）：${o.year} 年统计数据，学校 ${result.schools} 所，乡镇 ${result.areas} 个，共 ${result.rows} 行；将改变的数值 ${result.changedValues} 个，将清除 ${result.blankedValues} 个`,
            );
            for (const c of result.changes) {
              console.log(`  ${c.code} ${c.label}：${shown(c.before)} → ${shown(c.after)}`);
            }
            return;
          }
          console.log(
            `已导入 ${o.year} 年统计数据：学校 ${result.schools} 所，乡镇 ${result.areas} 个，共 ${result.rows} 行；变化的数值 ${result.changedValues} 个`,
          );
        } catch (error) {
          progress.stop();
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
