/**
 * Reading applications: a page of the actor's (masked) and one application with its steps — who did
 * what, when. A caller's unit filter narrows the scope, never widens it.
 */
import { aidApplicationRepo, aidProgrammeRepo, narrowScope, orgUnitRepo } from "@luoshi/db";
import type { AidApplicationQuery } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { presentApplication, tierLabelOf } from "./present.ts";

const STEP_LABELS: Readonly<Record<string, string>> = {
  apply: "学校录入申请",
  assess: "民主评议",
  publicise: "公示",
  review: "资助中心审核",
  bank: "更正银行卡",
};

/** A page of applications within the actor's scope. */
export async function listApplications(deps: ServiceDeps, actor: Actor, q: AidApplicationQuery) {
  authorize(actor, "aid.read");
  const { db } = deps.handle;
  let scope = actor.scope;
  if (q.unitId !== undefined) {
    const unit = await orgUnitRepo.findById(db, q.unitId);
    const narrowed = unit === undefined ? null : narrowScope(actor.scope, unit.path);
    if (narrowed === null) {
      throw new AppError("forbidden", "无权访问该单位的数据：不在您的管辖范围内");
    }
    scope = narrowed;
  }
  const { rows, total } = await aidApplicationRepo.list(
    db,
    scope,
    { programmeId: q.programmeId, state: q.state },
    { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
  );
  const programmes = new Map((await aidProgrammeRepo.list(db, actor.scope)).map((p) => [p.id, p]));
  return {
    total,
    items: rows.map((r) => {
      const p = programmes.get(r.programmeId);
      return presentApplication(r, p === undefined ? r.tier : tierLabelOf(p, r.tier));
    }),
  };
}

/** One application within the actor's scope, with its steps. */
export async function readApplication(deps: ServiceDeps, actor: Actor, id: string) {
  authorize(actor, "aid.read");
  const { db } = deps.handle;
  const r = await aidApplicationRepo.find(db, actor.scope, id);
  if (r === undefined) {
    throw new AppError("not-found", "没有这条申请，或不在您的管辖范围内");
  }
  const p = await aidProgrammeRepo.find(db, actor.scope, r.programmeId);
  const steps = await aidApplicationRepo.steps(db, r.id);
  return {
    ...presentApplication(r, p === undefined ? r.tier : tierLabelOf(p, r.tier)),
    steps: steps.map((s) => ({
      step: s.step,
      label: STEP_LABELS[s.step] ?? s.step,
      outcome: s.outcome,
      by: s.display_name ?? "",
      at: s.done_at.toISOString(),
    })),
  };
}
