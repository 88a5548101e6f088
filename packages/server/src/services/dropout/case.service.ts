/**
 * 一生一案 cases: list, read, open, plan and 七长, steps (家访, 劝返, 复学, 送教上门, 书面督促, 依法控辍) and
 * 销号. Reads need `pupil.read` and see the cases of their scope (a school its own); writes need
 * `pupil.write`; 销号 needs `dropout.verify` and someone other than who recorded the 复学. Every write is
 * audited without personal values; full values only through `revealPersonal`.
 */
import { chinaDate } from "@luoshi/common";
import {
  dropoutCaseRepo,
  inTransaction,
  schoolAgeRepo,
  type CasePersonal,
  type CaseReadRow,
  type StepReadRow,
} from "@luoshi/db";
import {
  checkOutcome,
  closeRefusal,
  defaultStepDeadline,
  stateAfterStep,
  type CaseState,
  type StepKind,
} from "@luoshi/domain/dropout";
import type {
  CaseListQuery,
  CaseOpenBody,
  CaseStepBody,
  CaseStepRecordBody,
  CaseUpdateBody,
} from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { findUnitInScope } from "../access/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { revealPersonal } from "../pii/reveal.service.ts";
import { insertCase, openCaseForPupil } from "./case-open.ts";
import { openCaseFromFlag } from "./case-from-flag.ts";

/** A case with its steps, sealed values opened for the presenter to mask. */
export interface CaseWithSteps {
  row: CaseReadRow;
  steps: StepReadRow[];
}

const NOT_FOUND = "没有这个案件，或不在您的管辖范围内";

/** One page of cases within the reader's scope, with their steps (for the lights). */
export async function listCases(
  deps: ServiceDeps,
  actor: Actor,
  query: CaseListQuery,
): Promise<{ items: CaseWithSteps[]; total: number }> {
  authorize(actor, "pupil.read");
  const { db } = deps.handle;
  const { rows, total } = await dropoutCaseRepo.list(
    db,
    actor.scope,
    {
      ...(query.state === undefined ? {} : { state: query.state }),
      ...(query.cause === undefined ? {} : { cause: query.cause }),
      ...(query.township === undefined ? {} : { township: query.township }),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
  const steps = await dropoutCaseRepo.stepsOf(
    db,
    rows.map((r) => r.id),
  );
  return { total, items: rows.map((row) => ({ row, steps: steps.filter((s) => s.caseId === row.id) })) };
}

/** One case within the reader's scope, with its steps (404 outside it). */
export async function getCase(deps: ServiceDeps, actor: Actor, id: string): Promise<CaseWithSteps> {
  authorize(actor, "pupil.read");
  const row = await dropoutCaseRepo.findInScope(deps.handle.db, actor.scope, id);
  if (row === undefined) {
    throw new AppError("not-found", NOT_FOUND);
  }
  return { row, steps: await dropoutCaseRepo.stepsOf(deps.handle.db, [id]) };
}

/** Opens a case for a pupil of the registry or a child of the 适龄 list within the actor's scope. */
export async function openCase(deps: ServiceDeps, actor: Actor, body: CaseOpenBody): Promise<CaseWithSteps> {
  authorize(actor, "pupil.write");
  if (body.flagId !== undefined) {
    return getCase(deps, actor, await openCaseFromFlag(deps, actor, body.flagId, body));
  }
  // the contract asks for a cause whenever no flag gives one
  const cause = body.cause ?? "other";
  const extra = { causeNote: body.causeNote, plan: body.plan };
  if (body.studentId !== undefined) {
    return getCase(deps, actor, await openCaseForPupil(deps, actor, body.studentId, cause, extra));
  }
  const { db } = deps.handle;
  const child = await schoolAgeRepo.findChild(db, actor.scope, body.childId ?? "");
  if (child === undefined) {
    throw new AppError("not-found", "适龄名单中没有这名儿童，或不在您的管辖范围内");
  }
  const id = await inTransaction(db, (trx) =>
    insertCase(deps, trx, actor, {
      unitId: child.unit_id,
      studentId: null,
      childId: child.id,
      idNumberIndex: child.id_number_index,
      sealedChild: child.personal,
      sex: child.sex,
      level: null,
      grade: null,
      township: child.township,
      village: child.village,
      cause,
      causeNote: body.causeNote,
      plan: body.plan,
      openedOn: chinaDate(deps.now()),
    }),
  );
  return getCase(deps, actor, id);
}

/** Rewrites the plan and the 七长 of a case, or names the school responsible for it. */
export async function updateCase(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: CaseUpdateBody,
): Promise<CaseWithSteps> {
  authorize(actor, "pupil.write");
  const { db } = deps.handle;
  const { row } = await getCase(deps, actor, id);
  if (row.state === "closed") {
    throw new AppError("conflict", "该案已销号，不能修改");
  }
  let unitId = row.unitId;
  if (body.schoolId !== undefined) {
    const school = await findUnitInScope(db, actor, body.schoolId);
    if (school.kind !== "school") {
      throw new AppError("validation-failed", "责任学校须是一所学校");
    }
    unitId = school.id;
  }
  const personal: CasePersonal = {
    ...row.personal,
    ...(body.plan === undefined ? {} : { plan: body.plan }),
    people: { ...row.personal.people, ...(body.people ?? {}) },
  };
  await inTransaction(db, async (trx) => {
    await dropoutCaseRepo.updateCase(trx, id, personal, unitId);
    await recordAudit(trx, actor, {
      action: "dropout.case-update",
      entityType: "dropout_case",
      entityId: id,
      before: { unitId: row.unitId },
      after: { unitId },
      details: {
        fields: [
          ...(body.plan === undefined ? [] : ["plan"]),
          ...Object.keys(body.people ?? {}).map((k) => `people.${k}`),
          ...(body.schoolId === undefined ? [] : ["school"]),
        ],
      },
    });
  });
  return getCase(deps, actor, id);
}

/** Adds a step with its deadline (the kind's default in working days when none is given). */
export async function addStep(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: CaseStepBody,
): Promise<CaseWithSteps> {
  authorize(actor, "pupil.write");
  const { db } = deps.handle;
  const { row } = await getCase(deps, actor, id);
  if (row.state === "closed") {
    throw new AppError("conflict", "该案已销号，不能再安排措施");
  }
  const today = chinaDate(deps.now());
  const deadline = body.deadline ?? defaultStepDeadline(body.kind, today);
  if (deadline < today) {
    throw new AppError("validation-failed", "期限不能早于今天");
  }
  await inTransaction(db, async (trx) => {
    const stepId = await dropoutCaseRepo.insertStep(trx, {
      caseId: id,
      kind: body.kind,
      assignedOn: today,
      deadline,
    });
    await recordAudit(trx, actor, {
      action: "dropout.step-add",
      entityType: "dropout_case",
      entityId: id,
      after: { stepId, kind: body.kind, deadline },
    });
  });
  return getCase(deps, actor, id);
}

/** Records what a step did (day, outcome, note, evidence); a done 复学 makes the case 已复学. */
export async function recordStep(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  stepId: string,
  body: CaseStepRecordBody,
): Promise<CaseWithSteps> {
  authorize(actor, "pupil.write");
  const { db } = deps.handle;
  const { row, steps } = await getCase(deps, actor, id);
  const step = steps.find((s) => s.id === stepId);
  if (step === undefined) {
    throw new AppError("not-found", "该案件没有这项措施");
  }
  if (row.state === "closed") {
    throw new AppError("conflict", "该案已销号");
  }
  if (step.doneOn !== null) {
    throw new AppError("conflict", "这项措施已登记完成");
  }
  const today = chinaDate(deps.now());
  if (body.doneOn > today || body.doneOn < step.assignedOn) {
    throw new AppError("validation-failed", `完成日期应在 ${step.assignedOn} 至今天之间`);
  }
  const kind = step.kind as StepKind;
  const wrong = checkOutcome(kind, body.outcome);
  if (wrong !== null) {
    throw new AppError("validation-failed", wrong);
  }
  const next = stateAfterStep(row.state as CaseState, kind, true);
  await inTransaction(db, async (trx) => {
    await dropoutCaseRepo.recordStep(trx, stepId, {
      doneOn: body.doneOn,
      outcome: body.outcome,
      note: body.note,
      evidence: body.evidence,
      recordedBy: actor.userId,
    });
    if (next !== row.state) {
      await dropoutCaseRepo.setState(trx, id, next, { returnedOn: body.doneOn, returnedBy: actor.userId });
    }
    await recordAudit(trx, actor, {
      action: "dropout.step-record",
      entityType: "dropout_case",
      entityId: id,
      before: { state: row.state },
      after: { stepId, kind, doneOn: body.doneOn, outcome: body.outcome, state: next },
    });
  });
  return getCase(deps, actor, id);
}

/** 销号: the child has stayed back in school long enough, checked by someone other than the recorder. */
export async function closeCase(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  note: string,
): Promise<CaseWithSteps> {
  authorize(actor, "dropout.verify");
  const { db } = deps.handle;
  const { row } = await getCase(deps, actor, id);
  const today = chinaDate(deps.now());
  const refusal = closeRefusal(
    {
      state: row.state as CaseState,
      returnedOn: row.returnedOn,
      returnedBy: row.returnedBy,
      closeAfterDays: row.closeAfterDays,
    },
    actor.userId,
    today,
  );
  if (refusal !== null) {
    throw new AppError("conflict", refusal);
  }
  await inTransaction(db, async (trx) => {
    await dropoutCaseRepo.setState(trx, id, "closed", { closedOn: today, closedBy: actor.userId });
    await recordAudit(trx, actor, {
      action: "dropout.case-close",
      entityType: "dropout_case",
      entityId: id,
      before: { state: row.state },
      after: { state: "closed", closedOn: today },
      details: { noted: note !== "" },
    });
  });
  return getCase(deps, actor, id);
}

/** One case with full values, through the one audited path (`revealPersonal`). */
export async function unmaskCase(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<CaseWithSteps> {
  authorize(actor, "pupil.unmasked");
  const found = await getCase(deps, actor, id);
  const sealed = await dropoutCaseRepo.sealedInScope(deps.handle.db, actor.scope, id);
  if (sealed === undefined) {
    throw new AppError("not-found", NOT_FOUND);
  }
  const { personal } = await revealPersonal(
    deps,
    actor,
    { type: "dropout_case", id },
    { personal: sealed },
    reason,
  );
  return { ...found, row: { ...found.row, personal: JSON.parse(personal ?? "{}") as CasePersonal } };
}
