import { z } from "zod";

/** 控辍保学: the 适龄 list, 一生一案 cases and 动态监测 (docs/dropout-cases.md). */
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期应为 YYYY-MM-DD" });
const Light = z.enum(["red", "yellow", "blue", "green", "grey"]);
const CaseCause = z.enum(["unmatched", "dropout", "absence", "transfer", "other"]);
const CaseState = z.enum(["open", "returned", "closed"]);
const StepKind = z.enum(["homeVisit", "persuasion", "return", "homeTeaching", "writtenNotice", "legal"]);
const StepOutcome = z.enum(["succeeded", "failed", "penalty", "lawsuit"]);
const SevenHead = z.enum(["county", "bureau", "township", "village", "school", "teacher", "parent"]);
/** Free text a caseworker writes: never a 身份证号 (a case's record is read by everyone on the case). */
const CaseText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `最多 ${String(max)} 个字` })
    .refine((s) => !/\d{17}[\dXx]/.test(s), { error: "请勿在文字中填写身份证件号" });

/** POST /api/dropout/school-age/imports — a 适龄儿童 list, previewed or applied all or nothing. */
export const SchoolAgeImportBody = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "请给出文件名" })
    .max(200, { error: "文件名最多 200 个字符" })
    .regex(/\.(xlsx|csv)$/i, { error: "只支持 .xlsx 或 .csv 文件" }),
  schoolYear: z
    .number()
    .int()
    .min(2000, { error: "学年不早于 2000" })
    .max(2100, { error: "学年不晚于 2100" }),
  source: z.enum(["police", "health", "other"], { error: "来源应为 公安（户籍/人口）、卫健（出生）或其他" }),
  unitId: z.uuid({ error: "单位编号格式不对" }).optional(),
  preview: z.boolean().default(false),
  contentBase64: z.base64({ error: "文件内容应为 base64 编码" }).max(28_000_000, { error: "文件超过 20 MB" }),
});
export type SchoolAgeImportBody = z.infer<typeof SchoolAgeImportBody>;

const VillageCount = z.object({
  township: z.string(),
  village: z.string(),
  children: z.number().int(),
  unmatched: z.number().int(),
});

export const SchoolAgeImportResult = z.object({
  id: z.uuid().nullable(),
  applied: z.boolean(),
  fileName: z.string(),
  schoolYear: z.number().int(),
  rule: z.string(),
  children: z.number().int(),
  outOfAge: z.number().int(),
  matched: z.number().int(),
  unmatched: z.number().int(),
  casesOpened: z.number().int(),
  villages: z.array(VillageCount),
  warnings: z.array(z.string()),
});
export type SchoolAgeImportResult = z.infer<typeof SchoolAgeImportResult>;

export const SchoolAgeQuery = z.strictObject({
  township: z.string().trim().min(1).max(40).optional(),
  all: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type SchoolAgeQuery = z.infer<typeof SchoolAgeQuery>;

export const SchoolAgeList = z.object({
  list: z
    .object({
      fileName: z.string(),
      source: z.string(),
      schoolYear: z.number().int(),
      unitName: z.string(),
      importedAt: z.string(),
      rule: z.string(),
    })
    .nullable(),
  villages: z.array(VillageCount),
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      idNumber: z.string(),
      sex: z.enum(["M", "F"]),
      age: z.number().int(),
      township: z.string(),
      village: z.string(),
      matched: z.boolean(),
      caseId: z.uuid().nullable(),
    }),
  ),
});
export type SchoolAgeList = z.infer<typeof SchoolAgeList>;

export const CaseListQuery = z.strictObject({
  state: CaseState.optional(),
  cause: CaseCause.optional(),
  township: z.string().trim().min(1).max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CaseListQuery = z.infer<typeof CaseListQuery>;

export const CaseView = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumber: z.string().nullable(),
  sex: z.enum(["M", "F"]).nullable(),
  gradeLabel: z.string().nullable(),
  unitName: z.string(),
  schoolNamed: z.boolean(),
  township: z.string(),
  village: z.string(),
  cause: CaseCause,
  causeLabel: z.string(),
  priorityGroups: z.array(z.string()),
  state: CaseState,
  stateLabel: z.string(),
  light: Light,
  lightReason: z.string(),
  openedOn: z.string(),
  returnedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  masked: z.boolean(),
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseList = z.object({ total: z.number().int(), items: z.array(CaseView) });
export type CaseList = z.infer<typeof CaseList>;

export const CaseDetail = CaseView.extend({
  causeNote: z.string(),
  plan: z.string(),
  people: z.array(z.object({ role: SevenHead, label: z.string(), name: z.string() })),
  closeAfterDays: z.number().int(),
  closableFrom: z.string().nullable(),
  closeRefusal: z.string().nullable(),
  steps: z.array(
    z.object({
      id: z.uuid(),
      kind: StepKind,
      kindLabel: z.string(),
      assignedOn: z.string(),
      deadline: z.string(),
      doneOn: z.string().nullable(),
      outcome: StepOutcome.nullable(),
      outcomeLabel: z.string().nullable(),
      note: z.string(),
      evidence: z.string(),
      light: Light,
      lightReason: z.string(),
    }),
  ),
});
export type CaseDetail = z.infer<typeof CaseDetail>;

/** POST /api/dropout/cases — a case for a pupil of the registry, a child of the 适龄 list or a risk flag. */
export const CaseOpenBody = z
  .strictObject({
    studentId: z.uuid({ error: "学生编号格式不对" }).optional(),
    childId: z.uuid({ error: "儿童编号格式不对" }).optional(),
    // a risk flag: the case is opened for its pupil, under the cause and with the note the flag gives
    flagId: z.uuid({ error: "预警编号格式不对" }).optional(),
    cause: CaseCause.optional(),
    causeNote: CaseText(500).default(""),
    plan: CaseText(2000).default(""),
  })
  .refine((b) => [b.studentId, b.childId, b.flagId].filter((v) => v !== undefined).length === 1, {
    error: "请指定学籍中的学生、适龄名单中的儿童或一条风险预警（三者选一）",
  })
  .refine((b) => b.flagId !== undefined || b.cause !== undefined, {
    error: "请选择立案原因",
    path: ["cause"],
  });
export type CaseOpenBody = z.infer<typeof CaseOpenBody>;

/** PATCH /api/dropout/cases/{id} — the plan, the 七长 and the responsible school. */
export const CaseUpdateBody = z.strictObject({
  plan: CaseText(2000).optional(),
  people: z.partialRecord(SevenHead, CaseText(40)).optional(),
  schoolId: z.uuid({ error: "学校编号格式不对" }).optional(),
});
export type CaseUpdateBody = z.infer<typeof CaseUpdateBody>;

export const CaseStepBody = z.strictObject({
  kind: StepKind,
  deadline: IsoDate.optional(),
});
export type CaseStepBody = z.infer<typeof CaseStepBody>;

export const CaseStepRecordBody = z.strictObject({
  doneOn: IsoDate,
  outcome: StepOutcome.nullable().default(null),
  note: CaseText(2000).refine((s) => s.length >= 2, { error: "请写明做了什么（至少 2 个字）" }),
  evidence: CaseText(1000).default(""),
});
export type CaseStepRecordBody = z.infer<typeof CaseStepRecordBody>;

export const CaseStepParams = z.strictObject({ id: z.uuid(), stepId: z.uuid() });

export const CaseCloseBody = z.strictObject({ note: CaseText(500).default("") });

export const CaseUnmaskBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(4, { error: "请写明查看完整信息的事由（至少 4 个字）" })
    .max(200, { error: "事由最多 200 个字" }),
});

const Rated = z.object({
  dropouts: z.number().int(),
  inSchool: z.number().int(),
  rate: z.number().nullable(),
});

/** GET /api/dropout/monitor — 动态监测. */
export const DropoutMonitor = z.object({
  asOf: z.string(),
  total: Rated,
  bySchool: z.array(Rated.extend({ schoolName: z.string() })),
  byGrade: z.array(Rated.extend({ gradeLabel: z.string() })),
  byTownship: z.array(
    z.object({
      township: z.string(),
      open: z.number().int(),
      returned: z.number().int(),
      closed: z.number().int(),
    }),
  ),
  cases: z.object({
    open: z.number().int(),
    returned: z.number().int(),
    closed: z.number().int(),
    persuasionRate: z.number().nullable(),
  }),
  unmatched: z.number().int(),
});
export type DropoutMonitor = z.infer<typeof DropoutMonitor>;

export const DropoutReportQuery = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "月份应为 YYYY-MM" }),
});
