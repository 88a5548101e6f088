import { readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { orgUnitRepo, scopeOf } from "@luoshi/db";
import { ORG_UNIT_CHANGE_LABELS, type RegistryDiff } from "@luoshi/domain/org";
import {
  AppError,
  applyRegistryImport,
  discardRegistryImport,
  previewRegistryImport,
  registryTemplateXlsx,
  type Actor,
  type ServiceDeps,
} from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const County = z.string().regex(/^\d{6}$/, { error: "请用 --county 给出县（区）的 6 位行政区划代码" });
const TemplateOptions = z.object({
  county: County,
  out: z.string().min(1, { error: "请用 --out 给出文件名" }),
});
const ImportOptions = z.object({
  county: County,
  apply: z.boolean().optional(),
  effective: z.iso.date({ error: "生效日期格式应为 YYYY-MM-DD" }).optional(),
});

/** The CLI acts as the county's system administrator. */
async function countyActor(deps: ServiceDeps, code: string): Promise<{ actor: Actor; countyId: string }> {
  const county = await orgUnitRepo.findByCode(deps.handle.db, code);
  if (county?.kind !== "county") {
    throw new AppError("validation-failed", `--county：没有代码为 ${code} 的县（区）`);
  }
  return { actor: { ...cliActor(), role: "systemAdmin", scope: scopeOf(county.path) }, countyId: county.id };
}

const count = (items: readonly { kind: string }[]): string => {
  const schools = items.filter((i) => i.kind === "school").length;
  const departments = items.length - schools;
  return departments === 0 ? `${schools} 所` : `${schools} 所学校、${departments} 个责任单位`;
};

/** The preview as lines of text. */
function previewLines(diff: RegistryDiff): string[] {
  const lines = [`新增 ${count(diff.added)}`];
  for (const a of diff.added) {
    lines.push(`  + ${a.code} ${a.name}（${a.parentName}）`);
  }
  lines.push(`变更 ${count(diff.changed)}`);
  for (const c of diff.changed) {
    const kinds = c.changeKinds.map((k) => ORG_UNIT_CHANGE_LABELS[k]).join("、");
    const fields = c.fields
      .map((f) => `${f.label}：${f.before ?? "（空）"} → ${f.after ?? "（空）"}`)
      .join("；");
    lines.push(`  ~ ${c.code} ${c.name} [${kinds}] ${fields}`);
  }
  lines.push(`未变 ${diff.unchanged}`);
  lines.push(`文件中缺少 ${count(diff.missing)}（仅列出，不会撤销）`);
  for (const m of diff.missing) {
    lines.push(`  - ${m.code} ${m.name}`);
  }
  return lines;
}

/** `luoshi units template|import`: a county's school list and departments from a file. */
export function unitsCommand(): Command {
  const units = new Command("units").description("单位名录 — 学校名录与责任单位的导入");
  units
    .command("template")
    .description("生成本县单位名录导入模板（.xlsx，含填写说明与乡镇代码）")
    .requiredOption("--county <code>", "县（区）行政区划代码，如 620802")
    .requiredOption("--out <file>", "输出文件，如 名录模板.xlsx")
    .action(async (raw: unknown) => {
      const o = parseOptions(TemplateOptions, raw);
      await withServices(async (deps) => {
        const { actor, countyId } = await countyActor(deps, o.county);
        const t = await registryTemplateXlsx(deps, actor, countyId);
        writeFileSync(o.out, t.bytes);
        console.log(`已生成${t.countyName}单位名录导入模板：${o.out}`);
      });
    });
  units
    .command("import")
    .description("预览学校名录（.xlsx / .csv）的导入；加 --apply 才应用（全部或全不）")
    .argument("<file>", ".xlsx / .csv")
    .requiredOption("--county <code>", "县（区）行政区划代码，如 620802")
    .option("--apply", "按预览应用")
    .option("--effective <date>", "变更生效日期 YYYY-MM-DD（缺省今天）")
    .action(async (file: string, raw: unknown) => {
      const o = parseOptions(ImportOptions, raw);
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        throw new AppError("validation-failed", `${file}：文件不存在或无法读取`);
      }
      await withServices(async (deps) => {
        const { actor, countyId } = await countyActor(deps, o.county);
        let view;
        try {
          view = await previewRegistryImport(deps, actor, { countyId, fileName: basename(file), bytes });
        } catch (error) {
          if (error instanceof AppError && Array.isArray(error.details?.["problems"])) {
            const problems = error.details["problems"] as { message: string }[];
            throw new AppError(
              error.code,
              `名录文件有误，未导入任何数据：\n  ${problems.map((p) => p.message).join("\n  ")}`,
            );
          }
          throw error;
        }
        console.log(`${view.preview.county.name}单位名录预览（${basename(file)}）：`);
        console.log(previewLines(view.preview.diff).join("\n"));
        if (o.apply !== true) {
          await discardRegistryImport(deps, actor, view.row.id);
          console.log("未应用：确认无误后加 --apply 应用。");
          return;
        }
        const r = await applyRegistryImport(deps, actor, view.row.id, o.effective);
        console.log(`已应用：新增 ${r.added}，变更 ${r.changed}，生效日期 ${r.effectiveOn}`);
      });
    });
  return units;
}
