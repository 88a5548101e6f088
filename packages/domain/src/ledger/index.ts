/**
 * 督办台账 (ledger): the pure core of task follow-up — state machine, reporting periods, lights,
 * monthly bulletin, dispatch board and unit scoreboard. Dates are ISO `YYYY-MM-DD` strings, instants
 * `Date` (see `dates.ts`).
 */
export * from "./dates.ts";
export * from "./types.ts";
export * from "./state-machine.ts";
export * from "./periods.ts";
export * from "./lights.ts";
export * from "./obligations.ts";
export * from "./bulletin.ts";
export * from "./issue.ts";
export * from "./escalation.ts";
export * from "./assessment.ts";
export * from "./requests.ts";
export * from "./ledger-list.ts";
