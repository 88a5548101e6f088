/**
 * How the 督导评估 resources look over HTTP: 政府保障程度 and 教育质量, attestations with their evidence,
 * 社会认可度, the overall verdict, 学前普及普惠 and the 基本均衡 history. The use cases hand back
 * rows and domain results; only this module shapes them into the contracts.
 */
import type {
  AttestationView,
  BasicBalanceHistoryResult,
  OverallResult,
  PreschoolResult,
  RecognitionResult,
  SupervisionIndicatorView,
  SupervisionPartResult,
} from "@luoshi/contracts";
import type { OrgUnitRow } from "@luoshi/db";
import {
  BASIC_BALANCE_INDICATOR_KEYS,
  BASIC_BALANCE_INDICATORS,
  type OverallPart,
  RESPONDENT_GROUP_LABELS,
  RESPONDENT_GROUPS,
  RULE_SETS,
  VETO_ITEM_LABELS,
  VETO_ITEMS,
} from "@luoshi/domain/evaluation";
import type { AttestationRecord } from "../../services/evaluation/supervision/attestation-records.ts";
import type { BasicBalanceHistory } from "../../services/evaluation/supervision/basic-balance-history.service.ts";
import type {
  SupervisionIndicatorOutcome,
  SupervisionPartOutcome,
} from "../../services/evaluation/supervision/evaluate-part.service.ts";
import {
  OVERALL_PART_LABELS,
  type OverallOutcome,
} from "../../services/evaluation/supervision/overall.service.ts";
import type { PreschoolOutcome } from "../../services/evaluation/supervision/preschool.service.ts";
import type { RecognitionOutcome } from "../../services/evaluation/supervision/recognition.service.ts";
import { presentIssues, presentRuleSet } from "./presenters.ts";

/** A unit as results name it. */
const presentUnit = (unit: OrgUnitRow) => ({ id: unit.id, code: unit.code, name: unit.name });

/** An attestation with its evidence files, who submitted it and its review. */
export function presentAttestation(a: AttestationRecord): AttestationView {
  const { row } = a;
  return {
    id: row.id,
    code: row.code,
    claimMet: row.claim_met,
    claimedValue: row.claimed_value,
    note: row.note,
    submittedBy: a.submittedBy,
    submittedAt: row.submitted_at.toISOString(),
    reviewState: row.review_state as AttestationView["reviewState"],
    reviewedBy: a.reviewedBy,
    reviewComment: row.review_comment,
    reviewedAt: row.reviewed_at === null ? null : row.reviewed_at.toISOString(),
    evidence: a.evidence.map((e) => ({
      id: e.id,
      fileName: e.file_name,
      mediaType: e.media_type,
      sizeBytes: e.size_bytes,
      uploadedAt: e.uploaded_at.toISOString(),
    })),
  };
}

function presentIndicator(i: SupervisionIndicatorOutcome): SupervisionIndicatorView {
  const { def, verdict } = i;
  return {
    code: def.code,
    number: def.number,
    name: def.name,
    thresholdText: def.thresholdText,
    kind: def.kind,
    met: i.met,
    source: i.source,
    checks: verdict.checks.map((c) => ({
      code: c.code,
      name: c.name,
      thresholdKey: c.thresholdKey,
      threshold: c.threshold,
      direction: c.direction,
      isStrict: c.isStrict,
      numerator: c.numerator,
      denominator: c.denominator,
      value: c.value,
      met: c.met,
    })),
    failing: verdict.failing,
    failingNames: i.failingNames,
    inputs: i.inputs,
    attestation: i.attestation === null ? null : presentAttestation(i.attestation),
  };
}

/** 政府保障程度 or 教育质量 of a county and year: every indicator with its checks, source and claim. */
export function presentSupervisionPart(r: SupervisionPartOutcome): SupervisionPartResult {
  return {
    orgUnit: presentUnit(r.unit),
    year: r.year,
    part: r.part,
    ruleSet: presentRuleSet(r.ruleSet),
    indicators: r.indicators.map(presentIndicator),
    isPass: r.isPass,
    issues: presentIssues(r.issues),
  };
}

/** 社会认可度: every respondent group (entered or not) with its rate and weight, and the verdict. */
export function presentRecognition(r: RecognitionOutcome): RecognitionResult {
  const e = r.evaluation;
  return {
    orgUnit: presentUnit(r.unit),
    year: r.year,
    ruleSet: presentRuleSet(r.ruleSet),
    aggregation: r.aggregation,
    groups: RESPONDENT_GROUPS.map((group) => {
      const entered = r.entered.find((x) => x.group === group);
      const counted = e.groups.find((g) => g.group === group);
      return {
        group,
        label: RESPONDENT_GROUP_LABELS[group],
        respondents: entered?.respondents ?? null,
        satisfied: entered?.satisfied ?? null,
        rate: counted?.rate ?? null,
        weight: counted?.weight ?? null,
      };
    }),
    rate: e.rate,
    threshold: e.threshold,
    isPass: e.isPass,
    updatedAt: r.updatedAt === null ? null : r.updatedAt.toISOString(),
    issues: presentIssues(e.issues),
  };
}

/** The overall verdict: each part, each veto item with its declaration, and the reasons. */
export function presentOverall(r: OverallOutcome): OverallResult {
  return {
    orgUnit: presentUnit(r.unit),
    year: r.year,
    ruleSet: presentRuleSet(r.ruleSet),
    verdict: r.verdict,
    parts: (Object.keys(OVERALL_PART_LABELS) as OverallPart[]).map((part) => ({
      part,
      label: OVERALL_PART_LABELS[part],
      isPass: r.isPass[part],
    })),
    vetoItems: VETO_ITEMS.map((item) => {
      const a = r.vetoAttestations.get(item);
      return {
        item,
        label: VETO_ITEM_LABELS[item],
        met: r.vetoMet[item],
        attestation: a === undefined ? null : presentAttestation(a),
      };
    }),
    vetoes: r.vetoes,
    failedParts: r.failedParts,
    pendingParts: r.pendingParts,
    reasons: r.reasons,
    basicBalanceYear: r.basicBalanceYear,
  };
}

/** 学前普及普惠: every check with its claim, the verdict, and the rule sets to choose from. */
export function presentPreschool(r: PreschoolOutcome): PreschoolResult {
  const e = r.evaluation;
  return {
    orgUnit: presentUnit(r.unit),
    year: r.year,
    ruleSet: presentRuleSet(r.ruleSet),
    ruleSets: RULE_SETS.map(presentRuleSet),
    checks: e.checks.map((c) => {
      const a = r.attestations.get(c.indicator);
      return {
        code: c.code,
        name: c.name,
        thresholdKey: c.thresholdKey,
        threshold: c.threshold,
        direction: c.direction,
        isStrict: c.isStrict,
        numerator: c.numerator,
        denominator: c.denominator,
        value: c.value,
        met: c.met,
        indicator: c.indicator,
        number: c.number,
        attestable: c.attestable,
        source: c.source,
        attestation: a === undefined ? null : presentAttestation(a),
      };
    }),
    isPass: e.isPass,
    issues: presentIssues(e.issues),
  };
}

/** The 基本均衡 history with the indicator names and the rule set's composite limits. */
export function presentBasicBalanceHistory(r: BasicBalanceHistory): BasicBalanceHistoryResult {
  return {
    orgUnit: presentUnit(r.unit),
    ruleSet: presentRuleSet(r.ruleSet),
    indicators: BASIC_BALANCE_INDICATOR_KEYS.map((key) => ({
      key,
      name: BASIC_BALANCE_INDICATORS[key].name,
    })),
    limits: {
      primary: r.ruleSet.thresholds["basic.compositeLimit.primary"],
      junior: r.ruleSet.thresholds["basic.compositeLimit.junior"],
    },
    years: r.years,
    issues: presentIssues(r.issues),
  };
}
