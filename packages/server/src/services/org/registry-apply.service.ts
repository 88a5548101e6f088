/**
 * 应用 / 放弃名录导入: applies a stored preview in one transaction — new units with an 开办 (open) row,
 * changed units with 更名 / 调整隶属 / 信息变更 rows on the day the user gives — or discards it. Refused
 * (409) when the import is no longer pending or the county's units changed since the preview.
 */
import { chinaDate } from "@luoshi/common";
import {
  inTransaction,
  orgRegistryRepo,
  orgUnitRepo,
  type NewOrgUnitChangeRow,
  type NewOrgUnitRow,
  type OrgUnitRegistryUpdate,
  type OrgUnitRow,
  type Tx,
} from "@luoshi/db";
import type { ParentRef, RegistryAddition, RegistryChange, UnitPatch } from "@luoshi/domain/org";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { countyRegistry } from "./registry-common.ts";
import { getRegistryImport, type RegistryImportView } from "./registry-preview.service.ts";

/** What an applied import did. */
export interface RegistryApplyResult {
  added: number;
  changed: number;
  effectiveOn: string;
}

interface Placed {
  id: string;
  path: string;
  depth: number;
}

/** Rows for the new units, parents before children (the preview lists departments in that order). */
function newUnitRows(
  added: readonly RegistryAddition[],
  units: ReadonlyMap<string, OrgUnitRow>,
  codeToId: Map<string, string>,
): (NewOrgUnitRow & { id: string })[] {
  const placed = new Map<string, Placed>();
  const parentOf = (p: ParentRef): Placed => {
    const found = "unitId" in p ? units.get(p.unitId) : placed.get(p.newCode);
    if (found === undefined) {
      throw new AppError("conflict", "预览中的上级单位已不存在，请重新上传预览");
    }
    return found;
  };
  for (const a of added) {
    codeToId.set(a.code, crypto.randomUUID());
  }
  return added.map((a) => {
    const id = codeToId.get(a.code) ?? crypto.randomUUID();
    const parent = parentOf(a.parent);
    const me = { id, path: `${parent.path}${id}/`, depth: parent.depth + 1 };
    placed.set(a.code, me);
    const s = a.school;
    const host = s?.hostSchoolCode;
    return {
      ...me,
      parent_id: parent.id,
      kind: a.kind,
      code: a.code,
      name: a.name,
      aliases: a.aliases,
      school_type: s?.schoolType ?? null,
      school_type_code: s?.schoolTypeCode ?? null,
      ownership: s?.ownership ?? null,
      is_inclusive: s?.isInclusive ?? null,
      urban_rural: s?.urbanRural ?? null,
      sponsor: s?.sponsor ?? null,
      address: s?.address ?? null,
      principal: s?.principal ?? null,
      phone: s?.phone ?? null,
      parent_school_id: host === undefined || host === null ? null : (codeToId.get(host) ?? null),
      opened_on: null,
    };
  });
}

/** The unit fields a patch sets, and the same fields before, as change rows record them. */
function fieldUpdate(
  unit: OrgUnitRow,
  p: UnitPatch,
  codeToId: ReadonlyMap<string, string>,
): { update: OrgUnitRegistryUpdate; before: Record<string, unknown>; after: Record<string, unknown> } {
  const update: OrgUnitRegistryUpdate = {};
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  const put = <K extends keyof OrgUnitRegistryUpdate>(
    field: string,
    column: K,
    value: OrgUnitRegistryUpdate[K],
  ) => {
    update[column] = value;
    before[field] = unit[column];
    after[field] = value;
  };
  if (p.aliases !== undefined) put("aliases", "aliases", p.aliases);
  if (p.schoolType !== undefined) put("schoolType", "school_type", p.schoolType);
  if (p.schoolTypeCode !== undefined) put("schoolTypeCode", "school_type_code", p.schoolTypeCode);
  if (p.sponsor !== undefined) put("sponsor", "sponsor", p.sponsor);
  if (p.ownership !== undefined) put("ownership", "ownership", p.ownership);
  if (p.isInclusive !== undefined) put("isInclusive", "is_inclusive", p.isInclusive);
  if (p.urbanRural !== undefined) put("urbanRural", "urban_rural", p.urbanRural);
  if (p.address !== undefined) put("address", "address", p.address);
  if (p.principal !== undefined) put("principal", "principal", p.principal);
  if (p.phone !== undefined) put("phone", "phone", p.phone);
  if (p.hostSchoolCode !== undefined) {
    const host = p.hostSchoolCode === null ? null : (codeToId.get(p.hostSchoolCode) ?? null);
    put("parentSchoolId", "parent_school_id", host);
  }
  return { update, before, after };
}

/** Applies one change: field updates, then the rename and the move, with one change row per kind. */
async function applyChange(
  trx: Tx,
  c: RegistryChange,
  codeToId: ReadonlyMap<string, string>,
  base: Omit<NewOrgUnitChangeRow, "org_unit_id" | "kind" | "before" | "after">,
  at: Date,
): Promise<NewOrgUnitChangeRow[]> {
  const unit = await orgUnitRepo.findById(trx, c.unitId);
  if (unit === undefined) {
    throw new AppError("conflict", `“${c.name}”已不存在，请重新上传预览`);
  }
  const rows: NewOrgUnitChangeRow[] = [];
  const row = (
    kind: NewOrgUnitChangeRow["kind"],
    before: object,
    after: object,
    related: string | null = null,
  ) =>
    rows.push({
      ...base,
      org_unit_id: unit.id,
      kind,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      related_unit_id: related,
    });
  const { update, before, after } = fieldUpdate(unit, c.patch, codeToId);
  if (c.patch.name !== undefined) {
    update.name = c.patch.name;
    row("rename", { name: unit.name }, { name: c.patch.name });
  }
  if (Object.keys(before).length > 0) {
    row("edit", before, after);
  }
  await orgRegistryRepo.updateUnit(trx, unit.id, update, at);
  const target = c.patch.parent;
  if (target !== undefined) {
    const parentId = "unitId" in target ? target.unitId : codeToId.get(target.newCode);
    const parent = parentId === undefined ? undefined : await orgUnitRepo.findById(trx, parentId);
    if (parent === undefined || parent.path.startsWith(unit.path)) {
      throw new AppError("conflict", `“${c.name}”的新上级单位无效，请重新上传预览`);
    }
    await orgRegistryRepo.moveUnit(trx, unit, parent, at);
    row("move", { parentId: unit.parent_id }, { parentId: parent.id }, parent.id);
  }
  return rows;
}

/** Applies a pending import exactly as previewed, on `effectiveOn` (default: today in China). */
export async function applyRegistryImport(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  effectiveOn?: string,
): Promise<RegistryApplyResult> {
  const view = await getRegistryImport(deps, actor, id);
  const now = deps.now();
  const day = effectiveOn ?? chinaDate(now);
  const { diff } = view.preview;
  await inTransaction(deps.handle.db, async (trx) => {
    await claim(trx, view, now, day);
    const county = await orgUnitRepo.findById(trx, view.row.county_unit_id);
    if (county === undefined) {
      throw new AppError("not-found", "没有这次名录导入");
    }
    const current = await countyRegistry(trx, county);
    if (current.fingerprint !== view.row.fingerprint) {
      throw new AppError("conflict", "预览之后本县的单位已有变动，请重新上传文件生成预览");
    }
    const units = new Map([county, ...current.rows].map((u) => [u.id, u]));
    const codeToId = new Map(current.rows.map((u) => [u.code, u.id]));
    const rows = newUnitRows(diff.added, units, codeToId);
    await orgUnitRepo.insertTree(trx, rows);
    const base = {
      effective_on: day,
      import_id: id,
      actor_id: actor.userId,
      reason: `名录导入：${view.row.file_name}`,
      related_unit_id: null,
    };
    const changes: NewOrgUnitChangeRow[] = rows.map((r) => ({
      ...base,
      org_unit_id: r.id,
      kind: "open",
      before: "{}",
      after: JSON.stringify({ name: r.name, code: r.code, parentId: r.parent_id }),
    }));
    for (const c of diff.changed) {
      changes.push(...(await applyChange(trx, c, codeToId, base, now)));
    }
    await orgRegistryRepo.insertChanges(trx, changes);
    await recordAudit(trx, actor, {
      action: "org.registry-import",
      entityType: "org_registry_import",
      entityId: id,
      details: {
        added: diff.added.length,
        changed: diff.changed.length,
        unchanged: diff.unchanged,
        missing: diff.missing.length,
        effectiveOn: day,
      },
    });
  });
  return { added: diff.added.length, changed: diff.changed.length, effectiveOn: day };
}

/** Marks the import applied inside the transaction; 409 when it is no longer pending. */
async function claim(trx: Tx, view: RegistryImportView, now: Date, day: string): Promise<void> {
  if (!(await orgRegistryRepo.finishImport(trx, view.row.id, "applied", now, day))) {
    throw new AppError("conflict", "这次名录导入已应用或已放弃，不能再次应用");
  }
}

/** Discards a pending import (nothing was written but the preview). */
export async function discardRegistryImport(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  const view = await getRegistryImport(deps, actor, id);
  await inTransaction(deps.handle.db, async (trx) => {
    if (!(await orgRegistryRepo.finishImport(trx, view.row.id, "discarded", deps.now(), null))) {
      throw new AppError("conflict", "这次名录导入已应用或已放弃");
    }
    await recordAudit(trx, actor, {
      action: "org.registry-discard",
      entityType: "org_registry_import",
      entityId: id,
      details: { fileName: view.row.file_name },
    });
  });
}
