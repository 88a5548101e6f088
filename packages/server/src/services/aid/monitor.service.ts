/**
 * 动态监测 of 学生资助: reads a year's priority-list matches, approved applications and payments within the
 * actor's scope, runs the pure check (`aidFlags`) and names each flagged pupil masked. A school records
 * why a listed pupil is not aided (the reason is sealed; the flag then clears).
 */
import { aidPaymentRepo, aidProgrammeRepo, inTransaction, studentNumberIndex, studentRepo } from "@luoshi/db";
import type { AidMonitor } from "@luoshi/contracts";
import {
  AID_FLAG_KINDS,
  aidFlags,
  type AidCategory,
  type AidFlagKind,
  type AidTier,
  type ProgrammeKind,
} from "@luoshi/domain/aid";
import { maskName } from "@luoshi/domain/pii";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorizeEither, gradeClassOf } from "./present.ts";

const IN_SCHOOL = new Set(["enrolled", "suspended"]);

const FLAG_LABELS: Readonly<Record<AidFlagKind, string>> = {
  unaided: "应助未助",
  notInSchool: "资助不在校学生",
  duplicate: "重复资助",
  offStandard: "金额不符标准",
};

/** The flags of `year` within the actor's scope. */
export async function aidMonitor(deps: ServiceDeps, actor: Actor, year: number): Promise<AidMonitor> {
  authorize(actor, "aid.read");
  const { db } = deps.handle;
  const listed = await aidProgrammeRepo.listedPupils(db, actor.scope, year);
  const { apps, pays } = await aidPaymentRepo.approvedForMonitor(db, actor.scope, year);
  const reasons = await aidProgrammeRepo.reasonKeys(db, actor.scope, year);
  const flags = aidFlags({
    listed: listed.map((p) => ({
      key: p.key,
      studentId: p.studentId,
      unitId: p.unitId,
      categories: p.categories as AidCategory[],
      inSchool: IN_SCHOOL.has(p.status),
    })),
    approved: apps.map((a) => ({
      applicationId: a.id,
      key: a.id_number_index,
      studentId: a.student_id,
      unitId: a.unit_id,
      programmeId: a.programme_id,
      programmeName: a.programme_name,
      kind: a.kind as ProgrammeKind,
      tier: (a.tiers as AidTier[]).find((t) => t.code === a.tier)?.label ?? a.tier,
      standard: (a.tiers as AidTier[]).find((t) => t.code === a.tier)?.amountPerTerm ?? 0,
      inSchool: IN_SCHOOL.has(a.status),
      payments: pays
        .filter((p) => p.application_id === a.id)
        .map((p) => ({ term: p.term, amount: p.amount })),
    })),
    reasons,
  });
  const pupils = new Map<string, { name: string; school: string; gradeClass: string }>();
  for (const id of new Set(flags.map((f) => f.studentId))) {
    const s = await studentRepo.findInScope(db, actor.scope, id);
    if (s !== undefined) {
      pupils.set(id, { name: maskName(s.personal.name), school: s.schoolName, gradeClass: gradeClassOf(s) });
    }
  }
  const counts = Object.fromEntries(AID_FLAG_KINDS.map((k) => [k, flags.filter((f) => f.kind === k).length]));
  return {
    year,
    counts,
    flags: flags.map((f) => ({
      kind: f.kind,
      kindLabel: FLAG_LABELS[f.kind],
      studentId: f.studentId,
      name: pupils.get(f.studentId)?.name ?? "",
      school: pupils.get(f.studentId)?.school ?? "",
      gradeClass: pupils.get(f.studentId)?.gradeClass ?? "",
      applicationIds: [...f.applicationIds],
      explanation: f.explanation,
    })),
  };
}

/** Records why a pupil within the actor's scope is not aided in `year` (sealed; the audit names no reason). */
export async function recordUnaidedReason(
  deps: ServiceDeps,
  actor: Actor,
  body: { studentId: string; schoolYear: number; reason: string },
): Promise<{ id: string }> {
  authorizeEither(actor, "aid.apply", "aid.manage");
  const { db } = deps.handle;
  const s = await studentRepo.findInScope(db, actor.scope, body.studentId);
  if (s === undefined) {
    throw new AppError("not-found", "没有这名学生，或不在您的管辖范围内");
  }
  if (s.personal.idNumber === null) {
    throw new AppError("invalid-transition", "该生学籍没有身份证件号，不在困难群体名单比对范围内");
  }
  const index = studentNumberIndex(db, "idNumber", s.personal.idNumber);
  return inTransaction(db, async (trx) => {
    const id = await aidProgrammeRepo.recordReason(trx, {
      unitId: s.unitId,
      schoolYear: body.schoolYear,
      index,
      reason: body.reason,
      by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: "aid.unaided-reason",
      entityType: "aid_unaided_reason",
      entityId: id,
      details: { studentId: s.id, schoolYear: body.schoolYear, fields: ["reason"] },
    });
    return { id };
  });
}
