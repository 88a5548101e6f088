/**
 * What the 控辍保学 answers show of a child: masked by default (张*明, 6208**********1234); the 家长 named on a
 * case masked like a child's name; in full only for an audited unmasked read. The other 七长 are officials
 * acting in office and are shown as written. Lights are computed for the day of the answer.
 */
import type { CaseReadRow, ChildReadRow, StepReadRow } from "@luoshi/db";
import type { CaseDetail, CaseView, SchoolAgeList } from "@luoshi/contracts";
import { maskIdNumber, maskName } from "@luoshi/domain/pii";
import {
  CASE_CAUSE_LABELS,
  CASE_STATE_LABELS,
  PRIORITY_GROUP_LABELS,
  SEVEN_HEADS,
  SEVEN_HEAD_LABELS,
  STEP_KIND_LABELS,
  STEP_OUTCOME_LABELS,
  caseLight,
  closableFrom,
  closeRefusal,
  stepLight,
  type CaseCause,
  type CaseState,
  type PriorityGroup,
  type StepKind,
  type StepOutcome,
} from "@luoshi/domain/dropout";
import { gradeLabel } from "@luoshi/domain/registry";
import type { EduLevel } from "@luoshi/domain/stats";

const asStep = (s: StepReadRow) => ({
  id: s.id,
  kind: s.kind as StepKind,
  assignedOn: s.assignedOn,
  deadline: s.deadline,
  doneOn: s.doneOn,
});

/** One case for a list. */
export function presentCase(
  r: CaseReadRow,
  steps: readonly StepReadRow[],
  today: string,
  unmasked = false,
): CaseView {
  const light = caseLight(r.state as CaseState, steps.map(asStep), today);
  const p = r.personal;
  return {
    id: r.id,
    name: unmasked ? p.name : maskName(p.name),
    idNumber: p.idNumber === null ? null : unmasked ? p.idNumber : maskIdNumber(p.idNumber),
    sex: r.sex,
    gradeLabel:
      r.level === null || r.grade === null
        ? null
        : gradeLabel({ level: r.level as EduLevel, grade: r.grade }),
    unitName: r.unitName,
    schoolNamed: r.unitKind === "school",
    township: r.township,
    village: r.village,
    cause: r.cause as CaseCause,
    causeLabel: CASE_CAUSE_LABELS[r.cause as CaseCause],
    priorityGroups: r.priorityGroups.map((g) =>
      g in PRIORITY_GROUP_LABELS ? PRIORITY_GROUP_LABELS[g as PriorityGroup] : g,
    ),
    state: r.state as CaseState,
    stateLabel: CASE_STATE_LABELS[r.state as CaseState],
    light: light.light,
    lightReason: light.reason,
    openedOn: r.openedOn,
    returnedOn: r.returnedOn,
    closedOn: r.closedOn,
    masked: !unmasked,
  };
}

/** One case with its plan, 七长 and steps; `userId` is the reader (whether they may 销号). */
export function presentCaseDetail(
  r: CaseReadRow,
  steps: readonly StepReadRow[],
  today: string,
  userId: string | null,
  unmasked = false,
): CaseDetail {
  const people = r.personal.people;
  return {
    ...presentCase(r, steps, today, unmasked),
    causeNote: r.personal.causeNote,
    plan: r.personal.plan,
    people: SEVEN_HEADS.map((role) => {
      const name = people[role] ?? "";
      return {
        role,
        label: SEVEN_HEAD_LABELS[role],
        name: role === "parent" && !unmasked && name !== "" ? maskName(name) : name,
      };
    }),
    closeAfterDays: r.closeAfterDays,
    closableFrom: r.returnedOn === null ? null : closableFrom(r.returnedOn, r.closeAfterDays),
    closeRefusal: closeRefusal(
      {
        state: r.state as CaseState,
        returnedOn: r.returnedOn,
        returnedBy: r.returnedBy,
        closeAfterDays: r.closeAfterDays,
      },
      userId,
      today,
    ),
    steps: steps.map((s) => {
      const light = stepLight(asStep(s), today);
      return {
        id: s.id,
        kind: s.kind as StepKind,
        kindLabel: STEP_KIND_LABELS[s.kind as StepKind],
        assignedOn: s.assignedOn,
        deadline: s.deadline,
        doneOn: s.doneOn,
        outcome: s.outcome as StepOutcome | null,
        outcomeLabel: s.outcome === null ? null : STEP_OUTCOME_LABELS[s.outcome as StepOutcome],
        note: s.note,
        evidence: s.evidence,
        light: light.light,
        lightReason: light.reason,
      };
    }),
  };
}

/** The children of a 适龄 list, masked. */
export function presentChildren(rows: readonly ChildReadRow[]): SchoolAgeList["items"] {
  return rows.map((c) => ({
    id: c.id,
    name: maskName(c.personal.name),
    idNumber: maskIdNumber(c.personal.idNumber),
    sex: c.sex,
    age: c.age,
    township: c.township,
    village: c.village,
    matched: c.studentId !== null,
    caseId: c.caseId,
  }));
}
