/** 社会认可度 (spec §1.1d) of a county and year from its stored survey results. */
import type { RECOGNITION_AGGREGATION_VALUES } from "@luoshi/contracts";
import {
  type RuleSet,
  evaluateSocialRecognition,
  type RespondentGroup,
  type SocialRecognition,
  type SurveyGroupResult,
} from "@luoshi/domain/evaluation";
import { type OrgUnitRow, supervisionRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { type SupervisionInput, loadUnit } from "./supervision-common.ts";
import { findRuleSet } from "../rule-set.ts";

/** How the group rates are combined: the rule set's group weights, or weighted by respondents. */
type Aggregation = (typeof RECOGNITION_AGGREGATION_VALUES)[number];

/** 社会认可度 of a county and year: the survey results as entered and their evaluation. */
export interface RecognitionOutcome {
  unit: OrgUnitRow;
  year: number;
  ruleSet: RuleSet;
  aggregation: Aggregation;
  /** The survey results entered, one per group surveyed. */
  entered: SurveyGroupResult[];
  evaluation: SocialRecognition;
  /** When the survey results last changed; null before any were entered. */
  updatedAt: Date | null;
}

function recognitionOf(
  unit: OrgUnitRow,
  year: number,
  ruleSet: RuleSet,
  aggregation: Aggregation,
  surveys: readonly { respondent_group: string; respondents: number; satisfied: number; updated_at: Date }[],
): RecognitionOutcome {
  const entered = surveys.map((s) => ({
    group: s.respondent_group as RespondentGroup,
    respondents: s.respondents,
    satisfied: s.satisfied,
  }));
  const weights =
    aggregation === "respondents"
      ? (Object.fromEntries(entered.map((r) => [r.group, r.respondents])) as Partial<
          Record<RespondentGroup, number>
        >)
      : undefined;
  const evaluation = evaluateSocialRecognition(entered, { ruleSet, ...(weights ? { weights } : {}) });
  const updatedAt = surveys.reduce<Date | null>(
    (a, s) => (a === null || s.updated_at > a ? s.updated_at : a),
    null,
  );
  return { unit, year, ruleSet, aggregation, entered, evaluation, updatedAt };
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
): Promise<RecognitionOutcome> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
  const [surveys, aggregation] = await Promise.all([
    supervisionRepo.listSurveys(deps.handle.db, unit.id, input.year),
    aggregationOf(deps, unit.id, input.year),
  ]);
  return recognitionOf(unit, input.year, ruleSet, aggregation, surveys);
}
