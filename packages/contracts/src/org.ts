import { z } from "zod";
import {
  ORG_KINDS as ORG_KIND_VALUES,
  OWNERSHIPS,
  resolveSchoolTypeInput,
  resolveUrbanRuralInput,
} from "@luoshi/common";
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
  /** 办学类型代码 as the 教育事业统计 school list gives it. */
  schoolTypeCode: z.string().nullable(),
  sponsor: z.string().nullable(),
  address: z.string().nullable(),
  principal: z.string().nullable(),
  phone: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  mergedInto: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** open 在办, merged 已撤并, closed 已撤销 (today). */
  status: z.enum(["open", "merged", "closed"]),
  statusLabel: z.string(),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

/** GET /api/org-units — without parentId: the user's own scope root. */
export const OrgUnitListQuery = PageQuery.extend({
  parentId: z.uuid({ error: "parentId 应为有效的 ID" }).optional(),
  kind: z.enum(ORG_KIND_VALUES).optional(),
  schoolType: z.string().max(32).optional(),
  q: z.string().trim().max(100, { error: "搜索词最多 100 个字符" }).optional(),
  /** "true": closed and merged units too (history); by default only the units open today. */
  includeClosed: z.enum(["true", "false"]).default("false"),
});
export type OrgUnitListQuery = z.infer<typeof OrgUnitListQuery>;

export const OrgUnitPage = pageOf(OrgUnit);
export type OrgUnitPage = z.infer<typeof OrgUnitPage>;

/** GET /api/org-units/:id — the unit with its ancestors inside the user's scope. */
export const OrgUnitDetail = OrgUnit.extend({
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type OrgUnitDetail = z.infer<typeof OrgUnitDetail>;

const IsoDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const Reason = z.string().trim().max(500, { error: "说明最多 500 个字符" }).optional();
const OptionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label}最多 ${String(max)} 个字符` })
    .nullable()
    .optional();

/** 办学类型: luoshi's word or a national code, name or both (docs/unit-registry.md). */
const SchoolTypeText = z
  .string()
  .trim()
  .refine((s) => resolveSchoolTypeInput(s) !== undefined, {
    error: "办学类型无效：应为类型（如 primary）或国家代码、名称（如 211、小学）；附设班不是单独的单位",
  });

/** 城乡分类: luoshi's word, a national code or name, or 城区 / 镇区 / 乡村. */
const UrbanRuralText = z
  .string()
  .trim()
  .refine((s) => resolveUrbanRuralInput(s) !== undefined, {
    error: "城乡分类无效：应为 urban、town、rural，国家代码（如 121）或 城区、镇区、乡村",
  });

/** The registry fields a unit's edit may change (absent: unchanged; null: cleared). */
const RegistryFields = z.object({
  schoolType: SchoolTypeText.optional(),
  ownership: z.enum(OWNERSHIPS, { error: "办学性质应为 public 或 private" }).optional(),
  isInclusive: z.boolean().optional(),
  urbanRural: UrbanRuralText.optional(),
  schoolTypeCode: OptionalText("办学类型代码", 16),
  sponsor: OptionalText("举办者", 100),
  address: OptionalText("地址", 200),
  principal: OptionalText("负责人", 50),
  phone: OptionalText("电话", 50),
  aliases: z.array(z.string().trim().min(1).max(100)).max(20, { error: "别名最多 20 个" }).optional(),
});

/** POST /api/org-units — a new school, department or 乡镇 below `parentId`. */
export const OrgUnitCreateBody = RegistryFields.extend({
  parentId: z.uuid({ error: "parentId 应为有效的 ID" }),
  kind: z.enum(["township", "school", "department"], { error: "只能新增乡镇、学校或部门" }),
  code: z.string().trim().min(1, { error: "请填写代码" }).max(32, { error: "代码最多 32 个字符" }),
  name: z.string().trim().min(1, { error: "请填写名称" }).max(100, { error: "名称最多 100 个字符" }),
  openedOn: IsoDate.optional(),
  reason: Reason,
});
export type OrgUnitCreateBody = z.infer<typeof OrgUnitCreateBody>;

/** PATCH /api/org-units/:id — a new name (更名) and/or registry fields, effective on a day. */
export const OrgUnitEditBody = RegistryFields.extend({
  name: z
    .string()
    .trim()
    .min(1, { error: "请填写名称" })
    .max(100, { error: "名称最多 100 个字符" })
    .optional(),
  effectiveOn: IsoDate.optional(),
  reason: Reason,
});
export type OrgUnitEditBody = z.infer<typeof OrgUnitEditBody>;

/** POST /api/org-units/:id/move — 调整隶属. */
export const OrgUnitMoveBody = z.object({
  parentId: z.uuid({ error: "parentId 应为有效的 ID" }),
  effectiveOn: IsoDate.optional(),
  reason: Reason,
});
export type OrgUnitMoveBody = z.infer<typeof OrgUnitMoveBody>;

/** POST /api/org-units/:id/merge — 撤并 into another school. */
export const OrgUnitMergeBody = z.object({
  intoId: z.uuid({ error: "intoId 应为有效的 ID" }),
  effectiveOn: IsoDate.optional(),
  reason: Reason,
});
export type OrgUnitMergeBody = z.infer<typeof OrgUnitMergeBody>;

/** POST /api/org-units/:id/close and /reopen — 撤销 and 恢复. */
export const OrgUnitCloseBody = z.object({
  effectiveOn: IsoDate.optional(),
  reason: Reason,
});
export type OrgUnitCloseBody = z.infer<typeof OrgUnitCloseBody>;

/** One row of a unit's 变更记录. */
export const OrgUnitChange = z.object({
  id: z.string(),
  kind: z.enum(["open", "rename", "edit", "move", "merge", "close", "reopen"]),
  kindLabel: z.string(),
  effectiveOn: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  relatedUnit: z.object({ id: z.string(), name: z.string() }).nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type OrgUnitChange = z.infer<typeof OrgUnitChange>;

/** GET /api/org-units/:id/changes. */
export const OrgUnitChangeList = z.object({ items: z.array(OrgUnitChange) });
export type OrgUnitChangeList = z.infer<typeof OrgUnitChangeList>;
