import { z } from "zod";

/** 学生资助: programmes, priority lists, 认定 (申请 → 民主评议 → 公示 → 审核), 发放 and 动态监测 (docs/student-aid.md). */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期应为 YYYY-MM-DD" });
const Year = z.number().int().min(2000, { error: "学年不早于 2000" }).max(2100, { error: "学年不晚于 2100" });
const Category = z.enum(
  [
    "poverty",
    "monitored",
    "subsistence",
    "extremePoor",
    "orphan",
    "unsupported",
    "disabled",
    "martyr",
    "disaster",
  ],
  { error: "认定类别不在可选范围内" },
);
const ProgrammeKind = z.enum(["living", "grant", "tuition", "nutrition", "preschool", "local"], {
  error: "项目类型应为 生活费补助、助学金、免学杂费、营养改善、学前资助 或 地方资助",
});
const Stage = z.enum(["preschool", "primary", "junior", "senior", "vocational"], {
  error: "学段不在可选范围内",
});
const AppState = z.enum(["applied", "recommended", "notRecommended", "publicised", "approved", "rejected"]);
/** Free text of a school or the 资助中心: never a 身份证件号 or a bank card number. */
const AidText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: "请填写内容" })
    .max(max, { error: `最多 ${String(max)} 个字` })
    .refine((s) => !/\d{12,}/.test(s.replace(/\s+/g, "")), { error: "请勿在文字中填写身份证件号或银行卡号" });
const Ids = z
  .array(z.uuid({ error: "编号格式不对" }))
  .min(1, { error: "请至少选择一条" })
  .max(2000);
const FileBody = {
  fileName: z
    .string()
    .trim()
    .min(1, { error: "请给出文件名" })
    .max(200, { error: "文件名最多 200 个字符" })
    .regex(/\.(xlsx|csv)$/i, { error: "只支持 .xlsx 或 .csv 文件" }),
  contentBase64: z.base64({ error: "文件内容应为 base64 编码" }).max(28_000_000, { error: "文件超过 20 MB" }),
};

export const AidTier = z.strictObject({
  code: z.string().trim().min(1).max(20),
  label: z.string().trim().min(1, { error: "请填写档次名称" }).max(40),
  amountPerTerm: z.number().int().min(0).max(100_000, { error: "每学期金额不超过 100000 元" }),
});

/** POST /api/aid/programmes — a programme of one school year (a new year: a new programme). */
export const AidProgrammeBody = z.strictObject({
  schoolYear: Year,
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,40}$/, { error: "项目代码只用字母、数字和连字符" }),
  name: z.string().trim().min(2, { error: "请填写项目名称" }).max(80),
  kind: ProgrammeKind,
  stages: z.array(Stage).min(1, { error: "请至少选择一个学段" }),
  target: z.string().trim().min(2, { error: "请填写资助对象" }).max(400),
  basis: z.string().trim().min(2, { error: "请填写政策依据（文件名称和文号）" }).max(400),
  quota: z.number().int().min(0).max(1_000_000),
  budget: z.number().int().min(0).max(2_000_000_000),
  tiers: z
    .array(AidTier)
    .min(1, { error: "请至少设置一个档次" })
    .max(10)
    .refine((t) => new Set(t.map((x) => x.code)).size === t.length, { error: "档次代码不能重复" }),
  unitId: z.uuid({ error: "单位编号格式不对" }).optional(),
});
export type AidProgrammeBody = z.infer<typeof AidProgrammeBody>;

export const AidProgramme = z.object({
  id: z.uuid(),
  unitName: z.string(),
  schoolYear: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: ProgrammeKind,
  stages: z.array(Stage),
  target: z.string(),
  basis: z.string(),
  quota: z.number().int(),
  budget: z.number().int(),
  tiers: z.array(AidTier),
  approved: z.number().int(),
  committed: z.number().int(),
  createdAt: z.string(),
});
export type AidProgramme = z.infer<typeof AidProgramme>;

export const AidYearQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export type AidYearQuery = z.infer<typeof AidYearQuery>;

/** POST /api/aid/priority-lists — a 民政/乡村振兴/残联 list, previewed or applied all or nothing. */
export const AidListImportBody = z.strictObject({
  ...FileBody,
  schoolYear: Year,
  source: z.enum(["civil", "rural", "disabled", "other"], {
    error: "来源应为 民政、乡村振兴、残联 或其他",
  }),
  unitId: z.uuid({ error: "单位编号格式不对" }).optional(),
  preview: z.boolean().default(false),
});
export type AidListImportBody = z.infer<typeof AidListImportBody>;

export const AidListImportResult = z.object({
  id: z.uuid().nullable(),
  applied: z.boolean(),
  fileName: z.string(),
  rows: z.number().int(),
  matched: z.number().int(),
  byCategory: z.array(z.object({ category: Category, label: z.string(), rows: z.number().int() })),
});
export type AidListImportResult = z.infer<typeof AidListImportResult>;

export const AidListImports = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      schoolYear: z.number().int(),
      source: z.string(),
      fileName: z.string(),
      unitName: z.string(),
      rows: z.number().int(),
      matched: z.number().int(),
      importedAt: z.string(),
    }),
  ),
});

/** POST /api/aid/applications — the school enters a pupil's application. */
export const AidApplicationBody = z.strictObject({
  programmeId: z.uuid({ error: "项目编号格式不对" }),
  studentId: z.uuid({ error: "学生编号格式不对" }),
  tier: z.string().trim().min(1, { error: "请选择档次" }).max(20),
  claimed: z.array(Category).max(9).default([]),
  bankCard: z
    .string()
    .trim()
    .transform((s) => s.replace(/\s+/g, ""))
    .refine((s) => /^\d{12,19}$/.test(s), { error: "银行卡号应为 12–19 位数字" }),
  bankName: z.string().trim().min(2, { error: "请填写开户银行" }).max(60),
  holder: z.string().trim().min(1, { error: "请填写持卡人姓名" }).max(40),
});
export type AidApplicationBody = z.infer<typeof AidApplicationBody>;

/** POST /api/aid/applications/{id}/bank — the school corrects the card after a failed transfer. */
export const AidBankBody = AidApplicationBody.pick({ bankCard: true, bankName: true, holder: true });
export type AidBankBody = z.infer<typeof AidBankBody>;

export const AidApplicationQuery = z.strictObject({
  programmeId: z.uuid().optional(),
  state: AppState.optional(),
  unitId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AidApplicationQuery = z.infer<typeof AidApplicationQuery>;

export const AidApplicationView = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  schoolName: z.string(),
  studentId: z.uuid(),
  name: z.string(),
  idNumber: z.string().nullable(),
  gradeClass: z.string(),
  tier: z.string(),
  tierLabel: z.string(),
  claimed: z.array(z.object({ category: Category, label: z.string(), verified: z.boolean() })),
  bankCard: z.string(),
  bankName: z.string(),
  state: AppState,
  stateLabel: z.string(),
  publicityId: z.uuid().nullable(),
});
export type AidApplicationView = z.infer<typeof AidApplicationView>;

export const AidApplicationList = z.object({ total: z.number().int(), items: z.array(AidApplicationView) });

export const AidApplicationDetail = AidApplicationView.extend({
  steps: z.array(
    z.object({
      step: z.string(),
      label: z.string(),
      outcome: z.string().nullable(),
      by: z.string(),
      at: z.string(),
    }),
  ),
});

/** POST /api/aid/applications/assessment — 民主评议 of several applications at once. */
export const AidAssessmentBody = z.strictObject({
  ids: Ids,
  recommended: z.boolean(),
  votesFor: z.number().int().min(0).max(200),
  votesAgainst: z.number().int().min(0).max(200),
});
export type AidAssessmentBody = z.infer<typeof AidAssessmentBody>;

/** POST /api/aid/applications/review — the 资助中心 approves or rejects after the 公示. */
export const AidReviewBody = z.strictObject({ ids: Ids, approve: z.boolean() });
export type AidReviewBody = z.infer<typeof AidReviewBody>;

export const AidChanged = z.object({ changed: z.number().int() });

/** POST /api/aid/publicities — the school publishes its recommended applications of a programme. */
export const AidPublicityBody = z.strictObject({
  programmeId: z.uuid({ error: "项目编号格式不对" }),
  startsOn: IsoDate,
  workingDays: z.number().int().min(5, { error: "公示不少于 5 个工作日" }).max(30).default(5),
});
export type AidPublicityBody = z.infer<typeof AidPublicityBody>;

export const AidPublicity = z.object({
  id: z.uuid(),
  schoolName: z.string(),
  programmeName: z.string(),
  schoolYear: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  workingDays: z.number().int(),
  over: z.boolean(),
  /** What a 公示 may show: masked name, school, grade and class, 档次 — nothing else. */
  items: z.array(
    z.object({ name: z.string(), school: z.string(), gradeClass: z.string(), tier: z.string() }),
  ),
  objections: z.array(
    z.object({ id: z.uuid(), text: z.string(), answer: z.string().nullable(), loggedAt: z.string() }),
  ),
});
export type AidPublicity = z.infer<typeof AidPublicity>;

export const AidPublicityList = z.object({
  items: z.array(AidPublicity.omit({ items: true, objections: true }).extend({ count: z.number().int() })),
});
export type AidPublicityList = z.infer<typeof AidPublicityList>;

export const AidObjectionBody = z.strictObject({ text: AidText(500) });
export const AidAnswerBody = z.strictObject({ answer: AidText(500) });

/** POST /api/aid/batches — a 发放 batch of a programme for one term. */
export const AidBatchBody = z.strictObject({
  programmeId: z.uuid({ error: "项目编号格式不对" }),
  term: z.union([z.literal(1), z.literal(2)], { error: "学期应为 1 或 2" }),
});
export type AidBatchBody = z.infer<typeof AidBatchBody>;

export const AidBatch = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  term: z.number().int(),
  reissueOf: z.uuid().nullable(),
  state: z.enum(["open", "returned"]),
  createdAt: z.string(),
  lines: z.number().int(),
  amount: z.number().int(),
  paid: z.number().int(),
  paidAmount: z.number().int(),
  failed: z.number().int(),
});
export const AidBatchList = z.object({
  items: z.array(AidBatch),
  budgets: z.array(
    z.object({
      programmeId: z.uuid(),
      programmeName: z.string(),
      budget: z.number().int(),
      committed: z.number().int(),
      within: z.boolean(),
    }),
  ),
});
export const AidBatchDetail = AidBatch.extend({
  payments: z.array(
    z.object({
      line: z.number().int(),
      name: z.string(),
      school: z.string(),
      gradeClass: z.string(),
      bankCard: z.string(),
      amount: z.number().int(),
      status: z.enum(["pending", "paid", "failed"]),
      failure: z.string().nullable(),
      reissued: z.boolean(),
    }),
  ),
});

export const AidReturnBody = z.strictObject(FileBody);
export type AidReturnBody = z.infer<typeof AidReturnBody>;
export const AidBankFileBody = z.strictObject({ reason: AidText(200) });

/** GET /api/aid/monitor — the flags of a year. */
export const AidMonitorQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const AidMonitor = z.object({
  year: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  flags: z.array(
    z.object({
      kind: z.enum(["unaided", "notInSchool", "duplicate", "offStandard"]),
      kindLabel: z.string(),
      studentId: z.uuid(),
      name: z.string(),
      school: z.string(),
      gradeClass: z.string(),
      applicationIds: z.array(z.uuid()),
      explanation: z.string(),
    }),
  ),
});
export type AidMonitor = z.infer<typeof AidMonitor>;

/** POST /api/aid/unaided-reasons — why a listed pupil is not aided this year. */
export const AidReasonBody = z.strictObject({
  studentId: z.uuid({ error: "学生编号格式不对" }),
  schoolYear: Year,
  reason: AidText(300),
});
