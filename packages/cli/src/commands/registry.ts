import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { orgUnitRepo, scopeOf } from "@luoshi/db";
import {
  AppError,
  importRegistry,
  loadDemoDropout,
  loadDemoRegistry,
  registryRetention,
} from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const RegistryImportOptions = z.object({
  year: z.coerce
    .number({ error: "请用 --year 给出学年（秋季学期所在年份），如 2024" })
    .int({ error: "应为四位年份" })
    .min(2000, { error: "应为 2000–2100 的年份" })
    .max(2100, { error: "应为 2000–2100 的年份" }),
  term: z.enum(["1", "2"], { error: "--term 应为 1（秋季）或 2（春季）" }).default("1"),
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "--as-of 应为 YYYY-MM-DD" })
    .optional(),
  unit: z.string().min(2, { error: "请用 --unit 给出学籍所属地区或学校的代码" }),
  apply: z.boolean().optional(),
});

const RetentionOptions = z.object({
  years: z.coerce
    .number()
    .int()
    .min(1, { error: "--years 至少为 1" })
    .max(30, { error: "--years 至多为 30" })
    .optional(),
  apply: z.boolean().optional(),
});

const KIND_LABELS: Record<string, string> = {
  transferIn: "转入",
  transferOut: "转出",
  suspension: "休学",
  resumption: "复学",
  dropout: "辍学",
  graduation: "毕业",
  death: "死亡",
};

/**
 * `luoshi registry import FILE --unit CODE --year YYYY [--term 1|2] [--as-of D] [--apply]`: previews a
 * 学籍 export (what it adds, updates and which movements follow), and with --apply imports it, all or
 * nothing. Problems are printed by row and column with personal values masked.
 */
export function registryCommand(): Command {
  const registry = new Command("registry").description("学籍 — student registry");
  registry
    .command("import")
    .description("预览或导入学籍（.xlsx / .csv）；加 --apply 才写入；有错误则全部不导入")
    .argument("<file>", "学籍导出文件 .xlsx / .csv")
    .requiredOption("--unit <code>", "学籍所属地区（行政区划代码）或学校（学校标识码）")
    .requiredOption("--year <year>", "学年（秋季学期所在年份），如 2024")
    .option("--term <term>", "学期：1 秋季，2 春季", "1")
    .option("--as-of <date>", "导出文件的截至日期（学籍变动按此日期记），缺省为今天")
    .option("--apply", "写入（缺省只预览）")
    .action(async (file: string, raw: unknown) => {
      const o = parseOptions(RegistryImportOptions, raw);
      let bytes: Uint8Array;
      try {
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
        const actor = { ...cliActor(), role, scope: scopeOf(unit.path) };
        const result = await importRegistry(deps, actor, {
          fileName: basename(file),
          bytes,
          schoolYear: o.year,
          term: o.term === "2" ? 2 : 1,
          ...(o.asOf === undefined ? {} : { asOf: o.asOf }),
          preview: o.apply !== true,
        });
        const moves = Object.entries(result.movements)
          .filter(([, n]) => n > 0)
          .map(([k, n]) => `${KIND_LABELS[k] ?? k} ${n}`)
          .join("，");
        console.log(
          `${result.applied ? "已导入" : "预览（未写入，加 --apply 导入）"}：${result.rows} 名学生，新增 ${result.added}，更新 ${result.updated}` +
            `${moves === "" ? "" : `；学籍变动：${moves}`}${result.pendingTransfers > 0 ? `（其中待确认转出 ${result.pendingTransfers}）` : ""}`,
        );
      });
    });
  registry
    .command("retention")
    .description(
      "学籍保存期限：离开本县学校（转出、毕业）超过保存年限的学生记录匿名化；缺省只预览，加 --apply 执行",
    )
    .option("--years <n>", "保存年限（缺省为 LUOSHI_REGISTRY_RETENTION_YEARS，默认 3 年）")
    .option("--apply", "执行匿名化（缺省只预览）")
    .action(async (raw: unknown) => {
      const o = parseOptions(RetentionOptions, raw);
      await withServices(async (deps) => {
        const r = await registryRetention(
          deps,
          { ...cliActor(), role: "bureauSupervisor" },
          {
            apply: o.apply === true,
            ...(o.years === undefined ? {} : { years: o.years }),
          },
        );
        console.log(
          r.applied
            ? `已匿名化：${String(r.anonymised)} 名学生（${r.leftBefore} 前离开本县学校，保存 ${String(r.years)} 年），相关已销号案件 ${String(r.cases)} 件；已记入审计日志。`
            : `预览（未修改，加 --apply 执行）：${String(r.due)} 名学生于 ${r.leftBefore} 前离开本县学校（转出或毕业），已超过 ${String(r.years)} 年保存期限。`,
        );
      });
    });
  return registry;
}

/** `luoshi demo registry`: the demo county's synthetic registry (about 86,000 pupils), loaded once. */
export async function demoRegistry(): Promise<void> {
  await withServices(async (deps) => {
    const started = performance.now();
    const n = await loadDemoRegistry(deps, cliActor());
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      n > 0 ? `已载入演示学籍：${n} 名合成学生（${seconds} 秒）。` : "学籍中已有学生，未载入演示学籍。",
    );
  });
}

/** `luoshi demo dropout`: unmatched 适龄 children and cases in every state for the demo county. */
export async function demoDropout(): Promise<void> {
  await withServices(async (deps) => {
    const r = await loadDemoDropout(deps, cliActor());
    console.log(
      r === null
        ? "已有适龄儿童名单，未载入演示控辍数据。"
        : `已载入演示控辍数据（合成）：适龄儿童 ${String(r.children)} 名，未匹配 ${String(r.unmatched)} 名并逐一立案；其中劝返中 ${String(r.open)}、已复学 ${String(r.returned)}、已销号 ${String(r.closed)}；另由考勤风险预警立案 ${String(r.fromFlags)} 件（计入劝返中）。`,
    );
  });
}
