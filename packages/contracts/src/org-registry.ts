import { z } from "zod";

/** GET /api/org-units/registry/template.xlsx — a city-level administrator names the county. */
export const RegistryTemplateQuery = z.object({
  countyId: z.uuid({ error: "countyId 应为有效的 ID" }).optional(),
});

/** POST /api/org-units/registry/preview — the body is the file itself (application/octet-stream). */
export const RegistryPreviewQuery = RegistryTemplateQuery.extend({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "请给出文件名（fileName），如 学校名录.xlsx" })
    .max(200, { error: "文件名最多 200 个字符" }),
});

/** POST /api/org-units/registry/:id/apply. */
export const RegistryApplyBody = z.object({
  effectiveOn: z.iso.date({ error: "生效日期格式应为 YYYY-MM-DD" }).optional(),
});
export type RegistryApplyBody = z.infer<typeof RegistryApplyBody>;

/** One problem of a file: sheet ("" for a CSV), 1-based row, column header, message. */
export const RegistryProblem = z.object({
  sheet: z.string(),
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type RegistryProblem = z.infer<typeof RegistryProblem>;

const RegistryUnitKind = z.enum(["school", "department"]);

/** A field shown before → after. */
export const RegistryFieldChange = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

/** A previewed registry import. */
export const RegistryImport = z.object({
  id: z.string(),
  countyId: z.string(),
  countyName: z.string(),
  fileName: z.string(),
  status: z.enum(["pending", "applied", "discarded"]),
  createdAt: z.string(),
  appliedAt: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  schoolRows: z.number().int(),
  departmentRows: z.number().int(),
  added: z.array(
    z.object({
      kind: RegistryUnitKind,
      sheet: z.string(),
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      parentName: z.string(),
      schoolTypeLabel: z.string().nullable(),
    }),
  ),
  changed: z.array(
    z.object({
      unitId: z.string(),
      kind: RegistryUnitKind,
      sheet: z.string(),
      row: z.number().int(),
      code: z.string(),
      name: z.string(),
      changeKinds: z.array(z.enum(["rename", "move", "edit"])),
      changeLabels: z.array(z.string()),
      fields: z.array(RegistryFieldChange),
    }),
  ),
  unchanged: z.number().int(),
  missing: z.array(
    z.object({ unitId: z.string(), kind: RegistryUnitKind, code: z.string(), name: z.string() }),
  ),
});
export type RegistryImport = z.infer<typeof RegistryImport>;

/** What applying an import did. */
export const RegistryApplyResult = z.object({
  added: z.number().int(),
  changed: z.number().int(),
  effectiveOn: z.string(),
});
export type RegistryApplyResult = z.infer<typeof RegistryApplyResult>;
