/**
 * 指标总表: the whole indicator catalogue for every org unit under a unit and every year of a range, as
 * a workbook (GET /api/indicators/table.xlsx).
 */
import { z } from "zod";
import { OrgUnitIdParam as orgUnitId, StatsYear as year } from "./common.ts";

/** Unit kinds a table may list (departments hold no statistics). */
export const CATALOGUE_KIND_VALUES = ["province", "city", "county", "township", "school"] as const;

/** Query of the 指标总表 download. */
export const IndicatorTableQuery = z
  .object({
    orgUnitId: orgUnitId,
    from: year,
    to: year,
    /** Comma-separated kinds to list (default: every kind); the values are the same either way. */
    kinds: z
      .string()
      .regex(/^[a-z]+(,[a-z]+)*$/, { error: "kinds 应为逗号分隔的单位类型" })
      .transform((s) => s.split(","))
      .pipe(
        z.array(
          z.enum(CATALOGUE_KIND_VALUES, { error: "kinds 只能是 province、city、county、township、school" }),
        ),
      )
      .optional(),
  })
  .refine((q) => q.from <= q.to, { error: "起始年度不能晚于截止年度", path: ["from"] })
  .refine((q) => q.to - q.from < 30, { error: "一次最多导出 30 个年度", path: ["to"] });
/** {@link IndicatorTableQuery}. */
export type IndicatorTableQuery = z.infer<typeof IndicatorTableQuery>;
