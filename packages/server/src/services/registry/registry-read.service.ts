/**
 * Reading the registry: pupils and movements within the reader's scope (a unit filter narrows it),
 * masked by the presenters; one pupil unmasked only with `pupil.unmasked` and a reason, each such read
 * written to the audit trail (who saw whose record, when, why — never the values seen).
 */
import {
  parsePersonal,
  studentMovementRepo,
  studentRepo,
  type MovementReadRow,
  type StudentFilter,
  type StudentReadRow,
} from "@luoshi/db";
import type { MovementListQuery, StudentListQuery } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { revealPersonal } from "../pii/reveal.service.ts";
import { registryScope } from "./registry-scope.ts";

/** One page of pupils, personal values in clear for the presenter to mask. */
export async function listStudents(
  deps: ServiceDeps,
  actor: Actor,
  query: StudentListQuery,
): Promise<{ rows: StudentReadRow[]; total: number }> {
  authorize(actor, "pupil.read");
  const { db } = deps.handle;
  const { scope } = await registryScope(db, actor, query.unitId);
  const filter: StudentFilter = {
    ...(query.level === undefined ? {} : { level: query.level }),
    ...(query.grade === undefined ? {} : { grade: query.grade }),
    ...(query.flag === undefined ? {} : { flag: query.flag }),
    ...(query.status === undefined ? {} : { status: query.status }),
    ...(query.number === undefined ? {} : { number: query.number }),
  };
  return studentRepo.list(db, scope, filter, {
    offset: (query.page - 1) * query.pageSize,
    limit: query.pageSize,
  });
}

/** One pupil within the reader's scope (404 outside it: another school's pupil does not exist for you). */
export async function getStudent(deps: ServiceDeps, actor: Actor, id: string): Promise<StudentReadRow> {
  authorize(actor, "pupil.read");
  const row = await studentRepo.findInScope(deps.handle.db, actor.scope, id);
  if (row === undefined) {
    throw new AppError("not-found", "没有这名学生，或不在您的管辖范围内");
  }
  return row;
}

/**
 * One pupil unmasked, through the one audited path to full values (revealPersonal: `pupil.unmasked`, a
 * reason, the audit row before the values are opened).
 */
export async function unmaskStudent(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  reason: string,
): Promise<StudentReadRow> {
  authorize(actor, "pupil.unmasked");
  const row = await getStudent(deps, actor, id);
  const sealed = await studentRepo.sealedInScope(deps.handle.db, actor.scope, id);
  if (sealed === undefined) {
    throw new AppError("not-found", "没有这名学生，或不在您的管辖范围内");
  }
  const { personal } = await revealPersonal(
    deps,
    actor,
    { type: "student", id },
    { personal: sealed },
    reason,
  );
  return { ...row, personal: parsePersonal(personal ?? "{}") };
}

/** One page of movements recorded at schools within the reader's scope. */
export async function listMovements(
  deps: ServiceDeps,
  actor: Actor,
  query: MovementListQuery,
): Promise<{ rows: MovementReadRow[]; total: number }> {
  authorize(actor, "pupil.read");
  return studentMovementRepo.listMovements(
    deps.handle.db,
    actor.scope,
    {
      ...(query.kind === undefined ? {} : { kind: query.kind }),
      ...(query.pending === undefined ? {} : { pending: query.pending === "true" }),
    },
    { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
  );
}

/** The registry imports of units within the reader's scope. */
export async function listRegistryImports(deps: ServiceDeps, actor: Actor) {
  authorize(actor, "pupil.read");
  return studentMovementRepo.listImports(deps.handle.db, actor.scope);
}
