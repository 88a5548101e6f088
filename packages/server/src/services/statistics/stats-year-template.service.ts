/**
 * 下载本年度数据: the import template filled with a unit's statistics of one year, so that next year's
 * figures start from this year's (change what changed, import back). Recorded as an export.
 */
import { evaluationRepo, scopeOf, statsRepo } from "@luoshi/db";
import { STATS_TEMPLATE, matchHeaders, rowToCells, type Cell } from "@luoshi/domain/stats";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { findUnitInScope } from "../access/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { statsTemplateXlsx } from "./stats-template.service.ts";

const asCells = (cells: Cell[]) => cells.map((c) => (c === undefined || typeof c === "boolean" ? null : c));

/** The template workbook with the statistics of `year` of every school (and 乡镇 人口) below the unit. */
export async function statsYearTemplateXlsx(
  deps: ServiceDeps,
  actor: Actor,
  input: { orgUnitId: string; year: number },
): Promise<{ file: Buffer; filename: string }> {
  authorize(actor, "stats.read");
  const { db } = deps.handle;
  const unit = await findUnitInScope(db, actor, input.orgUnitId);
  const { year } = input;
  const scope = scopeOf(unit.path);
  const [schools, stats, population] = await Promise.all([
    evaluationRepo.listSchools(db, scope, year),
    statsRepo.listInScope(db, "school_stats", scope, year, year),
    statsRepo.listInScope(db, "population_stats", scope, year, year),
  ]);
  const valuesByCode = new Map(stats.map((s) => [s.code, s.values]));
  const rows = new Map<string, (string | number | null)[][]>();
  for (const t of STATS_TEMPLATE) {
    const { binding } = matchHeaders(
      t.sheet,
      t.columns.map((c) => c.header),
    );
    if (t.sheet === "population") {
      rows.set(
        t.name,
        population.map((p) =>
          asCells(rowToCells(binding, { areaCode: p.code, year, attributes: {}, values: p.values })),
        ),
      );
      continue;
    }
    rows.set(
      t.name,
      schools.flatMap((s) => {
        const values = valuesByCode.get(s.code);
        return values === undefined
          ? []
          : [
              asCells(
                rowToCells(binding, {
                  schoolCode: s.code,
                  schoolName: s.name,
                  year,
                  attributes: s.schoolType === null ? {} : { schoolType: s.schoolType },
                  values,
                }),
              ),
            ];
      }),
    );
  }
  const note = `本文件已填入${unit.name} ${String(year)} 年的统计数据（${String(stats.length)} 所学校），可在此基础上修改后导入；导入新年度时请先把“统计年度”改为新年度。`;
  const file = await statsTemplateXlsx(rows, note);
  await recordAudit(db, actor, {
    action: "stats.year-export",
    entityType: "org_unit",
    entityId: unit.id,
    details: { year, schools: stats.length, areas: population.length },
  });
  return { file, filename: `${unit.name}${String(year)}年统计数据.xlsx` };
}
