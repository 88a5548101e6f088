import { z } from "zod";

/** 学段 as the registry and the statistics name them. */
const Level = z.enum(["preschool", "primary", "junior", "senior", "vocational", "special"]);
/** 学籍状态. */
const StudentStatus = z.enum(["enrolled", "suspended", "transferredOut", "dropout", "graduated", "deceased"]);
/** 学籍变动. */
const MovementKind = z.enum([
  "transferIn",
  "transferOut",
  "suspension",
  "resumption",
  "dropout",
  "graduation",
  "death",
]);
const SchoolYear = z
  .number()
  .int({ error: "学年应为整数" })
  .min(2000, { error: "学年不早于 2000" })
  .max(2100, { error: "学年不晚于 2100" });
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期应为 YYYY-MM-DD" });

/** POST /api/registry/imports — a 学籍 export (.xlsx / .csv), previewed or applied all or nothing. */
export const RegistryImportBody = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "请给出文件名" })
    .max(200, { error: "文件名最多 200 个字符" })
    .regex(/\.(xlsx|csv)$/i, { error: "只支持 .xlsx 或 .csv 文件" }),
  schoolYear: SchoolYear,
  term: z.union([z.literal(1), z.literal(2)], { error: "学期应为 1（秋季）或 2（春季）" }),
  /** The day the export describes (movements are dated with it); today when absent. */
  asOf: IsoDate.optional(),
  /** The importer's unit (an area or school within the scope); the actor's own scope when absent. */
  unitId: z.uuid({ error: "单位编号格式不对" }).optional(),
  preview: z.boolean().default(false),
  contentBase64: z.base64({ error: "文件内容应为 base64 编码" }).max(28_000_000, { error: "文件超过 20 MB" }),
});
export type RegistryImportBody = z.infer<typeof RegistryImportBody>;

const MovementCounts = z.record(MovementKind, z.number().int());

/** What an import stored — or, for a preview, would store (`applied` false, `id` null). */
export const RegistryImportResult = z.object({
  id: z.uuid().nullable(),
  applied: z.boolean(),
  fileName: z.string(),
  rows: z.number().int(),
  added: z.number().int(),
  updated: z.number().int(),
  movements: MovementCounts,
  pendingTransfers: z.number().int(),
  bySchool: z.array(z.object({ code: z.string(), name: z.string(), pupils: z.number().int() })),
  warnings: z.array(z.string()),
});
export type RegistryImportResult = z.infer<typeof RegistryImportResult>;

/** GET /api/registry/students — filters narrow the reader's scope, never widen it. */
export const StudentListQuery = z.strictObject({
  unitId: z.uuid({ error: "单位编号格式不对" }).optional(),
  level: Level.optional(),
  grade: z.coerce.number().int().min(0).max(9).optional(),
  flag: z.enum(["migrant", "leftBehind", "disabled"]).optional(),
  status: StudentStatus.optional(),
  /** 身份证件号 or 学籍号: an exact match by blind index. */
  number: z.string().trim().min(6).max(40).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type StudentListQuery = z.infer<typeof StudentListQuery>;

/** One pupil, masked unless the answer is an audited unmasked read. */
export const StudentView = z.object({
  id: z.uuid(),
  studentNo: z.string(),
  idNumber: z.string().nullable(),
  name: z.string(),
  sex: z.enum(["M", "F"]),
  birthDate: z.string(),
  schoolCode: z.string(),
  schoolName: z.string(),
  level: Level,
  grade: z.number().int(),
  gradeLabel: z.string(),
  className: z.string(),
  migrant: z.boolean(),
  leftBehind: z.boolean(),
  disabled: z.boolean(),
  status: StudentStatus,
  statusLabel: z.string(),
  schoolYear: z.number().int(),
  term: z.number().int(),
  masked: z.boolean(),
});
export type StudentView = z.infer<typeof StudentView>;

/** A pupil's detail: the list fields and the other personal ones (户籍地, 监护人), masked by default. */
export const StudentDetail = StudentView.extend({
  hukou: z.string(),
  guardianName: z.string().nullable(),
  guardianPhone: z.string().nullable(),
});
export type StudentDetail = z.infer<typeof StudentDetail>;

export const StudentList = z.object({
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  items: z.array(StudentView),
});
export type StudentList = z.infer<typeof StudentList>;

/** POST /api/registry/students/{id}/unmask — the reason is written to the audit trail. */
export const StudentUnmaskBody = z.strictObject({
  reason: z
    .string()
    .trim()
    .min(4, { error: "请写明查看完整信息的事由（至少 4 个字）" })
    .max(200, { error: "事由最多 200 个字" }),
});
export type StudentUnmaskBody = z.infer<typeof StudentUnmaskBody>;

export const MovementListQuery = z.strictObject({
  kind: MovementKind.optional(),
  pending: z.enum(["true", "false"]).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MovementListQuery = z.infer<typeof MovementListQuery>;

export const MovementList = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      id: z.uuid(),
      studentId: z.uuid(),
      name: z.string(),
      studentNo: z.string(),
      schoolCode: z.string(),
      schoolName: z.string(),
      otherSchoolName: z.string().nullable(),
      gradeLabel: z.string(),
      kind: MovementKind,
      kindLabel: z.string(),
      occurredOn: z.string(),
      pending: z.boolean(),
    }),
  ),
});
export type MovementList = z.infer<typeof MovementList>;

export const CrossCheckQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
});

/** Pupils by school and grade: registry (在读 + 休学) against the yearly statistics. */
export const CrossCheck = z.object({
  year: z.number().int(),
  registryTotal: z.number().int(),
  statisticsTotal: z.number().int(),
  rows: z.array(
    z.object({
      schoolCode: z.string(),
      schoolName: z.string(),
      level: Level,
      grade: z.number().int(),
      gradeLabel: z.string(),
      registry: z.number().int(),
      statistics: z.number().int().nullable(),
      difference: z.number().int().nullable(),
    }),
  ),
});
export type CrossCheck = z.infer<typeof CrossCheck>;

export const RegistryImportList = z.array(
  z.object({
    id: z.uuid(),
    fileName: z.string(),
    schoolYear: z.number().int(),
    term: z.number().int(),
    asOf: z.string(),
    rows: z.number().int(),
    unitName: z.string(),
    importedBy: z.string().nullable(),
    importedAt: z.string(),
  }),
);
