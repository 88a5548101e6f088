/**
 * 立案 from a 辍学风险预警: the flag list's "立案" opens a 一生一案 case for the flagged pupil, under the
 * cause the rule implies (转出未转入 for a transfer never received, 长期缺勤 otherwise) and with the flag's
 * explanation as the case's 立案说明, so whoever handles the case reads why it was opened. The flag must
 * be open and within the actor's scope; the case is opened by the one opener (`openCaseForPupil`), so a
 * pupil with a case not yet 销号 is refused (409) and the audit row names the flag.
 */
import { attendanceFlagRepo } from "@luoshi/db";
import {
  RISK_RULE_LABELS,
  explainFlag,
  type FlagExplanation,
  type RiskRule,
} from "@luoshi/domain/attendance";
import { causeNoteOfFlag, causeOfFlag, type CaseCause } from "@luoshi/domain/dropout";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { openCaseForPupil } from "./case-open.ts";

/** Opens the case of an open flag in the actor's scope; returns the case id. */
export async function openCaseFromFlag(
  deps: ServiceDeps,
  actor: Actor,
  flagId: string,
  body: { cause?: CaseCause | undefined; plan: string },
): Promise<string> {
  authorize(actor, "pupil.write");
  const { rows } = await attendanceFlagRepo.openFlags(
    deps.handle.db,
    actor.scope,
    { id: flagId },
    { offset: 0, limit: 1 },
  );
  const flag = rows[0];
  if (flag === undefined) {
    throw new AppError("not-found", "没有这条风险预警（或已关闭），或它不在您的管辖范围内");
  }
  const rule = flag.rule as RiskRule;
  const causeNote = causeNoteOfFlag({
    ruleLabel: RISK_RULE_LABELS[rule],
    raisedOn: flag.raisedOn,
    explanation: explainFlag(flag.explanation as FlagExplanation, flag.ruleVersion),
  });
  return openCaseForPupil(deps, actor, flag.studentId, body.cause ?? causeOfFlag(rule), {
    causeNote,
    plan: body.plan,
    flagId,
  });
}
