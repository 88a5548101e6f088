/** 录入社会认可度: the survey results and their aggregation of a county and year (audited). */
import type { RecognitionBody } from "@luoshi/contracts";
import { inTransaction, supervisionRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { recordAudit } from "../../audit/audit.service.ts";
import { loadUnit, actingUser } from "./supervision-common.ts";
import { findRuleSet } from "../rule-set.ts";
import { getRecognition, type RecognitionOutcome } from "./recognition.service.ts";

/**
 * Replaces the survey results and the aggregation of a county and year, then answers the recomputed
 * 社会认可度. Needs `evaluation.write`; audited with before/after.
 */
export async function saveRecognition(
  deps: ServiceDeps,
  actor: Actor,
  body: RecognitionBody,
): Promise<RecognitionOutcome> {
  const unit = await loadUnit(deps, actor, body.orgUnitId, "evaluation.write");
  const ruleSet = findRuleSet(body.ruleSet);
  const now = deps.now();
  await inTransaction(deps.handle.db, async (trx) => {
    const [before, settings] = await Promise.all([
      supervisionRepo.listSurveys(trx, unit.id, body.year),
      supervisionRepo.findSettings(trx, unit.id, body.year),
    ]);
    await supervisionRepo.replaceSurveys(trx, unit.id, body.year, body.groups, actingUser(actor), now);
    await supervisionRepo.upsertSettings(
      trx,
      unit.id,
      body.year,
      { aggregation: body.aggregation },
      actingUser(actor),
      now,
    );
    await recordAudit(trx, actor, {
      action: "evaluation.survey-save",
      entityType: "supervision_survey",
      entityId: unit.id,
      before: {
        aggregation: settings?.aggregation ?? "groupWeights",
        groups: before.map((s) => ({
          group: s.respondent_group,
          respondents: s.respondents,
          satisfied: s.satisfied,
        })),
      },
      after: { aggregation: body.aggregation, groups: body.groups },
      details: { year: body.year },
    });
  });
  return getRecognition(deps, actor, { orgUnitId: unit.id, year: body.year, ruleSetId: ruleSet.id });
}
