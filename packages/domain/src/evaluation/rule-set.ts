/**
 * Versioned rule sets as plain data (spec §1.1a–§3, §6.3): the national values are the floor; a
 * jurisdiction (e.g. 河南) derives its own set and may only make thresholds stricter. Every evaluation
 * result records the id and version of the set it used.
 */
import { RESPONDENT_GROUPS, TEACHING_POINT_POLICIES } from "@luoshi/common";
import type { Issue } from "../issues.ts";
import { valueMeets } from "./exact-compare.ts";
import { isThresholdKey, nationalThresholds, THRESHOLD_CATALOGUE, type ThresholdKey } from "./thresholds.ts";

/**
 * 教学点 policy for the resource indicators (spec §1.1a scope, §6.5): `exclude-below-50` (河北: 不足50人的
 * 教学点不参与), `merge-into-parent` (counted with its 中心校/完小), `include` (each 教学点 counts alone).
 */
export type TeachingPointPolicy = (typeof TEACHING_POINT_POLICIES)[number];
/** All {@link TeachingPointPolicy} values. */
export { TEACHING_POINT_POLICIES };

/**
 * Weights for splitting a combined school's facilities between 学段 (spec §1.1b, S8): a part's share is
 * wₗ·Pₗ / Σ w·P. Defaults: 九年一贯制 1 : 1.1; 十二年一贯制 1 : 1.1 : 1.32; 完全中学 初中 1 : 高中 1.2
 * (初中部 = B/(B+1.2C); note 1.32/1.1 = 1.2, so the three rules agree).
 */
export interface SplitWeights {
  nineYear: { primary: number; junior: number };
  twelveYear: { primary: number; junior: number; senior: number };
  completeSecondary: { junior: number; senior: number };
}

/** 社会认可度 respondent groups (spec §1.1d: 学生、家长、教师、校长、人大代表、政协委员及其他群众). */
export { RESPONDENT_GROUPS };
/** One 社会认可度 respondent group. */
export type RespondentGroup = (typeof RESPONDENT_GROUPS)[number];
/** Chinese labels for {@link RespondentGroup}. */
export const RESPONDENT_GROUP_LABELS: Record<RespondentGroup, string> = {
  students: "学生",
  parents: "家长",
  teachers: "教师",
  principals: "校长",
  deputies: "人大代表",
  cppccMembers: "政协委员",
  public: "其他群众",
};

/** Identifies a rule set on every result. */
export interface RuleSetRef {
  id: string;
  version: string;
}

/** A complete, versioned rule set. */
export interface RuleSet extends RuleSetRef {
  /** Chinese name shown on reports. */
  name: string;
  /** `national`, or the jurisdiction's 行政区划代码. */
  jurisdiction: string;
  /** The set this one was derived from (its floor), absent for the national set. */
  base?: RuleSetRef;
  thresholds: Record<ThresholdKey, number>;
  teachingPointPolicy: TeachingPointPolicy;
  splitWeights: SplitWeights;
  /**
   * Weights of respondent groups in 社会认可度 (spec §1.1d: aggregation not published, [U]).
   * Default: equal weight for each group surveyed.
   */
  recognitionWeights: Record<RespondentGroup, number>;
}

/** Default split weights of spec §1.1b. */
export const DEFAULT_SPLIT_WEIGHTS: SplitWeights = {
  nineYear: { primary: 1, junior: 1.1 },
  twelveYear: { primary: 1, junior: 1.1, senior: 1.32 },
  completeSecondary: { junior: 1, senior: 1.2 },
};

/**
 * The national rule set: 2017 优质均衡 values (the floor), 2020 学前普及普惠, 2012 基本均衡. The national
 * 教学点 rule is unknown (spec §6.5); the national text says 每所学校, so 教学点 are included by default.
 */
export const NATIONAL_RULE_SET: RuleSet = {
  id: "cn-national",
  version: "2017.1",
  name: "国家标准（教督〔2017〕6号；学前普及普惠2020；教督〔2012〕3号）",
  jurisdiction: "national",
  thresholds: nationalThresholds(),
  teachingPointPolicy: "include",
  splitWeights: DEFAULT_SPLIT_WEIGHTS,
  recognitionWeights: {
    students: 1,
    parents: 1,
    teachers: 1,
    principals: 1,
    deputies: 1,
    cppccMembers: 1,
    public: 1,
  },
};

/** A jurisdiction's changes to a base rule set (plain data, e.g. read from a JSON file). */
export interface RuleSetOverride extends RuleSetRef {
  name: string;
  jurisdiction: string;
  /** Keys outside the catalogue and looser values are reported and ignored. */
  thresholds?: Partial<Record<string, number>>;
  teachingPointPolicy?: TeachingPointPolicy;
  splitWeights?: SplitWeights;
  recognitionWeights?: Partial<Record<RespondentGroup, number>>;
}

function invalid(field: string, message: string): Issue {
  return { code: "rule-set-invalid-value", severity: "error", message, where: { field } };
}

function validWeights(w: SplitWeights): boolean {
  const all = [
    w.nineYear.primary,
    w.nineYear.junior,
    w.twelveYear.primary,
    w.twelveYear.junior,
    w.twelveYear.senior,
    w.completeSecondary.junior,
    w.completeSecondary.senior,
  ];
  return all.every((x) => Number.isFinite(x) && x > 0);
}

/**
 * Derives a jurisdiction's rule set from a base (spec §6.3: national values are the floor). A threshold
 * looser than the base is refused (`rule-set-looser-than-floor`), unknown keys give
 * `rule-set-unknown-threshold`, bad numbers or weights `rule-set-invalid-value`; refused entries keep
 * the base value, so the returned set is always usable.
 */
export function deriveRuleSet(
  base: RuleSet,
  override: RuleSetOverride,
): { ruleSet: RuleSet; issues: Issue[] } {
  const issues: Issue[] = [];
  const thresholds = { ...base.thresholds };
  for (const [key, value] of Object.entries(override.thresholds ?? {})) {
    if (!isThresholdKey(key)) {
      issues.push({
        code: "rule-set-unknown-threshold",
        severity: "error",
        message: `未知的指标阈值“${key}”`,
        where: { field: key },
      });
      continue;
    }
    if (value === undefined || !Number.isFinite(value) || value < 0) {
      issues.push(invalid(key, `“${THRESHOLD_CATALOGUE[key].label}”的阈值无效`));
      continue;
    }
    const def = THRESHOLD_CATALOGUE[key];
    if (!valueMeets(value, base.thresholds[key], def.direction)) {
      const floor = base.thresholds[key];
      issues.push({
        code: "rule-set-looser-than-floor",
        severity: "error",
        message: `“${def.label}”只能比基准（${floor}）更严格，不能设为 ${value}`,
        where: { field: key },
      });
      continue;
    }
    thresholds[key] = value;
  }
  let splitWeights = base.splitWeights;
  if (override.splitWeights) {
    if (validWeights(override.splitWeights)) {
      splitWeights = override.splitWeights;
    } else {
      issues.push(invalid("splitWeights", "拆分权重必须为正数"));
    }
  }
  const recognitionWeights = { ...base.recognitionWeights };
  for (const [group, w] of Object.entries(override.recognitionWeights ?? {})) {
    if (!Object.hasOwn(recognitionWeights, group) || !Number.isFinite(w) || w < 0) {
      issues.push(invalid(`recognitionWeights.${group}`, `社会认可度权重“${group}”无效`));
      continue;
    }
    recognitionWeights[group as RespondentGroup] = w;
  }
  return {
    ruleSet: {
      id: override.id,
      version: override.version,
      name: override.name,
      jurisdiction: override.jurisdiction,
      base: { id: base.id, version: base.version },
      thresholds,
      teachingPointPolicy: override.teachingPointPolicy ?? base.teachingPointPolicy,
      splitWeights,
      recognitionWeights,
    },
    issues,
  };
}

/** 河南: 学前三年毛入园率 90% (spec §2, S20). */
export const HENAN_RULE_SET: RuleSet = deriveRuleSet(NATIONAL_RULE_SET, {
  id: "cn-41-henan",
  version: "2021.1",
  name: "河南省标准（学前三年毛入园率90%）",
  jurisdiction: "410000",
  thresholds: { "preschool.grossEnrolment": 0.9 },
}).ruleSet;

/** 河北: 不足50人的教学点不参与资源配置指标 (spec §1.1a scope, S2). */
export const HEBEI_RULE_SET: RuleSet = deriveRuleSet(NATIONAL_RULE_SET, {
  id: "cn-13-hebei",
  version: "2018.1",
  name: "河北省标准（不足50人的教学点不参与资源配置评估）",
  jurisdiction: "130000",
  teachingPointPolicy: "exclude-below-50",
}).ruleSet;

/** The rule sets luoshi ships, by id. */
export const RULE_SETS: readonly RuleSet[] = [NATIONAL_RULE_SET, HENAN_RULE_SET, HEBEI_RULE_SET];

/**
 * The rule set a unit of the 行政区划 `divisionCode` (a 省/市/县/乡镇 code, 6–12 digits) follows unless a
 * request names another: its province's published set where luoshi ships one (河北, 河南), the national
 * set otherwise.
 */
export function ruleSetOfDivision(divisionCode: string): RuleSet {
  const province = /^\d{6,12}$/.test(divisionCode) ? `${divisionCode.slice(0, 2)}0000` : "";
  return RULE_SETS.find((r) => r.jurisdiction === province) ?? NATIONAL_RULE_SET;
}

/** The reference recorded on results. */
export function ruleSetRef(ruleSet: RuleSetRef): RuleSetRef {
  return { id: ruleSet.id, version: ruleSet.version };
}
