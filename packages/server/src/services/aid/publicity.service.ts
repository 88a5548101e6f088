/**
 * 公示 at the school: the recommended applications of one programme are published for at least 5 working
 * days (counted on the China working calendar), showing only the masked name, school, grade/class and
 * 档次 — never a 身份证件号, address, phone, birth date or bank card. Objections raised during it are
 * logged (sealed) and answered; review waits for the end of the 公示 and for every answer.
 */
import { aidApplicationRepo, inTransaction } from "@luoshi/db";
import type { AidPublicity, AidPublicityBody } from "@luoshi/contracts";
import { publicityEndsOn, publicityOver } from "@luoshi/domain/aid";
import { maskName } from "@luoshi/domain/pii";
import { chinaDate } from "@luoshi/common";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { authorizeEither } from "./present.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { registryScope } from "../registry/registry-scope.ts";
import { gradeClassOf, tierLabelOf } from "./present.ts";
import { visibleProgramme } from "./programme.service.ts";

/** The school publishes its recommended applications of a programme. */
export async function createPublicity(
  deps: ServiceDeps,
  actor: Actor,
  body: AidPublicityBody,
): Promise<{ id: string; endsOn: string; count: number }> {
  authorize(actor, "aid.apply");
  const { db } = deps.handle;
  const { unit, scope } = await registryScope(db, actor, undefined);
  if (unit.kind !== "school") {
    throw new AppError("forbidden", "公示由学校发布");
  }
  const programme = await visibleProgramme(db, scope, body.programmeId);
  const today = chinaDate(deps.now());
  if (body.startsOn < today) {
    throw new AppError("validation-failed", "公示开始日期不能早于今天", {
      fields: [{ path: "body.startsOn", message: "不能早于今天" }],
    });
  }
  const { rows } = await aidApplicationRepo.list(
    db,
    scope,
    { programmeId: programme.id, state: "recommended" },
    { offset: 0, limit: 5000 },
  );
  if (rows.length === 0) {
    throw new AppError("invalid-transition", "本校该项目没有经民主评议推荐的申请，无需公示");
  }
  const endsOn = publicityEndsOn(body.startsOn, body.workingDays);
  const ids = rows.map((r) => r.id);
  const id = await inTransaction(db, async (trx) => {
    const publicityId = await aidApplicationRepo.insertPublicity(trx, {
      unitId: unit.id,
      programmeId: programme.id,
      startsOn: body.startsOn,
      endsOn,
      days: body.workingDays,
      by: actor.userId,
    });
    await aidApplicationRepo.setState(trx, ids, "publicised", { publicityId });
    await aidApplicationRepo.addSteps(trx, ids, "publicise", endsOn, actor.userId);
    await recordAudit(trx, actor, {
      action: "aid.publicise",
      entityType: "aid_publicity",
      entityId: publicityId,
      after: {
        programmeId: programme.id,
        startsOn: body.startsOn,
        endsOn,
        workingDays: body.workingDays,
        count: ids.length,
      },
    });
    return publicityId;
  });
  return { id, endsOn, count: ids.length };
}

/** The 公示 the actor sees, with how many pupils each lists. */
export async function listPublicities(deps: ServiceDeps, actor: Actor) {
  authorize(actor, "aid.read");
  const { db } = deps.handle;
  const today = chinaDate(deps.now());
  const rows = await aidApplicationRepo.publicities(db, actor.scope);
  const out = [];
  for (const p of rows) {
    const { total } = await aidApplicationRepo.list(
      db,
      actor.scope,
      { publicityId: p.id },
      { offset: 0, limit: 1 },
    );
    out.push({
      id: p.id,
      schoolName: p.school_name,
      programmeName: p.programme_name,
      schoolYear: p.school_year,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      workingDays: p.working_days,
      over: publicityOver(p.ends_on, today),
      count: total,
    });
  }
  return { items: out };
}

/** One 公示 as it is printed: masked name, school, grade/class, 档次; and its objections. */
export async function readPublicity(deps: ServiceDeps, actor: Actor, id: string): Promise<AidPublicity> {
  authorize(actor, "aid.read");
  const { db } = deps.handle;
  const [p] = await aidApplicationRepo.publicities(db, actor.scope, id);
  if (p === undefined) {
    throw new AppError("not-found", "没有这个公示，或不在您的管辖范围内");
  }
  const programme = await visibleProgramme(db, actor.scope, p.programme_id);
  const { rows } = await aidApplicationRepo.list(
    db,
    actor.scope,
    { publicityId: id },
    { offset: 0, limit: 5000 },
  );
  const objections = await aidApplicationRepo.objections(db, id);
  return {
    id: p.id,
    schoolName: p.school_name,
    programmeName: p.programme_name,
    schoolYear: p.school_year,
    startsOn: p.starts_on,
    endsOn: p.ends_on,
    workingDays: p.working_days,
    over: publicityOver(p.ends_on, chinaDate(deps.now())),
    items: rows.map((r) => ({
      name: maskName(r.name),
      school: r.schoolName,
      gradeClass: gradeClassOf(r),
      tier: tierLabelOf(programme, r.tier),
    })),
    objections: objections.map((o) => ({
      id: o.id,
      text: o.text,
      answer: o.answer,
      loggedAt: o.loggedAt.toISOString(),
    })),
  };
}

async function publicityOf(deps: ServiceDeps, actor: Actor, id: string) {
  const [p] = await aidApplicationRepo.publicities(deps.handle.db, actor.scope, id);
  if (p === undefined) {
    throw new AppError("not-found", "没有这个公示，或不在您的管辖范围内");
  }
  return p;
}

/** Logs an objection raised during a 公示 (by the school, which receives it, or the 资助中心). */
export async function addObjection(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  text: string,
): Promise<{ id: string }> {
  authorizeEither(actor, "aid.apply", "aid.manage");
  const p = await publicityOf(deps, actor, id);
  return inTransaction(deps.handle.db, async (trx) => {
    const objectionId = await aidApplicationRepo.insertObjection(trx, {
      publicityId: p.id,
      unitId: p.unit_id,
      text,
      by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: "aid.objection",
      entityType: "aid_publicity",
      entityId: p.id,
      details: { objectionId, fields: ["record"] },
    });
    return { id: objectionId };
  });
}

/** Answers an objection of a 公示. */
export async function answerObjection(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  objectionId: string,
  answer: string,
): Promise<{ changed: number }> {
  authorizeEither(actor, "aid.apply", "aid.manage");
  const p = await publicityOf(deps, actor, id);
  await inTransaction(deps.handle.db, async (trx) => {
    if (!(await aidApplicationRepo.answerObjection(trx, p.id, objectionId, answer, actor.userId))) {
      throw new AppError("not-found", "该公示没有这条异议");
    }
    await recordAudit(trx, actor, {
      action: "aid.objection-answer",
      entityType: "aid_publicity",
      entityId: p.id,
      details: { objectionId, fields: ["answer"] },
    });
  });
  return { changed: 1 };
}
