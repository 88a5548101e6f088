/**
 * 认定 at the school and review at the 资助中心: the school enters a pupil's application (the categories
 * the family states are checked against the year's imported lists by blind index), records the 民主评议,
 * and — after the 公示 (publicity.service.ts) — the 资助中心 approves or rejects, which makes the 资助名单.
 * Each step is a row with who and when, and an audit row; bank values are sealed and never logged.
 */
import {
  aidApplicationRepo,
  aidProgrammeRepo,
  inTransaction,
  studentNumberIndex,
  studentRepo,
} from "@luoshi/db";
import type { AidApplicationBody, AidAssessmentBody, AidBankBody, AidReviewBody } from "@luoshi/contracts";
import { AID_CATEGORIES, publicityOver, stageOfLevel, type AidCategory } from "@luoshi/domain/aid";
import { chinaDate } from "@luoshi/common";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { tiersOf, visibleProgramme } from "./programme.service.ts";

/** The school enters an application for one of its pupils. */
export async function createApplication(
  deps: ServiceDeps,
  actor: Actor,
  body: AidApplicationBody,
): Promise<{ id: string; verified: AidCategory[] }> {
  authorize(actor, "aid.apply");
  const { db } = deps.handle;
  const programme = await visibleProgramme(db, actor.scope, body.programmeId);
  const pupil = await studentRepo.findInScope(db, actor.scope, body.studentId);
  if (pupil === undefined) {
    throw new AppError("not-found", "没有这名学生，或不是本校学生");
  }
  if (pupil.status !== "enrolled") {
    throw new AppError("invalid-transition", "该生学籍不是在读状态，不能申请资助");
  }
  const stage = stageOfLevel(pupil.level);
  if (stage === null || !programme.stages.includes(stage)) {
    throw new AppError("validation-failed", `“${programme.name}”不覆盖该生所在学段`, {
      fields: [{ path: "body.programmeId", message: "项目不覆盖该生学段" }],
    });
  }
  if (!tiersOf(programme).some((t) => t.code === body.tier)) {
    throw new AppError("validation-failed", "该项目没有这个档次", {
      fields: [{ path: "body.tier", message: "请选择项目中的档次" }],
    });
  }
  const index =
    pupil.personal.idNumber === null ? null : studentNumberIndex(db, "idNumber", pupil.personal.idNumber);
  const listed = index === null ? [] : await aidProgrammeRepo.categoriesOf(db, programme.schoolYear, index);
  const verified = AID_CATEGORIES.filter((c) => listed.includes(c));
  const claimed = AID_CATEGORIES.filter((c) => body.claimed.includes(c) || verified.includes(c));
  return inTransaction(db, async (trx) => {
    const id = await aidApplicationRepo.insert(trx, {
      programmeId: programme.id,
      unitId: pupil.unitId,
      studentId: pupil.id,
      index,
      tier: body.tier,
      claimed,
      verified,
      bank: { bankCard: body.bankCard, bankName: body.bankName, holder: body.holder },
      by: actor.userId,
    });
    if (id === undefined) {
      throw new AppError("conflict", "该生已申请此项目");
    }
    await aidApplicationRepo.addSteps(trx, [id], "apply", null, actor.userId);
    await recordAudit(trx, actor, {
      action: "aid.apply",
      entityType: "aid_application",
      entityId: id,
      // the bank values are sealed: the trail says which fields were written, never their values
      after: { programmeId: programme.id, studentId: pupil.id, tier: body.tier, claimed, verified },
      details: { fields: ["bankCard", "bankName", "holder"] },
    });
    return { id, verified };
  });
}

/** Applications of the ids, all within the actor's scope and in one of `states`; else an error. */
async function pick(
  deps: ServiceDeps,
  actor: Actor,
  ids: readonly string[],
  states: readonly string[],
  what: string,
) {
  const rows = [];
  for (const id of new Set(ids)) {
    const r = await aidApplicationRepo.find(deps.handle.db, actor.scope, id);
    if (r === undefined) {
      throw new AppError("not-found", "所选申请不存在，或不在您的管辖范围内");
    }
    if (!states.includes(r.state)) {
      throw new AppError("invalid-transition", `所选申请中有不处于${what}阶段的（请刷新后重选）`);
    }
    rows.push(r);
  }
  return rows;
}

/** 民主评议: the school's 评议小组 recommends (or not) applications not yet publicised. */
export async function assessApplications(
  deps: ServiceDeps,
  actor: Actor,
  body: AidAssessmentBody,
): Promise<{ changed: number }> {
  authorize(actor, "aid.apply");
  const rows = await pick(deps, actor, body.ids, ["applied", "recommended", "notRecommended"], "评议");
  const state = body.recommended ? "recommended" : "notRecommended";
  const ids = rows.map((r) => r.id);
  await inTransaction(deps.handle.db, async (trx) => {
    const assessment = { votesFor: body.votesFor, votesAgainst: body.votesAgainst, method: "民主评议" };
    await aidApplicationRepo.setState(trx, ids, state, { assessment });
    await aidApplicationRepo.addSteps(trx, ids, "assess", state, actor.userId);
    for (const id of ids) {
      await recordAudit(trx, actor, {
        action: "aid.assess",
        entityType: "aid_application",
        entityId: id,
        after: { state, ...assessment },
      });
    }
  });
  return { changed: ids.length };
}

/**
 * Review by the 资助中心 after the 公示 is over and every objection answered; approval respects the
 * programme's 名额.
 */
export async function reviewApplications(
  deps: ServiceDeps,
  actor: Actor,
  body: AidReviewBody,
): Promise<{ changed: number }> {
  authorize(actor, "aid.manage");
  const { db } = deps.handle;
  const rows = await pick(deps, actor, body.ids, ["publicised"], "公示后待审核");
  const today = chinaDate(deps.now());
  for (const publicityId of new Set(rows.map((r) => r.publicityId ?? ""))) {
    const [p] = await aidApplicationRepo.publicities(db, actor.scope, publicityId);
    if (p === undefined || !publicityOver(p.ends_on, today)) {
      throw new AppError("invalid-transition", `公示至 ${p?.ends_on ?? ""} 结束，公示期满后才能审核`);
    }
    const open = (await aidApplicationRepo.objections(db, publicityId)).filter((o) => o.answer === null);
    if (open.length > 0) {
      throw new AppError(
        "invalid-transition",
        `${p.school_name}的公示还有 ${String(open.length)} 条异议未答复，答复后才能审核`,
      );
    }
  }
  if (body.approve) {
    for (const programmeId of new Set(rows.map((r) => r.programmeId))) {
      const programme = await visibleProgramme(db, actor.scope, programmeId);
      const approved = await aidApplicationRepo.list(
        db,
        actor.scope,
        { programmeId, state: "approved" },
        { offset: 0, limit: 1 },
      );
      const adding = rows.filter((r) => r.programmeId === programmeId).length;
      if (programme.quota > 0 && approved.total + adding > programme.quota) {
        throw new AppError(
          "conflict",
          `“${programme.name}”名额 ${String(programme.quota)} 人，已批准 ${String(approved.total)} 人，不能再批准 ${String(adding)} 人`,
        );
      }
    }
  }
  const state = body.approve ? "approved" : "rejected";
  const ids = rows.map((r) => r.id);
  await inTransaction(db, async (trx) => {
    await aidApplicationRepo.setState(trx, ids, state);
    await aidApplicationRepo.addSteps(trx, ids, "review", state, actor.userId);
    for (const id of ids) {
      await recordAudit(trx, actor, {
        action: "aid.review",
        entityType: "aid_application",
        entityId: id,
        after: { state },
      });
    }
  });
  return { changed: ids.length };
}

/**
 * The school corrects the bank values of one of its applications (户名不符, 账户不存在 …) so that a
 * re-issued line reaches the right card. The trail names the fields, never the values.
 */
export async function updateBank(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: AidBankBody,
): Promise<{ changed: number }> {
  authorize(actor, "aid.apply");
  const { db } = deps.handle;
  const r = await aidApplicationRepo.find(db, actor.scope, id);
  if (r === undefined) {
    throw new AppError("not-found", "没有这条申请，或不在您的管辖范围内");
  }
  if (r.state === "rejected" || r.state === "notRecommended") {
    throw new AppError("invalid-transition", "未获资助的申请无需修改银行卡");
  }
  await inTransaction(db, async (trx) => {
    await aidApplicationRepo.updateBank(trx, r.id, body);
    await aidApplicationRepo.addSteps(trx, [r.id], "bank", null, actor.userId);
    await recordAudit(trx, actor, {
      action: "aid.bank-update",
      entityType: "aid_application",
      entityId: r.id,
      details: { fields: ["bankCard", "bankName", "holder"] },
    });
  });
  return { changed: 1 };
}
