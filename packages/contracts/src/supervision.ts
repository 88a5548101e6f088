/**
 * 督导评估 beyond the resource part (spec §1.1c–§1.1e, §2, §3): 政府保障程度 and 教育质量 indicators with
 * attestations (佐证材料 and a second person's review), 社会认可度 survey results, the overall verdict with
 * its 一票否决 items, 学前普及普惠 and the 2012 基本均衡 history. Every result names its rule set.
 */
import { z } from "zod";
import { RESPONDENT_GROUPS as RESPONDENT_GROUP_VALUES, VETO_ITEMS as VETO_ITEM_VALUES } from "@luoshi/common";
import { OrgUnitIdParam as orgUnitId, StatsYear as year, StatsYearValue } from "./common.ts";
import { EvaluationIssue, RuleSetInfo } from "./evaluations.ts";

const ruleSet = z.string().trim().min(1).max(100);

/** The 一票否决 items (spec §1.1e). */
export { VETO_ITEM_VALUES };
/** 社会认可度 respondent groups (spec §1.1d). */
export { RESPONDENT_GROUP_VALUES };
/** How 社会认可度 combines the groups: the rule set's group weights, or weighted by respondents. */
export const RECOGNITION_AGGREGATION_VALUES = ["groupWeights", "respondents"] as const;
/** Review states of an attestation: 待审核 / 已确认 / 已退回. */
export const REVIEW_STATE_VALUES = ["pending", "confirmed", "returned"] as const;

/**
 * Codes that can carry an attestation: G01–G15, Q01–Q09, the veto items and the 学前 items no statistic
 * carries (P04A, P04B, P05, P06A, P06B, P07, P10; spec §2).
 */
export const ATTESTATION_CODE_PATTERN =
  /^(G(0[1-9]|1[0-5])|Q0[1-9]|examAdmission|illegalSchoolChoice|keySchools|keyClasses|P04[AB]|P05|P06[AB]|P07|P10)$/;

/** GET …/government|quality|recognition|overall|preschool?orgUnitId=&year=&ruleSet= */
export const SupervisionQuery = z.object({ orgUnitId, year, ruleSet: ruleSet.optional() });
export type SupervisionQuery = z.infer<typeof SupervisionQuery>;

/** A person as the results show them. */
export const PersonRef = z.object({ id: z.string(), name: z.string() });
export type PersonRef = z.infer<typeof PersonRef>;

/** One evidence file (佐证材料). */
export const EvidenceFile = z.object({
  id: z.uuid(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  uploadedAt: z.string(),
});
export type EvidenceFile = z.infer<typeof EvidenceFile>;

/** An attestation with its evidence and review. */
export const AttestationView = z.object({
  id: z.uuid(),
  code: z.string(),
  claimMet: z.boolean(),
  claimedValue: z.number().nullable(),
  note: z.string(),
  submittedBy: PersonRef,
  submittedAt: z.string(),
  reviewState: z.enum(REVIEW_STATE_VALUES),
  reviewedBy: PersonRef.nullable(),
  reviewComment: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  evidence: z.array(EvidenceFile),
});
export type AttestationView = z.infer<typeof AttestationView>;

/** One numeric check with its numbers (threshold from the rule set). */
export const CheckView = z.object({
  code: z.string(),
  name: z.string(),
  thresholdKey: z.string(),
  threshold: z.number(),
  direction: z.enum(["min", "max"]),
  isStrict: z.boolean(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  value: z.number().nullable(),
  met: z.boolean().nullable(),
});
export type CheckView = z.infer<typeof CheckView>;

/** One 政府保障程度 / 教育质量 indicator. `source` says what decided it. */
export const SupervisionIndicatorView = z.object({
  code: z.string(),
  number: z.number().int(),
  name: z.string(),
  thresholdText: z.string(),
  kind: z.enum(["computable", "attestation", "mixed"]),
  met: z.boolean().nullable(),
  source: z.enum(["data", "attestation", "data+attestation", "none"]),
  checks: z.array(CheckView),
  /** Schools (or subjects) failing the indicator. */
  failing: z.array(z.string()),
  /** The same as people read them (school names where known). */
  failingNames: z.array(z.string()),
  /** The statistics the computed value came from, as people read them. */
  inputs: z.array(z.object({ label: z.string(), value: z.string() })),
  attestation: AttestationView.nullable(),
});
export type SupervisionIndicatorView = z.infer<typeof SupervisionIndicatorView>;

/** GET /api/evaluations/government|quality */
export const SupervisionPartResult = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  part: z.enum(["government", "quality"]),
  ruleSet: RuleSetInfo,
  indicators: z.array(SupervisionIndicatorView),
  isPass: z.boolean().nullable(),
  issues: z.array(EvaluationIssue),
});
export type SupervisionPartResult = z.infer<typeof SupervisionPartResult>;

/** PUT /api/evaluations/attestations — submit or replace a claim (its review starts again). */
export const AttestationBody = z.strictObject({
  orgUnitId: orgUnitId,
  year: StatsYearValue,
  code: z.string().regex(ATTESTATION_CODE_PATTERN, { error: "没有这个指标或一票否决项" }),
  claimMet: z.boolean({ error: "请选择是否达标" }),
  claimedValue: z.number().nonnegative({ error: "申报数值不能为负" }).nullable().optional(),
  note: z.string().trim().max(2000, { error: "说明最多 2000 个字符" }).default(""),
});
export type AttestationBody = z.input<typeof AttestationBody>;

/** POST /api/evaluations/attestations/:id/evidence — one file as base64 (at most 10 MB). */
export const EvidenceUploadBody = z.strictObject({
  fileName: z.string().trim().min(1, { error: "请给出文件名" }).max(200, { error: "文件名最多 200 个字符" }),
  contentBase64: z.base64({ error: "附件内容应为 base64 编码" }).max(14_000_000, { error: "附件超过 10 MB" }),
});
export type EvidenceUploadBody = z.infer<typeof EvidenceUploadBody>;

/** POST /api/evaluations/attestations/:id/review — 确认 or 退回, by someone other than the submitter. */
export const ReviewBody = z.strictObject({
  decision: z.enum(["confirm", "return"], { error: "审核结论应为确认或退回" }),
  comment: z.string().trim().max(2000, { error: "审核意见最多 2000 个字符" }).default(""),
});
export type ReviewBody = z.input<typeof ReviewBody>;

/** One respondent group's survey figures. */
export const SurveyGroupInput = z.strictObject({
  group: z.enum(RESPONDENT_GROUP_VALUES),
  respondents: z.number().int({ error: "人数应为整数" }).nonnegative({ error: "人数不能为负" }),
  satisfied: z.number().int({ error: "人数应为整数" }).nonnegative({ error: "人数不能为负" }),
});
export type SurveyGroupInput = z.infer<typeof SurveyGroupInput>;

/** PUT /api/evaluations/recognition — the survey results of a county and year, replacing the stored ones. */
export const RecognitionBody = z
  .strictObject({
    orgUnitId: orgUnitId,
    year: StatsYearValue,
    aggregation: z.enum(RECOGNITION_AGGREGATION_VALUES),
    groups: z.array(SurveyGroupInput).max(RESPONDENT_GROUP_VALUES.length),
    ruleSet: ruleSet.optional(),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    b.groups.forEach((g, i) => {
      if (g.satisfied > g.respondents) {
        ctx.addIssue({
          code: "custom",
          path: ["groups", i, "satisfied"],
          message: "满意人数不能多于答卷人数",
        });
      }
      if (seen.has(g.group)) {
        ctx.addIssue({ code: "custom", path: ["groups", i, "group"], message: "同一群体只能填写一次" });
      }
      seen.add(g.group);
    });
  });
export type RecognitionBody = z.infer<typeof RecognitionBody>;

/** GET/PUT /api/evaluations/recognition result: every group (null figures when not surveyed). */
export const RecognitionResult = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  ruleSet: RuleSetInfo,
  aggregation: z.enum(RECOGNITION_AGGREGATION_VALUES),
  groups: z.array(
    z.object({
      group: z.enum(RESPONDENT_GROUP_VALUES),
      label: z.string(),
      respondents: z.number().int().nullable(),
      satisfied: z.number().int().nullable(),
      rate: z.number().nullable(),
      /** Normalised weight in the county rate; null when not counted. */
      weight: z.number().nullable(),
    }),
  ),
  rate: z.number().nullable(),
  threshold: z.number(),
  isPass: z.boolean().nullable(),
  updatedAt: z.string().nullable(),
  issues: z.array(EvaluationIssue),
});
export type RecognitionResult = z.infer<typeof RecognitionResult>;

/** PUT /api/evaluations/overall/settings — the year the county passed 基本均衡 认定. */
export const OverallSettingsBody = z.strictObject({
  orgUnitId: orgUnitId,
  year: StatsYearValue,
  basicBalanceYear: z
    .number()
    .int({ error: "认定年份应为整数" })
    .min(2000, { error: "认定年份不早于 2000" })
    .max(2100, { error: "认定年份不晚于 2100" })
    .nullable(),
});
export type OverallSettingsBody = z.infer<typeof OverallSettingsBody>;

/** Answer of PUT /api/evaluations/overall/settings. */
export const SettingsSaved = z.object({ ok: z.literal(true) });
export type SettingsSaved = z.infer<typeof SettingsSaved>;

/** The four parts and the prerequisite of the overall verdict. */
export const OVERALL_PART_VALUES = [
  "resource",
  "government",
  "quality",
  "recognition",
  "prerequisite",
] as const;

/** GET /api/evaluations/overall */
export const OverallResult = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  ruleSet: RuleSetInfo,
  verdict: z.enum(["pass", "fail", "pending"]),
  parts: z.array(
    z.object({ part: z.enum(OVERALL_PART_VALUES), label: z.string(), isPass: z.boolean().nullable() }),
  ),
  vetoItems: z.array(
    z.object({
      item: z.enum(VETO_ITEM_VALUES),
      label: z.string(),
      /** true: free of it (confirmed); false: it applies; null: not yet reviewed. */
      met: z.boolean().nullable(),
      attestation: AttestationView.nullable(),
    }),
  ),
  vetoes: z.array(z.string()),
  failedParts: z.array(z.enum(OVERALL_PART_VALUES)),
  pendingParts: z.array(z.enum(OVERALL_PART_VALUES)),
  reasons: z.array(z.string()),
  basicBalanceYear: z.number().int().nullable(),
});
export type OverallResult = z.infer<typeof OverallResult>;

/**
 * GET /api/evaluations/preschool — 学前普及普惠 (spec §2) with the rule sets to choose from; the items no
 * statistic carries show their claim (佐证) and review.
 */
export const PreschoolResult = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  year: z.number().int(),
  ruleSet: RuleSetInfo,
  ruleSets: z.array(RuleSetInfo),
  checks: z.array(
    CheckView.extend({
      /** P01–P10 in the numbering of spec §2 (#4 and #6 split into A/B). */
      indicator: z.string(),
      number: z.number().int(),
      /** Whether the check is decided on a claim (佐证) — the items no statistic carries. */
      attestable: z.boolean(),
      source: z.enum(["data", "attestation", "none"]),
      attestation: AttestationView.nullable(),
    }),
  ),
  isPass: z.boolean().nullable(),
  issues: z.array(EvaluationIssue),
});
export type PreschoolResult = z.infer<typeof PreschoolResult>;

/** GET /api/evaluations/basic-balance/history?orgUnitId=&from=&to=&ruleSet= */
export const BasicBalanceHistoryQuery = z
  .object({ orgUnitId, from: year, to: year, ruleSet: ruleSet.optional() })
  .refine((q) => q.from <= q.to && q.to - q.from <= 30, {
    message: "年份范围无效：起始年不能晚于结束年，且最多 30 年",
    path: ["to"],
  });
export type BasicBalanceHistoryQuery = z.infer<typeof BasicBalanceHistoryQuery>;

const BasicBalanceLevelView = z.object({
  schoolCount: z.number().int(),
  /** 综合差异系数 over the indicators with a defined CV; null without schools. */
  composite: z.number().nullable(),
  /** How many of the 8 indicators the composite averages (the rest have no data). */
  indicatorsUsed: z.number().int(),
  cvs: z.array(z.number().nullable()),
  limit: z.number(),
  isPass: z.boolean().nullable(),
});

/** 2012 基本均衡 composite CVs per year (spec §3). */
export const BasicBalanceHistoryResult = z.object({
  orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  ruleSet: RuleSetInfo,
  indicators: z.array(z.object({ key: z.string(), name: z.string() })),
  limits: z.object({ primary: z.number(), junior: z.number() }),
  years: z.array(
    z.object({
      year: z.number().int(),
      hasData: z.boolean(),
      primary: BasicBalanceLevelView,
      junior: BasicBalanceLevelView,
    }),
  ),
  issues: z.array(EvaluationIssue),
});
export type BasicBalanceHistoryResult = z.infer<typeof BasicBalanceHistoryResult>;
