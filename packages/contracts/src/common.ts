import { z } from "zod";

/** The one error body every failing request returns. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z
      .object({
        fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
        requestId: z.string().optional(),
      })
      .catchall(z.unknown())
      .optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Paging for list endpoints: page from 1, at most 200 rows. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** A page of items with the total across pages. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

/** Health probe answer. */
export const HealthResponse = z.object({
  status: z.literal("ok"),
  engine: z.enum(["pglite", "postgres"]),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof HealthResponse>;

/** Ids are UUIDs. */
export const Id = z.uuid({ error: "应为有效的 ID（UUID）" });
export const IdParams = z.object({ id: Id });

/** A 统计年度 (2000–2100) as a JSON body carries it: the contracts' one year rule. */
export const StatsYearValue = z
  .number({ error: "统计年度应为整数" })
  .int({ error: "统计年度应为整数" })
  .min(2000, { error: "统计年度不早于 2000" })
  .max(2100, { error: "统计年度不晚于 2100" });

/** A 统计年度 in a query string: the text is coerced to a number, then held to {@link StatsYearValue}. */
export const StatsYear = z.coerce.number({ error: "统计年度应为整数" }).pipe(StatsYearValue);

/** The org unit a query is about. */
export const OrgUnitIdParam = z.uuid({ error: "orgUnitId 应为单位编号" });
