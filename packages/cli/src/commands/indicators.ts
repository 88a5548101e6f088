import { resolve } from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { formatNumber } from "@luoshi/common";
import { orgUnitRepo } from "@luoshi/db";
import {
  AppError,
  computeCatalogueTables,
  computeIndicators,
  writeCatalogueXlsx,
  type CatalogueTables,
} from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const Year = z.coerce
  .number()
  .int({ error: "应为四位年份" })
  .min(2000, { error: "应为 2000–2100 之间的年份" })
  .max(2100, { error: "应为 2000–2100 之间的年份" });

const IndicatorOptions = z
  .object({
    org: z.string().min(2, { error: "请用 --org 给出单位代码，如 620802" }),
    year: Year.optional(),
    from: Year.optional(),
    to: Year.optional(),
    allUnits: z.boolean().optional(),
    kind: z
      .string()
      .transform((s) => s.split(",").map((k) => k.trim()))
      .pipe(
        z.array(
          z.enum(["province", "city", "county", "township", "school"], {
            error: "单位类型应为 province、city、county、township、school，多个用逗号分隔",
          }),
        ),
      )
      .optional(),
    xlsx: z.string().min(1).optional(),
    json: z.boolean().optional(),
  })
  .refine((o) => o.allUnits === true || o.year !== undefined, {
    path: ["year"],
    error: "请用 --year 给出统计年度，或用 --all-units --from --to 导出全部单位",
  })
  .refine(
    (o) => o.allUnits !== true || o.year !== undefined || (o.from !== undefined && o.to !== undefined),
    {
      path: ["from"],
      error: "--all-units 需要 --from 和 --to（或 --year）",
    },
  )
  .refine((o) => o.allUnits !== true || o.xlsx !== undefined || o.json === true, {
    path: ["all-units"],
    error: "--all-units 需要用 --xlsx 文件 或 --json 指定输出",
  })
  .refine((o) => o.allUnits === true || (o.xlsx === undefined && o.kind === undefined), {
    path: ["all-units"],
    error: "--xlsx 和 --kind 只与 --all-units 一起使用",
  });

/** One JSON line per unit and year: the indicators' unrounded values by code (null: no value). */
function printJsonLines(result: CatalogueTables): void {
  const lines: string[] = [];
  for (const u of result.units) {
    for (const year of result.years) {
      const values: Record<string, number | null> = {};
      for (const d of result.indicators) {
        values[d.code] = result.cell(d.code, u.code, year).value;
      }
      lines.push(JSON.stringify({ code: u.code, name: u.name, kind: u.kind, year, values }));
      if (lines.length >= 1000) {
        process.stdout.write(`${lines.join("\n")}\n`);
        lines.length = 0;
      }
    }
  }
  if (lines.length > 0) {
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}

/**
 * `luoshi indicators --org CODE --year YYYY [--json]`: every catalogue indicator of a unit and year.
 * `luoshi indicators --org CODE --from YYYY --to YYYY --all-units (--xlsx FILE | --json) [--kind …]`:
 * the whole catalogue for every unit under CODE and every year, as a workbook or JSON lines.
 */
export function indicatorsCommand(): Command {
  return new Command("indicators")
    .description("计算单位某年度的全部标准指标；或用 --all-units 导出其下全部单位、多个年度的指标总表")
    .requiredOption("--org <code>", "单位代码：行政区划代码或学校标识码")
    .option("--year <year>", "统计年度，如 2020")
    .option("--from <year>", "起始年度（与 --all-units 一起使用）")
    .option("--to <year>", "截止年度（与 --all-units 一起使用）")
    .option("--all-units", "该单位及其下属全部单位（市、县、乡镇、学校）")
    .option("--kind <kinds>", "只导出这些类型的单位，如 county,township（与 --all-units 一起使用）")
    .option("--xlsx <file>", "把指标总表写入 .xlsx 文件（与 --all-units 一起使用）")
    .option("--json", "以 JSON 输出（供程序使用；--all-units 时每行一个单位年度）")
    .action(async (raw: unknown) => {
      const o = parseOptions(IndicatorOptions, raw);
      await withServices(async (deps) => {
        const unit = await orgUnitRepo.findByCode(deps.handle.db, o.org);
        if (unit === undefined) {
          throw new AppError("validation-failed", `--org：没有代码为 ${o.org} 的单位`);
        }
        const actor = { ...cliActor(), role: "leader" as const };
        if (o.allUnits === true) {
          const from = o.from ?? o.year ?? 0;
          const to = o.to ?? o.year ?? 0;
          const result = await computeCatalogueTables(deps, actor, {
            orgUnitId: unit.id,
            from,
            to,
            ...(o.kind === undefined ? {} : { kinds: o.kind }),
          });
          if (o.xlsx !== undefined) {
            const file = resolve(o.xlsx);
            await writeCatalogueXlsx(result, { filename: file });
            console.error(
              `已写入 ${file}：${result.units.length} 个单位 × ${result.years.length} 个年度 × ` +
                `${result.indicators.length} 项指标`,
            );
          }
          if (o.json === true) {
            printJsonLines(result);
          }
          return;
        }
        const result = await computeIndicators(deps, actor, { orgUnitId: unit.id, year: o.year ?? 0 });
        if (o.json === true) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        console.log(`${result.orgUnit.name}（${result.orgUnit.code}）${result.year} 年指标`);
        for (const i of result.items) {
          const parts =
            i.numerator === null
              ? ""
              : `\t${formatNumber(i.numerator, 4)} / ${formatNumber(i.denominator, 4)}`;
          console.log(`  ${i.code}\t${i.name}\t${i.display}${parts}`);
        }
      });
    });
}
