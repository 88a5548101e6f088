import { chinaDate, resolveSchoolTypeInput } from "@luoshi/common";
import { orgUnitRepo, type Db, type OrgUnitRow } from "@luoshi/db";
import type { OrgUnitListQuery } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { assertInScope, unitInScope } from "../access/scope.ts";

/** An org unit with what the browser needs beside it. */
export interface OrgUnitView {
  unit: OrgUnitRow;
  /** Direct children (open today ones only, unless closed units are listed too). */
  childCount: number;
  /** The school a merged unit went into. */
  mergedInto: { id: string; name: string } | null;
  /** Today in China: a unit whose closing day has come shows as closed. */
  today: string;
}

/** The views of `rows`: child counts and the names of the schools merged ones went into. */
async function viewsOf(
  db: Db,
  rows: readonly OrgUnitRow[],
  today: string,
  activeOn: string | undefined,
): Promise<OrgUnitView[]> {
  const counts = await orgUnitRepo.childCounts(
    db,
    rows.map((r) => r.id),
    activeOn,
  );
  const intoIds = [...new Set(rows.flatMap((r) => (r.merged_into_id === null ? [] : [r.merged_into_id])))];
  const into = await Promise.all(intoIds.map((id) => orgUnitRepo.findById(db, id)));
  const names = new Map(into.flatMap((u) => (u === undefined ? [] : [[u.id, u.name] as const])));
  return rows.map((unit) => ({
    unit,
    childCount: counts.get(unit.id) ?? 0,
    mergedInto:
      unit.merged_into_id === null
        ? null
        : { id: unit.merged_into_id, name: names.get(unit.merged_into_id) ?? "" },
    today,
  }));
}

/**
 * Org units in the actor's scope. Without a parent: the scope's root itself, so that the tree browser
 * starts where the user's jurisdiction starts.
 */
export async function listOrgUnits(
  deps: ServiceDeps,
  actor: Actor,
  q: OrgUnitListQuery,
): Promise<{ items: OrgUnitView[]; total: number }> {
  authorize(actor, "org.read");
  const { db } = deps.handle;
  const today = chinaDate(deps.now());
  // Today's lists hide closed units; "includeClosed" shows them for history.
  const activeOn = q.includeClosed === "true" ? undefined : today;
  const isFiltered = q.kind !== undefined || q.schoolType !== undefined || (q.q ?? "") !== "";
  const parentId = q.parentId;
  if (parentId !== undefined) {
    const parent = await orgUnitRepo.findById(db, parentId);
    if (parent === undefined) {
      throw new AppError("not-found", "上级单位不存在");
    }
    assertInScope(actor, parent);
  }
  const schoolType =
    q.schoolType === undefined ? undefined : resolveSchoolTypeInput(q.schoolType)?.schoolType;
  let rows: OrgUnitRow[];
  let total: number;
  if (q.schoolType !== undefined && schoolType === undefined) {
    // Units are written with known school types only, so an unknown one (or a 附设班 code) matches nothing.
    rows = [];
    total = 0;
  } else if (parentId === undefined && !isFiltered) {
    const root = await orgUnitRepo.findByPath(db, actor.scope.path);
    rows = root === undefined ? [] : [root];
    total = rows.length;
  } else {
    const page = await orgUnitRepo.list(db, {
      scope: actor.scope,
      ...(parentId === undefined ? {} : { parentId }),
      ...(q.kind === undefined ? {} : { kind: q.kind }),
      ...(schoolType === undefined ? {} : { schoolType }),
      ...(q.q === undefined ? {} : { search: q.q }),
      ...(activeOn === undefined ? {} : { activeOn }),
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    rows = page.rows;
    total = page.total;
  }
  return { items: await viewsOf(db, rows, today, activeOn), total };
}

/**
 * One org unit with its ancestors inside the actor's scope; 403 outside it. A closed unit is still
 * found: its history stays readable.
 */
export async function getOrgUnit(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  includeClosed = false,
): Promise<OrgUnitView & { ancestors: { id: string; name: string }[] }> {
  authorize(actor, "org.read");
  const { db } = deps.handle;
  const unit = await orgUnitRepo.findById(db, id);
  if (unit === undefined) {
    throw new AppError("not-found", "该单位不存在");
  }
  assertInScope(actor, unit);
  const ancestorIds = unit.path.split("/").filter((s) => s !== "" && s !== unit.id);
  const ancestors = (await Promise.all(ancestorIds.map((a) => orgUnitRepo.findById(db, a)))).filter(
    (a): a is OrgUnitRow => a !== undefined && unitInScope(actor, a),
  );
  const today = chinaDate(deps.now());
  const [view] = await viewsOf(db, [unit], today, includeClosed ? undefined : today);
  return {
    unit,
    childCount: view?.childCount ?? 0,
    mergedInto: view?.mergedInto ?? null,
    today,
    ancestors: ancestors.map((a) => ({ id: a.id, name: a.name })),
  };
}
