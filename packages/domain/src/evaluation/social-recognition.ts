/**
 * 社会认可度 from survey results by respondent group (spec §1.1d 第九条; §2 #10). The national
 * aggregation is not published [U]: each group's rate is 满意 + 比较满意 over respondents, and the
 * county rate is the weighted mean of the group rates with configurable weights (rule set default:
 * equal weights for the groups surveyed).
 */
import type { Issue } from "../issues.ts";
import { valueMeets } from "./exact-compare.ts";
import {
  NATIONAL_RULE_SET,
  type RespondentGroup,
  RESPONDENT_GROUP_LABELS,
  type RuleSet,
  type RuleSetRef,
  ruleSetRef,
} from "./rule-set.ts";

/** One respondent group's answers: respondents and those answering 满意 or 比较满意. */
export interface SurveyGroupResult {
  group: RespondentGroup;
  respondents: number;
  satisfied: number;
}

/** One group's share of the county rate. */
export interface RecognitionGroup extends SurveyGroupResult {
  rate: number;
  /** Normalised weight (weights of the counted groups sum to 1). */
  weight: number;
}

/** 社会认可度 result. */
export interface SocialRecognition {
  ruleSet: RuleSetRef;
  groups: RecognitionGroup[];
  /** Weighted rate; null when no group can be counted. */
  rate: number | null;
  threshold: number;
  isPass: boolean | null;
  issues: Issue[];
}

/**
 * Computes 社会认可度 (≥ 85%) from group results. `weights` overrides the rule set's. Issues:
 * `survey-group-empty` (no respondents or zero weight: left out), `survey-invalid-counts` (negative
 * or satisfied > respondents: left out), `survey-no-responses` (nothing to count).
 */
export function evaluateSocialRecognition(
  results: readonly SurveyGroupResult[],
  options: {
    ruleSet?: RuleSet;
    weights?: Partial<Record<RespondentGroup, number>>;
    thresholdKey?: "recognition.minimum" | "preschool.recognition";
  } = {},
): SocialRecognition {
  const ruleSet = options.ruleSet ?? NATIONAL_RULE_SET;
  const weights = { ...ruleSet.recognitionWeights, ...options.weights };
  const threshold = ruleSet.thresholds[options.thresholdKey ?? "recognition.minimum"];
  const issues: Issue[] = [];
  const counted: { r: SurveyGroupResult; w: number }[] = [];
  for (const r of results) {
    const label = RESPONDENT_GROUP_LABELS[r.group];
    const w = weights[r.group];
    if (!(r.respondents >= 0) || !(r.satisfied >= 0) || r.satisfied > r.respondents) {
      issues.push({
        code: "survey-invalid-counts",
        severity: "error",
        message: `“${label}”的问卷人数不正确，已跳过`,
        where: { field: r.group },
      });
      continue;
    }
    if (r.respondents === 0 || !(w > 0)) {
      issues.push({
        code: "survey-group-empty",
        severity: "warning",
        message: `“${label}”没有有效问卷或权重为 0，未计入`,
        where: { field: r.group },
      });
      continue;
    }
    counted.push({ r, w });
  }
  const totalWeight = counted.reduce((s, c) => s + c.w, 0);
  if (counted.length === 0) {
    issues.push({
      code: "survey-no-responses",
      severity: "error",
      message: "没有可计入的问卷，无法计算社会认可度",
    });
    return { ruleSet: ruleSetRef(ruleSet), groups: [], rate: null, threshold, isPass: null, issues };
  }
  const groups = counted.map(({ r, w }) => ({
    ...r,
    rate: r.satisfied / r.respondents,
    weight: w / totalWeight,
  }));
  const rate = groups.reduce((s, g) => s + g.weight * g.rate, 0);
  return {
    ruleSet: ruleSetRef(ruleSet),
    groups,
    rate,
    threshold,
    isPass: valueMeets(rate, threshold, "min"),
    issues,
  };
}
