/**
 * A 辍学风险预警 turned into a 一生一案 case: which cause the case is opened under and the note that
 * carries the flag's explanation into it, so the caseworker reads on the case why it was opened (the
 * rule, the day it was raised and the evidence sentence the flag list shows).
 */
import type { RiskRule } from "../attendance/rules.ts";
import type { CaseCause } from "./cases.ts";

/** The cause a flag's case is opened under: a transfer never received is 转出未转入, the rest 长期缺勤. */
export function causeOfFlag(rule: RiskRule): CaseCause {
  return rule === "transfer-unreceived" ? "transfer" : "absence";
}

/** The longest note a case takes (the contract's limit on 立案说明). */
const NOTE_LIMIT = 500;

/**
 * The case's 立案说明 for a flag: "风险预警（rule label，raised day）：explanation". Cut to the note's limit
 * (an explanation is a sentence of a few dozen characters; the cut only guards the contract).
 */
export function causeNoteOfFlag(flag: { ruleLabel: string; raisedOn: string; explanation: string }): string {
  const note = `风险预警（${flag.ruleLabel}，${flag.raisedOn} 预警）：${flag.explanation}`;
  return note.length <= NOTE_LIMIT ? note : `${note.slice(0, NOTE_LIMIT - 1)}…`;
}
