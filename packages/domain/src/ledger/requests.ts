/**
 * A request to act on a task, as the 办理 buttons send it (an action name and an optional comment),
 * read as the ledger action the state machine checks.
 */
import type { LedgerAction } from "./state-machine.ts";

/** The actions a 办理 request may name (adjustments have their own requests). */
export type RequestedAction = Exclude<LedgerAction["type"], "requestAdjustment" | "decideAdjustment">;

/**
 * The ledger action a request names. 退回 carries its comment (the state machine refuses an empty one),
 * 中止 its reason, 销号 an optional comment; the other actions take none.
 */
export function actionOfRequest(action: RequestedAction, comment?: string): LedgerAction {
  switch (action) {
    case "return":
      return { type: "return", comment: comment ?? "" };
    case "suspend":
      return { type: "suspend", reason: comment ?? "" };
    case "approve":
      return comment === undefined ? { type: "approve" } : { type: "approve", comment };
    default:
      return { type: action };
  }
}

/** The comment an action leaves on the task's timeline: its comment or reason, if it has one. */
export function commentOfAction(action: LedgerAction): string | null {
  if ("comment" in action) {
    return action.comment ?? null;
  }
  return "reason" in action ? action.reason : null;
}
