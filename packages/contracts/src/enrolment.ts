import { z } from "zod";

/** 招生入学: 学区 per year, 报名 and 资格审核, 摇号 and 编班 (docs/enrolment.md). */
const Year = z.coerce
  .number({ error: "学年应为数字" })
  .int()
  .min(2000, { error: "学年不早于 2000" })
  .max(2100, { error: "学年不晚于 2100" });
const Stage = z.enum(["primary", "junior"], { error: "学段应为小学或初中" });
const FileName = z
  .string()
  .trim()
  .min(1, { error: "请给出文件名" })
  .max(200, { error: "文件名最多 200 个字符" })
  .regex(/\.(xlsx|csv)$/i, { error: "只支持 .xlsx 或 .csv 文件" });
const Base64 = z.base64({ error: "文件内容应为 base64 编码" }).max(14_000_000, { error: "文件超过 10 MB" });

/** One address unit of a catchment: a whole 社区/小区/村, or a street's 门牌 range within it. */
export const AddressUnit = z
  .strictObject({
    township: z.string().trim().min(1, { error: "请填写乡镇（街道）" }).max(40),
    name: z.string().trim().min(1, { error: "请填写社区/小区/村" }).max(60),
    kind: z.enum(["community", "estate", "village"], { error: "类型应为社区、小区或村" }),
    street: z.string().trim().min(1).max(60).nullable(),
    from: z.number().int().min(1).nullable(),
    to: z.number().int().min(1).nullable(),
  })
  .refine((u) => (u.from === null) === (u.to === null), { error: "门牌起、止应同时填写", path: ["to"] })
  .refine((u) => u.from === null || u.to === null || u.from <= u.to, {
    error: "门牌止不能小于门牌起",
    path: ["to"],
  })
  .refine((u) => u.from === null || u.street !== null, {
    error: "填写门牌范围时须写明路（街）",
    path: ["street"],
  });
export type AddressUnit = z.infer<typeof AddressUnit>;

/** GET /api/enrolment/catchments */
export const CatchmentQuery = z.strictObject({ year: Year });
export type CatchmentQuery = z.infer<typeof CatchmentQuery>;

export const CatchmentItem = z.object({
  schoolId: z.uuid(),
  schoolName: z.string(),
  schoolCode: z.string(),
  stage: Stage,
  multiGroup: z.string().nullable(),
  feederId: z.uuid().nullable(),
  feederName: z.string().nullable(),
  seats: z.number().int().nullable(),
  units: z.array(
    z.object({
      township: z.string(),
      name: z.string(),
      kind: z.enum(["community", "estate", "village"]),
      street: z.string().nullable(),
      from: z.number().int().nullable(),
      to: z.number().int().nullable(),
      text: z.string(),
    }),
  ),
  updatedAt: z.string(),
});
export type CatchmentItem = z.infer<typeof CatchmentItem>;

export const CatchmentList = z.object({
  year: z.number().int(),
  /** the years that have a list, newest first */
  years: z.array(z.number().int()),
  areaName: z.string(),
  lastImport: z.object({ fileName: z.string(), sha256: z.string(), importedAt: z.string() }).nullable(),
  canEdit: z.boolean(),
  items: z.array(CatchmentItem),
});
export type CatchmentList = z.infer<typeof CatchmentList>;

/** POST /api/enrolment/catchments/imports — the county's list of a year, previewed or applied all or nothing. */
export const CatchmentImportBody = z.strictObject({
  fileName: FileName,
  schoolYear: Year,
  preview: z.boolean().default(false),
  contentBase64: Base64,
});
export type CatchmentImportBody = z.infer<typeof CatchmentImportBody>;

export const CatchmentImportResult = z.object({
  applied: z.boolean(),
  fileName: z.string(),
  schoolYear: z.number().int(),
  schools: z.number().int(),
  units: z.number().int(),
  /** compared with the list the year holds now */
  changedSchools: z.number().int(),
});
export type CatchmentImportResult = z.infer<typeof CatchmentImportResult>;

/** PUT /api/enrolment/catchments/{schoolId} — one school's catchment of a year, edited. */
export const CatchmentParams = z.strictObject({ schoolId: z.uuid({ error: "学校编号格式不对" }) });
export const CatchmentEditBody = z.strictObject({
  schoolYear: Year,
  stage: Stage,
  multiGroup: z.string().trim().min(1).max(60).nullable(),
  feederId: z.uuid({ error: "对口学校编号格式不对" }).nullable(),
  seats: z.number().int().min(0).max(5000).nullable(),
  units: z.array(AddressUnit).min(1, { error: "片区至少要有一个地址单元" }).max(500),
});
export type CatchmentEditBody = z.infer<typeof CatchmentEditBody>;

/** GET /api/enrolment/catchments/compare — one year's list beside the year before. */
export const CatchmentCompareQuery = z.strictObject({ year: Year });
const UnitText = z.array(z.string());
export const CatchmentCompare = z.object({
  year: z.number().int(),
  previousYear: z.number().int(),
  items: z.array(
    z.object({
      schoolId: z.uuid(),
      schoolName: z.string(),
      stage: Stage,
      status: z.enum(["new", "dropped", "changed", "same"]),
      added: UnitText,
      removed: UnitText,
      kept: UnitText,
      seatsBefore: z.number().int().nullable(),
      seatsAfter: z.number().int().nullable(),
      groupBefore: z.string().nullable(),
      groupAfter: z.string().nullable(),
      feederBefore: z.string().nullable(),
      feederAfter: z.string().nullable(),
    }),
  ),
});
export type CatchmentCompare = z.infer<typeof CatchmentCompare>;

/** What the family showed (flags and 社保 months), as the 类别 rules read it. */
export const ApplicationDocuments = z.strictObject({
  hukou: z.boolean(),
  property: z.boolean(),
  lease: z.boolean(),
  residencePermit: z.boolean(),
  socialMonths: z.number().int().min(0).max(600),
  sibling: z.boolean(),
  policy: z.boolean(),
});

/** GET /api/enrolment/applications */
export const ApplicationQuery = z.strictObject({
  year: Year,
  unitId: z.uuid({ error: "单位编号格式不对" }).optional(),
  status: z.enum(["pending", "approved", "rejected"]).optional(),
  duplicates: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ApplicationQuery = z.infer<typeof ApplicationQuery>;

export const ApplicationItem = z.object({
  id: z.uuid(),
  applicationNo: z.string(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  /** masked */
  name: z.string(),
  /** masked */
  idNumber: z.string(),
  sex: z.enum(["M", "F"]),
  source: z.enum(["portal", "school"]),
  documents: ApplicationDocuments,
  category: z.string(),
  categoryLabel: z.string(),
  tier: z.number().int(),
  ruleVersion: z.number().int(),
  status: z.enum(["pending", "approved", "rejected"]),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** other schools the same child applied to this year (found by blind index) */
  otherSchools: z.number().int(),
});
export type ApplicationItem = z.infer<typeof ApplicationItem>;

export const ApplicationList = z.object({
  total: z.number().int(),
  items: z.array(ApplicationItem),
  ruleVersion: z.number().int(),
  canManage: z.boolean(),
});
export type ApplicationList = z.infer<typeof ApplicationList>;

/** POST /api/enrolment/applications/imports — a portal export, previewed or applied all or nothing. */
export const ApplicationImportBody = z.strictObject({
  fileName: FileName,
  schoolYear: Year,
  preview: z.boolean().default(false),
  contentBase64: Base64,
});
export type ApplicationImportBody = z.infer<typeof ApplicationImportBody>;

export const ApplicationImportResult = z.object({
  applied: z.boolean(),
  fileName: z.string(),
  applications: z.number().int(),
  /** already entered (same child, same school, same year): left out */
  skipped: z.number().int(),
  byCategory: z.record(z.string(), z.number().int()),
  ruleVersion: z.number().int(),
});
export type ApplicationImportResult = z.infer<typeof ApplicationImportResult>;

/** POST /api/enrolment/applications — one application entered at the school. */
export const ApplicationCreateBody = z.strictObject({
  schoolYear: Year,
  unitId: z.uuid({ error: "学校编号格式不对" }).optional(),
  name: z.string().trim().min(1, { error: "请填写姓名" }).max(40),
  idNumber: z.string().trim().min(15, { error: "请填写身份证件号" }).max(18),
  documents: ApplicationDocuments,
});
export type ApplicationCreateBody = z.infer<typeof ApplicationCreateBody>;

/** POST /api/enrolment/applications/{id}/decision — 资格审核. */
export const ApplicationParams = z.strictObject({ id: z.uuid({ error: "报名编号格式不对" }) });
export const ApplicationDecisionBody = z.strictObject({
  decision: z.enum(["approved", "rejected"], { error: "审核结论应为通过或不通过" }),
  reason: z
    .string()
    .trim()
    .min(2, { error: "请写明审核理由" })
    .max(200, { error: "理由最多 200 个字" })
    .refine((s) => !/\d{17}[\dXx]/.test(s), { error: "请勿在理由中填写身份证件号" }),
});
export type ApplicationDecisionBody = z.infer<typeof ApplicationDecisionBody>;

/** POST /api/enrolment/applications/{id}/reveal — full name and ID number, audited. */
export const ApplicationRevealBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export const ApplicationReveal = z.object({ name: z.string(), idNumber: z.string() });

const Requirement = z.strictObject({
  doc: z.enum(["hukou", "property", "lease", "residencePermit", "socialMonths", "sibling", "policy"]),
  min: z.number().int().min(0).max(600).optional(),
});
/** GET/PUT /api/enrolment/category-rules — the area's 类别 rules, versioned. */
export const CategoryRulesBody = z.strictObject({
  categories: z
    .array(
      z.strictObject({
        code: z.string().trim().min(1).max(4),
        label: z.string().trim().min(1).max(60),
        when: z.array(z.array(Requirement).max(7)).min(1).max(10),
      }),
    )
    .min(1)
    .max(12),
});
export type CategoryRulesBody = z.infer<typeof CategoryRulesBody>;
export const CategoryRulesView = CategoryRulesBody.extend({ version: z.number().int() });
export type CategoryRulesView = z.infer<typeof CategoryRulesView>;

/** GET /api/enrolment/lottery — the county's 摇号 of a year as published (names masked). */
export const LotteryQuery = z.strictObject({ year: Year });
export const LotteryBody = z.strictObject({ schoolYear: Year });
export const LotteryDrawBody = z.strictObject({
  schoolYear: Year,
  entropy: z.string().trim().min(1, { error: "请填写公开随机数" }).max(2000),
});
export const LotteryView = z.object({
  year: z.number().int(),
  lottery: z
    .object({
      status: z.enum(["frozen", "drawn"]),
      listSha256: z.string(),
      labels: z.string(),
      entropy: z.string().nullable(),
      resultCsv: z.string().nullable(),
      frozenAt: z.string(),
      drawnAt: z.string().nullable(),
      schools: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          seats: z.number().int(),
          applicants: z.number().int(),
          oversubscribed: z.boolean(),
          neighbours: z.array(z.string()),
          admitted: z.number().int().nullable(),
          reassignedIn: z.number().int().nullable(),
          cutOff: z.object({ tier: z.number().int(), lotteryRank: z.number().int() }).nullable(),
        }),
      ),
      admissions: z.array(
        z.object({
          label: z.string(),
          name: z.string(),
          applied: z.string(),
          tier: z.number().int(),
          lotteryRank: z.number().int(),
          status: z.enum(["admitted", "reassigned", "unplaced"]),
          school: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
});
export type LotteryView = z.infer<typeof LotteryView>;

/** POST /api/enrolment/classes/preview — 均衡编班 of a school's placed pupils (computed, not stored). */
export const ClassPreviewBody = z.strictObject({
  schoolYear: Year,
  schoolCode: z.string().trim().min(1).max(20),
  classCount: z.number().int().min(1, { error: "班级数至少为 1" }).max(40),
  /** 班主任 (as many as classes) drawn by lot; empty for none */
  teachers: z.array(z.string().trim().min(1).max(20)).max(40).default([]),
});
export type ClassPreviewBody = z.infer<typeof ClassPreviewBody>;
export const ClassPreview = z.object({
  schoolName: z.string(),
  pupils: z.number().int(),
  listDigest: z.string(),
  entropy: z.string(),
  /** the largest gap between a class's size and the mean size */
  maxDeviation: z.number(),
  classes: z.array(
    z.object({
      classNo: z.number().int(),
      teacher: z.string().nullable(),
      size: z.number().int(),
      boys: z.number().int(),
      girls: z.number().int(),
      migrant: z.number().int(),
      pupils: z.array(z.object({ label: z.string(), name: z.string() })),
    }),
  ),
});
export type ClassPreview = z.infer<typeof ClassPreview>;
