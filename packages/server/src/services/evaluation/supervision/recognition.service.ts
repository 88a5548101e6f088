/** 社会认可度 (spec §1.1d) of a county and year from its stored survey results. */
import type { RecognitionResult } from "@luoshi/contracts";
import {
  type RuleSet,
  evaluateSocialRecognition,
  RESPONDENT_GROUP_LABELS,
  RESPONDENT_GROUPS,
  type RespondentGroup,
} from "@luoshi/domain/evaluation";
import { type OrgUnitRow, supervisionRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../../context.ts";
import {
  type SupervisionInput,
  ruleSetInfo,
  loadUnit,
  presentIssues,
  unitHead,
} from "./supervision-common.ts";
import { findRuleSet } from "../rule-set.ts";

type Aggregation = RecognitionResult["aggregation"];

function recognitionOf(
  unit: OrgUnitRow,
  year: number,
  ruleSet: RuleSet,
  aggregation: Aggregation,
  surveys: readonly { respondent_group: string; respondents: number; satisfied: number; updated_at: Date }[],
): RecognitionResult {
  const results = surveys.map((s) => ({
    group: s.respondent_group as RespondentGroup,
    respondents: s.respondents,
    satisfied: s.satisfied,
  }));
  const weights =
    aggregation === "respondents"
      ? (Object.fromEntries(results.map((r) => [r.group, r.respondents])) as Partial<
          Record<RespondentGroup, number>
        >)
      : undefined;
  const r = evaluateSocialRecognition(results, { ruleSet, ...(weights ? { weights } : {}) });
  const updated = surveys.reduce<Date | null>(
    (a, s) => (a === null || s.updated_at > a ? s.updated_at : a),
    null,
  );
  return {
    orgUnit: unitHead(unit),
    year,
    ruleSet: ruleSetInfo(ruleSet),
    aggregation,
    groups: RESPONDENT_GROUPS.map((group) => {
      const entered = results.find((x) => x.group === group);
      const counted = r.groups.find((g) => g.group === group);
      return {
        group,
        label: RESPONDENT_GROUP_LABELS[group],
        respondents: entered?.respondents ?? null,
        satisfied: entered?.satisfied ?? null,
        rate: counted?.rate ?? null,
        weight: counted?.weight ?? null,
      };
    }),
    rate: r.rate,
    threshold: r.threshold,
    isPass: r.isPass,
    updatedAt: updated === null ? null : updated.toISOString(),
    issues: presentIssues(r.issues),
  };
}

async function aggregationOf(deps: ServiceDeps, unitId: string, year: number): Promise<Aggregation> {
  const s = await supervisionRepo.findSettings(deps.handle.db, unitId, year);
  return s?.aggregation === "respondents" ? "respondents" : "groupWeights";
}

/** 社会认可度 of a county and year from its stored survey results. Needs `evaluation.read`. */
export async function getRecognition(
  deps: ServiceDeps,
  actor: Actor,
  input: SupervisionInput,
): Promise<RecognitionResult> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
  const [surveys, aggregation] = await Promise.all([
    supervisionRepo.listSurveys(deps.handle.db, unit.id, input.year),
    aggregationOf(deps, unit.id, input.year),
  ]);
  return recognitionOf(unit, input.year, ruleSet, aggregation, surveys);
}
