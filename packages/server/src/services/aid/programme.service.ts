/**
 * 资助项目 per school year: the 资助中心 of a county enters each programme with its 对象, 档次 and amounts,
 * 名额, budget and 依据. Programmes are never edited: a new year's standards are a new programme, so last
 * year's 名单 and payments keep the standard they were made under. Everyone within (or under) the county
 * reads them.
 */
import {
  aidProgrammeRepo,
  aidPaymentRepo,
  inTransaction,
  type AidProgrammeRow,
  type Db,
  type Scope,
} from "@luoshi/db";
import type { AidProgramme, AidProgrammeBody } from "@luoshi/contracts";
import type { AidTier } from "@luoshi/domain/aid";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { registryScope } from "../registry/registry-scope.ts";

/** The tiers of a programme as stored. */
export function tiersOf(p: AidProgrammeRow): AidTier[] {
  return p.tiers as AidTier[];
}

/** A programme visible to the actor, or 404. */
export async function visibleProgramme(db: Db, scope: Scope, id: string): Promise<AidProgrammeRow> {
  const p = await aidProgrammeRepo.find(db, scope, id);
  if (p === undefined) {
    throw new AppError("not-found", "没有这个资助项目，或不在您的管辖范围内");
  }
  return p;
}

/** Adds a programme of the actor's county (or the area named). */
export async function createProgramme(
  deps: ServiceDeps,
  actor: Actor,
  body: AidProgrammeBody,
): Promise<{ id: string }> {
  authorize(actor, "aid.manage");
  const { db } = deps.handle;
  const { unit } = await registryScope(db, actor, body.unitId);
  if (unit.kind === "school" || unit.kind === "department") {
    throw new AppError("forbidden", "资助项目由县级教育局（资助中心）按区域设立");
  }
  return inTransaction(db, async (trx) => {
    const id = await aidProgrammeRepo.insert(trx, {
      unit_id: unit.id,
      school_year: body.schoolYear,
      code: body.code,
      name: body.name,
      kind: body.kind,
      stages: body.stages,
      target: body.target,
      basis: body.basis,
      quota: body.quota,
      budget: body.budget,
      tiers: JSON.stringify(body.tiers),
      created_by: actor.userId,
    });
    if (id === undefined) {
      throw new AppError(
        "conflict",
        `${String(body.schoolYear)} 学年已有代码为 ${body.code} 的项目；标准调整请新建下一学年的项目，不修改已有项目`,
      );
    }
    await recordAudit(trx, actor, {
      action: "aid.programme-create",
      entityType: "aid_programme",
      entityId: id,
      after: { ...body },
    });
    return { id };
  });
}

/** The programmes the actor sees, with how many pupils are approved and what is committed to each. */
export async function listProgrammes(
  deps: ServiceDeps,
  actor: Actor,
  year: number | undefined,
): Promise<AidProgramme[]> {
  authorize(actor, "aid.read");
  const { db } = deps.handle;
  const rows = await aidProgrammeRepo.list(db, actor.scope, year);
  const committed = await aidPaymentRepo.committedByProgramme(db, actor.scope);
  const approved = new Map<string, number>();
  for (const year of new Set(rows.map((r) => r.schoolYear))) {
    const { apps } = await aidPaymentRepo.approvedForMonitor(db, actor.scope, year);
    for (const a of apps) {
      approved.set(a.programme_id, (approved.get(a.programme_id) ?? 0) + 1);
    }
  }
  return rows.map((p) => ({
    id: p.id,
    unitName: p.unitName,
    schoolYear: p.schoolYear,
    code: p.code,
    name: p.name,
    kind: p.kind as AidProgramme["kind"],
    stages: p.stages as AidProgramme["stages"],
    target: p.target,
    basis: p.basis,
    quota: p.quota,
    budget: p.budget,
    tiers: tiersOf(p),
    approved: approved.get(p.id) ?? 0,
    committed: committed.get(p.id) ?? 0,
    createdAt: p.createdAt.toISOString(),
  }));
}
