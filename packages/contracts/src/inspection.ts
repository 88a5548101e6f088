import { z } from "zod";
import { Id } from "./common.ts";

/** 督导 in the field: 督学 and their 责任区, the 挂牌 card, checklists (docs/inspection.md). */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `最多 ${String(max)} 个字` });
const InspectorKind = z.enum(["fullTime", "partTime"], { error: "督学类别应为 专职 或 兼职" });

/** PUT /api/inspection/inspectors/{id} — a 督学's sign facts and the schools of the 责任区. */
export const InspectorBody = z.strictObject({
  kind: InspectorKind,
  zoneName: Text(60),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9+\-\s()]{0,20}$/, { error: "联系电话只能含数字、空格和 + - ( )" }),
  duties: Text(600),
  schoolIds: z.array(Id).max(40, { error: "一个责任区最多 40 所学校" }),
});
export type InspectorBody = z.infer<typeof InspectorBody>;

/** Path parameter: the 督学's account. */
export const InspectorParams = z.object({ id: Id });

const SchoolRef = z.object({ id: z.string(), name: z.string() });

/** One 督学 of the roster with the workload. */
export const Inspector = z.object({
  userId: z.string(),
  name: z.string(),
  kind: InspectorKind,
  zoneName: z.string(),
  phone: z.string(),
  duties: z.string(),
  schools: z.array(SchoolRef),
  /** Schools over the ratio of about 5 per 责任督学 (0 when within it). */
  overRatio: z.number().int(),
  /** 经常性督导 visits this semester, and the floor (2 per school of the 责任区). */
  visitsThisSemester: z.number().int(),
  visitsRequired: z.number().int(),
});

/** GET /api/inspection/inspectors — the roster within the reader's scope. */
export const InspectorRoster = z.object({
  items: z.array(Inspector),
  /** Accounts with the role 督学 in the jurisdiction not yet on the roster (for the 督导室 to add). */
  unrostered: z.array(z.object({ userId: z.string(), name: z.string() })),
  schoolsPerInspector: z.number().int(),
  schoolsWithout: z.number().int(),
});
export type InspectorRoster = z.infer<typeof InspectorRoster>;

/** One school's 挂牌 card: the 责任督学 named on the sign at the gate. */
export const SchoolCard = z.object({
  school: SchoolRef,
  inspector: z
    .object({
      name: z.string(),
      kind: InspectorKind,
      zoneName: z.string(),
      phone: z.string(),
      duties: z.array(z.string()),
    })
    .nullable(),
  /** The 8 督导事项 the sign lists. */
  matters: z.array(z.string()),
  /** The hotline/complaint text the sign ends with. */
  note: z.string(),
});
export type SchoolCard = z.infer<typeof SchoolCard>;

/** GET /api/inspection/schools — the schools within scope with their 责任督学. */
export const SchoolCardList = z.object({ items: z.array(SchoolCard) });

/** Path parameter: a school. */
export const SchoolParams = z.object({ id: Id });

const ChecklistKind = z.enum(["regular", "safety", "special"], {
  error: "检查表类别应为 经常性督导、校园安全 或 专项督导",
});
const Judge = z.enum(["yesNo", "score", "count"]);

/** One version of a checklist. */
export const Checklist = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number().int(),
  title: z.string(),
  kind: ChecklistKind,
  basis: z.string(),
  /** The area whose 督导室 keeps it; null: shipped with luoshi. */
  areaName: z.string().nullable(),
  createdAt: z.string(),
  itemCount: z.number().int(),
  /** True for the newest version of its code (the one new visits use). */
  current: z.boolean(),
});

/** GET /api/inspection/checklists */
export const ChecklistList = z.object({ items: z.array(Checklist) });

/** One item of a checklist and how it is judged. */
export const ChecklistItem = z.object({
  id: z.string(),
  code: z.string(),
  area: z.string(),
  text: z.string(),
  judge: Judge,
  maxScore: z.number().int().nullable(),
  photoRequired: z.boolean(),
  basis: z.string(),
});

/** GET /api/inspection/checklists/{id} */
export const ChecklistDetail = Checklist.extend({ items: z.array(ChecklistItem) });
export type ChecklistDetail = z.infer<typeof ChecklistDetail>;

/** POST /api/inspection/checklists/imports — a new version from an .xlsx/.csv sheet, all or nothing. */
export const ChecklistImportBody = z.strictObject({
  fileName: z
    .string()
    .trim()
    .min(1, { error: "请给出文件名" })
    .max(200, { error: "文件名最多 200 个字符" })
    .regex(/\.(xlsx|csv)$/i, { error: "只支持 .xlsx 或 .csv 文件" }),
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, { error: "检查表代码为 2–40 个小写字母、数字或连字符" }),
  title: Text(100).min(2, { error: "请填写检查表名称" }),
  kind: ChecklistKind,
  basis: Text(300).default(""),
  preview: z.boolean().default(false),
  contentBase64: z.base64({ error: "文件内容应为 base64 编码" }).max(7_000_000, { error: "文件超过 5 MB" }),
});
export type ChecklistImportBody = z.infer<typeof ChecklistImportBody>;

/** The answer of an import: what was read (and the version written unless previewed). */
export const ChecklistImportResult = z.object({
  applied: z.boolean(),
  id: z.string().nullable(),
  version: z.number().int().nullable(),
  items: z.array(ChecklistItem.omit({ id: true })),
});

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "日期应为 YYYY-MM-DD" });
const Severity = z.enum(["minor", "major", "serious"], { error: "问题程度应为 一般、较重 或 严重" });

/** POST /api/inspection/visits — a visit as the 督学's phone sends it when the draft is submitted. */
export const VisitBody = z.strictObject({
  schoolId: Id,
  checklistId: Id,
  visitedOn: IsoDate,
  /** The draft's key on the phone: sending the same draft twice records one visit. */
  clientKey: z.string().regex(/^[A-Za-z0-9-]{8,64}$/, { error: "草稿编号格式不对" }),
  summary: Text(2000).default(""),
  answers: z
    .array(
      z.strictObject({
        itemId: Id,
        value: z.union([z.boolean(), z.number(), z.null()]),
        note: Text(500).default(""),
      }),
    )
    .max(300),
  findings: z
    .array(
      z.strictObject({
        itemId: Id.nullable().default(null),
        area: Text(60).min(1, { error: "请选择督导事项" }),
        text: Text(500).min(2, { error: "请写明发现的问题" }),
        severity: Severity,
      }),
    )
    .max(50),
  photos: z
    .array(
      z.strictObject({
        itemId: Id.nullable().default(null),
        /** The finding (its index in `findings`) the photo shows, if any. */
        findingIndex: z.number().int().min(0).nullable().default(null),
        fileName: Text(100).min(1),
        contentBase64: z
          .base64({ error: "照片内容应为 base64 编码" })
          .max(4_000_000, { error: "单张照片超过 3 MB" }),
      }),
    )
    .max(12, { error: "一次最多 12 张照片" }),
});
export type VisitBody = z.infer<typeof VisitBody>;

/** A finding with its 整改 task. */
export const Finding = z.object({
  id: z.string(),
  area: z.string(),
  text: z.string(),
  severity: Severity,
  /** The earlier finding of the school this one repeats (重复出现), if any. */
  repeatOf: z.string().nullable(),
  task: z.object({ id: z.string(), state: z.string(), deadline: z.string() }).nullable(),
  recheck: z.enum(["passed", "failed"]).nullable(),
  recheckNote: z.string().nullable(),
});

/** A visit as listed and as shown. */
export const Visit = z.object({
  id: z.string(),
  school: z.object({ id: z.string(), name: z.string() }),
  inspector: z.object({ id: z.string(), name: z.string() }),
  checklist: z.object({ id: z.string(), title: z.string(), version: z.number().int() }),
  visitedOn: z.string(),
  summary: z.string(),
  findingCount: z.number().int(),
  noticeId: z.string().nullable(),
});

/** GET /api/inspection/visits */
export const VisitList = z.object({ items: z.array(Visit) });

/** GET /api/inspection/visits/{id} */
export const VisitDetail = Visit.extend({
  answers: z.array(
    z.object({ itemId: z.string(), value: z.union([z.boolean(), z.number(), z.null()]), note: z.string() }),
  ),
  findings: z.array(Finding),
  photos: z.array(
    z.object({
      id: z.string(),
      itemId: z.string().nullable(),
      findingId: z.string().nullable(),
      fileName: z.string(),
    }),
  ),
});
export type VisitDetail = z.infer<typeof VisitDetail>;

/** POST /api/inspection/findings/{id}/recheck — the 督学's 复查 of a school's 整改. */
export const RecheckBody = z.strictObject({
  result: z.enum(["passed", "failed"], { error: "复查结论应为 通过 或 不通过" }),
  note: Text(500).default(""),
});
