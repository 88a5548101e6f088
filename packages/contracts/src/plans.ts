import { SCHOOL_TYPES } from "@luoshi/common";
import { z } from "zod";

export const NODE_ROLE_VALUES = [
  "background",
  "principle",
  "goal",
  "task",
  "safeguard",
  "schedule",
  "other",
] as const;
export const COMPARATOR_VALUES = [">=", "<=", "=", ">", "<", "increase", "decrease"] as const;
export const PLAN_STATUS_VALUES = ["draft", "confirmed", "superseded", "discarded"] as const;
/** 文件层级: the area's own plan, or a document from above or from another area. */
export const DOCUMENT_LEVEL_VALUES = ["own", "higher"] as const;
export const ISSUER_LEVEL_VALUES = ["national", "province", "city", "county", "school"] as const;

/** A plan in the plans list (规划文件列表). */
export const PlanSummary = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  periodStart: z.number().int().nullable(),
  periodEnd: z.number().int().nullable(),
  status: z.enum(PLAN_STATUS_VALUES),
  statusLabel: z.string(),
  version: z.number().int(),
  revisesPlanId: z.string().nullable(),
  sourceFileName: z.string(),
  orgUnitName: z.string(),
  nodeCount: z.number().int(),
  taskCount: z.number().int(),
  targetCount: z.number().int(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  documentLevel: z.enum(DOCUMENT_LEVEL_VALUES),
  /** 本级文件 / 上级文件 (with the issuer's level where known). */
  documentLevelLabel: z.string(),
  issuerLevel: z.enum(ISSUER_LEVEL_VALUES).nullable(),
  /** Why the importer read the level so, or that staff chose it. */
  documentLevelReason: z.string().nullable(),
  /** 承接方案: the higher-level plan (上级文件) this own plan implements. */
  adoptsPlanId: z.string().nullable(),
});
export type PlanSummary = z.infer<typeof PlanSummary>;

export const PlanListQuery = z.object({ status: z.enum(PLAN_STATUS_VALUES).optional() });
export const PlanList = z.object({ items: z.array(PlanSummary) });
export type PlanList = z.infer<typeof PlanList>;

/**
 * How a written unit name was tied to the registry: by name, by alias, through the renamed-agency
 * table, as a unit group (各乡镇 …), by a person, or not yet.
 */
export const PLAN_UNIT_MATCH_VALUES = ["name", "alias", "renamed", "group", "confirmed", "none"] as const;

/** A responsible unit of a node (责任单位), tied to the unit registry or not yet. */
export const PlanNodeUnit = z.object({
  name: z.string(),
  isLead: z.boolean(),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  match: z.enum(PLAN_UNIT_MATCH_VALUES),
  /** For a collective name (各乡镇 …): the unit group it stands for (see `PlanDetail.unitGroups`). */
  groupName: z.string().nullable().optional(),
  /** For unmatched names: the closest registry units, best first. */
  suggestions: z.array(z.object({ orgUnitId: z.string(), name: z.string(), score: z.number() })),
});
export type PlanNodeUnit = z.infer<typeof PlanNodeUnit>;

/** A numbered heading or item (条目) with its place in the source text. */
export const PlanNode = z.object({
  id: z.string(),
  path: z.string(),
  parentPath: z.string(),
  level: z.number().int(),
  marker: z.string(),
  title: z.string(),
  role: z.enum(NODE_ROLE_VALUES),
  roleLabel: z.string(),
  span: z.tuple([z.number().int(), z.number().int()]),
  titleSpan: z.tuple([z.number().int(), z.number().int()]),
  deadline: z.string().nullable(),
  units: z.array(PlanNodeUnit),
  /** 承接方案: the higher-level plan's item this one implements. */
  adoptedNodeId: z.string().nullable(),
});
export type PlanNode = z.infer<typeof PlanNode>;

/** A target (目标) or a reported current figure (现状值). */
export const PlanTarget = z.object({
  id: z.string(),
  path: z.string(),
  text: z.string(),
  metric: z.string(),
  indicatorCode: z.string().nullable(),
  comparator: z.enum(COMPARATOR_VALUES),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string(),
  year: z.number().int().nullable(),
  kind: z.enum(["target", "baseline"]),
  span: z.tuple([z.number().int(), z.number().int()]).nullable(),
});
export type PlanTarget = z.infer<typeof PlanTarget>;

/** One distinct unit name of a plan, with how it resolved and on how many items it is written. */
export const PlanUnitName = z.object({
  name: z.string(),
  items: z.number().int(),
  /** `mixed`: items of the plan tie the same name to different units. */
  resolution: z.enum([...PLAN_UNIT_MATCH_VALUES, "mixed"]),
  resolutionLabel: z.string(),
  orgUnitId: z.string().nullable(),
  orgUnitName: z.string().nullable(),
  groupName: z.string().nullable(),
  /** For an old agency name: the name it has now and why (机构改革, year). */
  renamedTo: z.string().nullable(),
  renameNote: z.string().nullable(),
  suggestions: z.array(z.object({ orgUnitId: z.string(), name: z.string(), score: z.number() })),
});
export type PlanUnitName = z.infer<typeof PlanUnitName>;

/** A unit group named in the plan, with its members below the plan's area. */
export const PlanUnitGroup = z.object({
  name: z.string(),
  members: z.array(z.object({ orgUnitId: z.string(), name: z.string() })),
});
export type PlanUnitGroup = z.infer<typeof PlanUnitGroup>;

/** GET /api/plans/:id — the plan with its tree and targets. */
export const PlanDetail = PlanSummary.extend({
  nodes: z.array(PlanNode),
  targets: z.array(PlanTarget),
  /** Every distinct unit name of the plan's items (单位名称核对). */
  unitNames: z.array(PlanUnitName).default([]),
  unitGroups: z.array(PlanUnitGroup).default([]),
  parseIssues: z.array(z.object({ code: z.string(), severity: z.string(), message: z.string() })),
});
export type PlanDetail = z.infer<typeof PlanDetail>;

/** GET /api/plans/:id/source — the document text the offsets point into. */
export const PlanSource = z.object({ fileName: z.string(), format: z.string(), text: z.string() });
export type PlanSource = z.infer<typeof PlanSource>;

/** POST /api/plans (JSON upload: the file as base64, at most 20 MB before encoding). */
export const PlanImportBody = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "请给出文件名" })
    .max(200, { error: "文件名最多 200 个字符" })
    .regex(/\.(txt|html?|docx|doc|wps|xlsx|pdf)$/i, {
      error: "只支持 .txt、.html、.docx、.doc、.wps、.xlsx、.pdf 文件",
    }),
  contentBase64: z.base64({ error: "文件内容应为 base64 编码" }).max(28_000_000, { error: "文件超过 20 MB" }),
  /** Omitted: read from the issuer or title (see the review page's 文件层级). */
  documentLevel: z.enum(DOCUMENT_LEVEL_VALUES).optional(),
});
export type PlanImportBody = z.infer<typeof PlanImportBody>;

/** PUT /api/plans/:id/document-level — staff decide whose document it is. */
export const PlanDocumentLevelBody = z.strictObject({
  documentLevel: z.enum(DOCUMENT_LEVEL_VALUES, { error: "文件层级应为本级文件（own）或上级文件（higher）" }),
});
export type PlanDocumentLevelBody = z.infer<typeof PlanDocumentLevelBody>;

export const PlanNodeParams = z.object({ id: z.uuid(), nodeId: z.uuid() });
export const PlanTargetParams = z.object({ id: z.uuid(), targetId: z.uuid() });

/** PATCH /api/plans/:id/nodes/:nodeId — fix a title, role or deadline. */
export const PlanNodePatch = z
  .strictObject({
    title: z.string().trim().min(1, { error: "标题不能为空" }).max(500, { error: "标题最多 500 个字符" }),
    role: z.enum(NODE_ROLE_VALUES),
    deadline: z.string().trim().max(50, { error: "时限最多 50 个字符" }).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: "至少修改一项" });
export type PlanNodePatch = z.infer<typeof PlanNodePatch>;

/** PUT /api/plans/:id/nodes/:nodeId/units — the node's units in order; at most one lead. */
export const PlanNodeUnitsBody = z.strictObject({
  units: z
    .array(
      z.strictObject({
        name: z
          .string()
          .trim()
          .min(1, { error: "单位名称不能为空" })
          .max(100, { error: "单位名称最多 100 个字符" }),
        orgUnitId: z.uuid({ error: "应为有效的单位 ID" }).nullable(),
        isLead: z.boolean(),
      }),
    )
    .max(50, { error: "责任单位最多 50 个" })
    .refine((us) => us.filter((u) => u.isLead).length <= 1, { error: "牵头单位只能有一个" }),
});
export type PlanNodeUnitsBody = z.infer<typeof PlanNodeUnitsBody>;

/** POST /api/plans/:id/unit-names — tie one written name to a unit on every item of the draft. */
export const PlanUnitMapBody = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, { error: "单位名称不能为空" })
    .max(100, { error: "单位名称最多 100 个字符" }),
  /** null: leave the name as written (unmatched) on every item. */
  orgUnitId: z.uuid({ error: "应为有效的单位 ID" }).nullable(),
});
export type PlanUnitMapBody = z.infer<typeof PlanUnitMapBody>;

const ruleText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what}不能为空` })
    .max(max, { error: `${what}最多 ${String(max)} 个字符` });

/** 单位名称规则: the renamed agencies and unit groups a county resolves names with. */
export const UnitNameRules = z.strictObject({
  renames: z
    .array(
      z.strictObject({
        from: ruleText("原机构名称", 50),
        to: ruleText("现机构名称", 50),
        year: z.number().int().min(1949).max(2100),
        source: ruleText("依据", 300),
      }),
    )
    .max(300, { error: "更名机构最多 300 条" }),
  groups: z
    .array(
      z.strictObject({
        name: ruleText("单位组名称", 50),
        aliases: z.array(ruleText("别称", 50)).max(30),
        kind: z.enum(["township", "school", "office", "county"]),
        schoolTypes: z.array(z.enum(SCHOOL_TYPES)).max(10),
      }),
    )
    .max(60, { error: "单位组最多 60 个" }),
});
export type UnitNameRules = z.infer<typeof UnitNameRules>;

/** GET /api/plans/unit-name-rules — the county's rules (or the defaults) and each group's size today. */
export const UnitNameRulesView = z.object({
  rules: UnitNameRules,
  isDefault: z.boolean(),
  groupSizes: z.array(z.object({ name: z.string(), members: z.number().int() })),
});
export type UnitNameRulesView = z.infer<typeof UnitNameRulesView>;

/** POST /api/plans/:id/nodes/:nodeId/split — split an item at an offset of the source text. */
export const PlanNodeSplitBody = z.strictObject({
  offset: z.number().int().min(0),
  title: z.string().trim().min(1, { error: "新条目标题不能为空" }).max(500),
});
export type PlanNodeSplitBody = z.infer<typeof PlanNodeSplitBody>;

/** A target as staff write it; POST creates, PATCH edits. */
export const PlanTargetBody = z.strictObject({
  path: z.string().trim().max(50),
  text: z.string().trim().min(1, { error: "原文不能为空" }).max(1000),
  metric: z.string().trim().min(1, { error: "指标不能为空" }).max(100),
  indicatorCode: z.string().trim().max(64).nullable(),
  comparator: z.enum(COMPARATOR_VALUES),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  unit: z.string().trim().max(20),
  year: z
    .number()
    .int()
    .min(1949, { error: "年份应在 1949–2100 之间" })
    .max(2100, { error: "年份应在 1949–2100 之间" })
    .nullable(),
  kind: z.enum(["target", "baseline"]),
});
export type PlanTargetBody = z.infer<typeof PlanTargetBody>;
export const PlanTargetPatch = PlanTargetBody.partial();
export type PlanTargetPatch = z.infer<typeof PlanTargetPatch>;

/** GET /api/plans/:id/diff — what changed against the confirmed plan this draft revises. */
export const PlanDiff = z.object({
  basePlanId: z.string().nullable(),
  added: z.array(z.object({ path: z.string(), title: z.string() })),
  removed: z.array(z.object({ path: z.string(), title: z.string() })),
  changed: z.array(
    z.object({
      path: z.string(),
      field: z.enum(["title", "role", "units", "lead"]),
      before: z.string(),
      after: z.string(),
    }),
  ),
  targetsAdded: z.array(z.string()),
  targetsRemoved: z.array(z.string()),
});
export type PlanDiff = z.infer<typeof PlanDiff>;
