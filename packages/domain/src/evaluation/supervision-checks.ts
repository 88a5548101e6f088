/**
 * Evaluation of the 政府保障程度 (spec §1.1c) and 教育质量 (spec §1.1d) indicators from plain inputs;
 * evidence items come in as attestations `{met, evidence, reviewer}` (met null = not yet reviewed).
 */
import type { Issue } from "../issues.ts";
import type { SchoolType } from "../org/index.ts";
import { valueMeets } from "./exact-compare.ts";
import { allMet, type Attestation, checkRatio, type IndicatorCheck } from "./indicator-check.ts";
import type { Level } from "./resource-indicators.ts";
import { NATIONAL_RULE_SET, type RuleSet, type RuleSetRef, ruleSetRef } from "./rule-set.ts";
import {
  GOVERNMENT_CODES,
  GOVERNMENT_INDICATORS,
  type GovernmentCode,
  QUALITY_CODES,
  QUALITY_INDICATORS,
  type QualityCode,
  type SupervisionIndicator,
} from "./supervision-catalogue.ts";

/** Numerator and denominator of a share. */
export interface Share {
  part: number;
  total: number;
}

/** Data for the computable government indicators; leave out what is not known yet. */
export interface GovernmentInputs {
  /** #3 per school: 班级数 and the area of each 音乐 / 美术 专用教室. */
  musicArtRooms?: { schoolId: string; classes: number; musicRoomAreas: number[]; artRoomAreas: number[] }[];
  /** #4 per school: 义务教育阶段在校生数. */
  schoolSizes?: { schoolId: string; schoolType: SchoolType; compulsoryStudents: number }[];
  /** #5 every class (or each school's largest class per 学段). */
  classSizes?: { schoolId: string; level: Level; students: number }[];
  /** #7 per 特殊教育学校: pupils and 公用经费 (元/年). Empty list = no such school. */
  specialSchools?: { schoolId: string; students: number; publicFunding: number }[];
  /** #8 average annual income. */
  salaries?: { teacherAverage: number; civilServantAverage: number };
  /** #9 teachers who completed 360 学时 in 5 years / all teachers. */
  training?: Share;
  /** #11 eligible teachers, rotated teachers, rotated 骨干教师. */
  rotation?: { eligible: number; rotated: number; rotatedBackbone: number };
  /** #12 certified / 专任教师. */
  certification?: Share;
  /** #13 就近划片入学 / all admissions, 城区和镇区公办 (non-boarding). */
  nearbyEnrolment?: { primary: Share; junior: Share };
  /** #14 分配到校的名额 / 优质高中招生计划. */
  quotaAllocation?: Share;
  /** #15 随迁子女 in 公办 or 政府购买服务 schools / eligible 随迁子女. */
  migrantChildren?: Share;
  /** #1, #2, #6, #10 and #15 (关爱体系) on evidence. */
  attestations?: Partial<Record<GovernmentCode, Attestation>>;
}

/** Data for the computable quality indicators. */
export interface QualityInputs {
  /** #1 初中三年巩固率 = 毕业生 ÷ (三年前招生 + 转入 − 转出), capped at 100% (spec §4, S26). */
  retention?: { graduates: number; enrolledThreeYearsAgo: number; transfersIn: number; transfersOut: number };
  /** #2 enrolled / 适龄残疾儿童少年. */
  disabledEnrolment?: Share;
  /** #4 per school: 教师培训经费 and 年度公用经费预算总额. */
  trainingBudgets?: { schoolId: string; trainingFunds: number; publicFundingBudget: number }[];
  /** #9 per monitored subject: level (Ⅲ = 3) and 校际差异率. */
  monitoring?: { subject: string; level: number; schoolGapRate: number }[];
  /** #3, #5–#8 on evidence. */
  attestations?: Partial<Record<QualityCode, Attestation>>;
}

/** Verdict on one indicator, with its checks, the ids failing it (schools, or subjects for Q09) and its attestation. */
export interface IndicatorVerdict<C extends string = string> {
  code: C;
  name: string;
  kind: SupervisionIndicator["kind"];
  met: boolean | null;
  checks: IndicatorCheck[];
  failing: string[];
  attestation?: Attestation;
}

/** Result of one part (政府保障程度 or 教育质量). */
export interface SupervisionEvaluation<C extends string> {
  ruleSet: RuleSetRef;
  indicators: IndicatorVerdict<C>[];
  isPass: boolean | null;
  issues: Issue[];
}

function missing(issues: Issue[], code: string, name: string): null {
  issues.push({
    code: "indicator-input-missing",
    severity: "warning",
    message: `“${name}”缺少数据，暂无法判断`,
    where: { field: code },
  });
  return null;
}

function attested(issues: Issue[], code: string, name: string, a: Attestation | undefined): boolean | null {
  if (!a || a.met === null) {
    issues.push({
      code: "attestation-pending",
      severity: "info",
      message: `“${name}”尚待审核佐证材料`,
      where: { field: code },
    });
    return null;
  }
  return a.met;
}

/** Verdict from per-item checks: failing ids, or null when there are no items. */
function perItem<T>(
  items: readonly T[] | undefined,
  id: (x: T) => string,
  ok: (x: T) => boolean,
): { met: boolean | null; failing: string[] } {
  if (!items) {
    return { met: null, failing: [] };
  }
  const failing = [...new Set(items.filter((x) => !ok(x)).map(id))];
  return { met: failing.length === 0, failing };
}

/**
 * Evaluates the 15 government indicators (spec §1.1c). Issues: `indicator-input-missing`,
 * `indicator-zero-denominator`, `attestation-pending`, `indicator-not-applicable` (no 特教学校).
 */
export function evaluateGovernment(
  input: GovernmentInputs,
  options: { ruleSet?: RuleSet } = {},
): SupervisionEvaluation<GovernmentCode> {
  const ruleSet = options.ruleSet ?? NATIONAL_RULE_SET;
  const th = ruleSet.thresholds;
  const issues: Issue[] = [];
  const at = input.attestations ?? {};
  const verdicts = GOVERNMENT_CODES.map((code): IndicatorVerdict<GovernmentCode> => {
    const def = GOVERNMENT_INDICATORS[code];
    const v: IndicatorVerdict<GovernmentCode> = {
      code,
      name: def.name,
      kind: def.kind,
      met: null,
      checks: [],
      failing: [],
    };
    const ratio = (
      key: Parameters<typeof checkRatio>[0]["thresholdKey"],
      s: Share | undefined,
      suffix = "",
    ): IndicatorCheck =>
      checkRatio(
        { code: `${code}${suffix}`, thresholdKey: key, numerator: s?.part, denominator: s?.total },
        ruleSet,
        issues,
      );
    const items = (r: { met: boolean | null; failing: string[] }): void => {
      v.met = r.met ?? missing(issues, code, def.name);
      v.failing = r.failing;
    };
    switch (code) {
      case "G03":
        items(
          perItem(
            input.musicArtRooms,
            (s) => s.schoolId,
            (s) => {
              const required =
                s.classes > 0 ? Math.ceil(s.classes / th["government.classesPerMusicArtRoom"]) : 0;
              const music = s.musicRoomAreas.filter((a) =>
                valueMeets(a, th["government.musicRoomArea"], "min"),
              ).length;
              const art = s.artRoomAreas.filter((a) =>
                valueMeets(a, th["government.artRoomArea"], "min"),
              ).length;
              return music >= required && art >= required;
            },
          ),
        );
        break;
      case "G04":
        items(
          perItem(
            input.schoolSizes,
            (s) => s.schoolId,
            (s) => {
              const combined = s.schoolType === "nineYear" || s.schoolType === "twelveYear";
              const limit = th[combined ? "government.schoolSize.combined" : "government.schoolSize.single"];
              return valueMeets(s.compulsoryStudents, limit, "max");
            },
          ),
        );
        break;
      case "G05":
        items(
          perItem(
            input.classSizes,
            (c) => c.schoolId,
            (c) => valueMeets(c.students, th[`government.classSize.${c.level}`], "max"),
          ),
        );
        break;
      case "G07":
        if (input.specialSchools?.length === 0) {
          issues.push({
            code: "indicator-not-applicable",
            severity: "info",
            message: "县内没有特殊教育学校，本项不适用",
            where: { field: code },
          });
          v.met = true;
        } else {
          const checks = (input.specialSchools ?? []).map((s) =>
            checkRatio(
              {
                code: `G07:${s.schoolId}`,
                thresholdKey: "government.specialEducationFunding",
                numerator: s.publicFunding,
                denominator: s.students,
              },
              ruleSet,
              issues,
            ),
          );
          v.checks = checks;
          v.failing = (input.specialSchools ?? [])
            .filter((_, i) => checks[i]?.met === false)
            .map((s) => s.schoolId);
          v.met = input.specialSchools ? allMet(checks.map((c) => c.met)) : missing(issues, code, def.name);
        }
        break;
      case "G08":
        v.checks = [
          ratio(
            "government.teacherSalaryRatio",
            input.salaries && {
              part: input.salaries.teacherAverage,
              total: input.salaries.civilServantAverage,
            },
          ),
        ];
        break;
      case "G09":
        v.checks = [ratio("government.trainingCompletion", input.training)];
        break;
      case "G11":
        v.checks = [
          ratio(
            "government.rotationRate",
            input.rotation && { part: input.rotation.rotated, total: input.rotation.eligible },
            ":rate",
          ),
          ratio(
            "government.rotationBackboneShare",
            input.rotation && { part: input.rotation.rotatedBackbone, total: input.rotation.rotated },
            ":backbone",
          ),
        ];
        break;
      case "G12":
        v.checks = [ratio("government.certifiedRate", input.certification)];
        break;
      case "G13":
        v.checks = [
          ratio("government.nearbyEnrolment.primary", input.nearbyEnrolment?.primary, ":primary"),
          ratio("government.nearbyEnrolment.junior", input.nearbyEnrolment?.junior, ":junior"),
        ];
        break;
      case "G14":
        v.checks = [ratio("government.quotaAllocation", input.quotaAllocation)];
        break;
      case "G15":
        v.checks = [ratio("government.migrantPublicShare", input.migrantChildren)];
        break;
      default:
        break;
    }
    if (def.kind === "attestation") {
      v.met = attested(issues, code, def.name, at[code]);
    } else if (v.checks.length > 0) {
      v.met = allMet(v.checks.map((c) => c.met));
    }
    if (def.kind === "mixed") {
      v.met = allMet([v.met, attested(issues, code, def.name, at[code])]);
    }
    const a = at[code];
    if (a) {
      v.attestation = a;
    }
    return v;
  });
  return {
    ruleSet: ruleSetRef(ruleSet),
    indicators: verdicts,
    isPass: allMet(verdicts.map((v) => v.met)),
    issues,
  };
}

/**
 * Evaluates the 9 quality indicators (spec §1.1d). #9 needs every monitored subject at level ≥ Ⅲ
 * and 校际差异率 strictly below 0.15. Issues as {@link evaluateGovernment}.
 */
export function evaluateQuality(
  input: QualityInputs,
  options: { ruleSet?: RuleSet } = {},
): SupervisionEvaluation<QualityCode> {
  const ruleSet = options.ruleSet ?? NATIONAL_RULE_SET;
  const th = ruleSet.thresholds;
  const issues: Issue[] = [];
  const at = input.attestations ?? {};
  const verdicts = QUALITY_CODES.map((code): IndicatorVerdict<QualityCode> => {
    const def = QUALITY_INDICATORS[code];
    const v: IndicatorVerdict<QualityCode> = {
      code,
      name: def.name,
      kind: def.kind,
      met: null,
      checks: [],
      failing: [],
    };
    if (def.kind === "attestation") {
      v.met = attested(issues, code, def.name, at[code]);
      const a = at[code];
      if (a) {
        v.attestation = a;
      }
      return v;
    }
    switch (code) {
      case "Q01": {
        const r = input.retention;
        v.checks = [
          checkRatio(
            {
              code,
              thresholdKey: "quality.retentionRate",
              numerator: r?.graduates,
              denominator: r && r.enrolledThreeYearsAgo + r.transfersIn - r.transfersOut,
              cap: 1,
            },
            ruleSet,
            issues,
          ),
        ];
        break;
      }
      case "Q02":
        v.checks = [
          checkRatio(
            {
              code,
              thresholdKey: "quality.disabledEnrolment",
              numerator: input.disabledEnrolment?.part,
              denominator: input.disabledEnrolment?.total,
            },
            ruleSet,
            issues,
          ),
        ];
        break;
      case "Q04":
        v.checks = (input.trainingBudgets ?? []).map((s) =>
          checkRatio(
            {
              code: `Q04:${s.schoolId}`,
              thresholdKey: "quality.trainingBudgetShare",
              numerator: s.trainingFunds,
              denominator: s.publicFundingBudget,
            },
            ruleSet,
            issues,
          ),
        );
        v.failing = (input.trainingBudgets ?? [])
          .filter((_, i) => v.checks[i]?.met === false)
          .map((s) => s.schoolId);
        break;
      default: {
        const r = perItem(
          input.monitoring,
          (m) => m.subject,
          (m) =>
            valueMeets(m.level, th["quality.monitoringLevel"], "min") &&
            valueMeets(m.schoolGapRate, th["quality.monitoringGap"], "max", true),
        );
        v.met = r.met ?? missing(issues, code, def.name);
        v.failing = r.failing;
        return v;
      }
    }
    v.met = v.checks.length > 0 ? allMet(v.checks.map((c) => c.met)) : missing(issues, code, def.name);
    return v;
  });
  return {
    ruleSet: ruleSetRef(ruleSet),
    indicators: verdicts,
    isPass: allMet(verdicts.map((v) => v.met)),
    issues,
  };
}
