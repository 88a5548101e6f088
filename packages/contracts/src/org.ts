import { z } from "zod";
import { ORG_KINDS as ORG_KIND_VALUES } from "@luoshi/common";
import { PageQuery, pageOf } from "./common.ts";

export { ORG_KIND_VALUES };

/** School attributes of a school unit. */
export const SchoolInfo = z.object({
  schoolType: z.string(),
  schoolTypeLabel: z.string(),
  ownership: z.string().nullable(),
  ownershipLabel: z.string().nullable(),
  isInclusive: z.boolean().nullable(),
  urbanRural: z.string().nullable(),
  urbanRuralLabel: z.string().nullable(),
  parentSchoolId: z.string().nullable(),
});

/** One org unit as lists and pages show it. */
export const OrgUnit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(ORG_KIND_VALUES),
  kindLabel: z.string(),
  code: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  depth: z.number().int(),
  childCount: z.number().int(),
  school: SchoolInfo.nullable(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

/** GET /api/org-units — without parentId: the user's own scope root. */
export const OrgUnitListQuery = PageQuery.extend({
  parentId: z.uuid({ error: "parentId 应为有效的 ID" }).optional(),
  kind: z.enum(ORG_KIND_VALUES).optional(),
  schoolType: z.string().max(32).optional(),
  q: z.string().trim().max(100, { error: "搜索词最多 100 个字符" }).optional(),
});
export type OrgUnitListQuery = z.infer<typeof OrgUnitListQuery>;

export const OrgUnitPage = pageOf(OrgUnit);
export type OrgUnitPage = z.infer<typeof OrgUnitPage>;

/** GET /api/org-units/:id — the unit with its ancestors inside the user's scope. */
export const OrgUnitDetail = OrgUnit.extend({
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type OrgUnitDetail = z.infer<typeof OrgUnitDetail>;
