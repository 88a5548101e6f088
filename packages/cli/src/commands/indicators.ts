import { Command } from "commander";
import { z } from "zod";
import { orgUnitRepo } from "@luoshi/db";
import { AppError, computeIndicators } from "@luoshi/server";
import { cliActor, withServices } from "../context.ts";
import { parseOptions } from "../options.ts";

const IndicatorOptions = z.object({
  org: z.string().min(2, { error: "请用 --org 给出单位代码，如 620802" }),
  year: z.coerce.number().int({ error: "应为四位年份" }).min(2000).max(2100),
  json: z.boolean().optional(),
});

const num = (v: number | null): string => (v === null ? "—" : String(Math.round(v * 1e4) / 1e4));

/** `luoshi indicators --org CODE --year YYYY [--json]`: every catalogue indicator of a unit and year. */
export function indicatorsCommand(): Command {
  return new Command("indicators")
    .description("计算单位某年度的全部标准指标（依据已导入的统计数据）")
    .requiredOption("--org <code>", "单位代码：行政区划代码或学校标识码")
    .requiredOption("--year <year>", "统计年度，如 2020")
    .option("--json", "以 JSON 输出（供程序使用）")
    .action(async (raw: unknown) => {
      const o = parseOptions(IndicatorOptions, raw);
      await withServices(async (deps) => {
        const unit = await orgUnitRepo.findByCode(deps.handle.db, o.org);
        if (unit === undefined) {
          throw new AppError("validation-failed", `--org：没有代码为 ${o.org} 的单位`);
        }
        const actor = { ...cliActor(), role: "leader" as const };
        const result = await computeIndicators(deps, actor, { orgUnitId: unit.id, year: o.year });
        if (o.json === true) {
          console.log(JSON.stringify(result, null, 2));
          return;
        }
        console.log(`${result.orgUnit.name}（${result.orgUnit.code}）${result.year} 年指标`);
        for (const i of result.items) {
          const parts = i.numerator === null ? "" : `\t${num(i.numerator)} / ${num(i.denominator)}`;
          console.log(`  ${i.code}\t${i.name}\t${i.display}${parts}`);
        }
      });
    });
}
