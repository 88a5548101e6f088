/**
 * Units over time (docs/org-units.md): schools open, are renamed, move to another 乡镇, merge (撤并) or
 * close. Each change is recorded with the day it takes effect; a statistical year sees the units as
 * they stood on that year's reference day.
 */

/** 变更类型. */
export const ORG_UNIT_CHANGE_KINDS = ["open", "rename", "edit", "move", "merge", "close", "reopen"] as const;
export type OrgUnitChangeKind = (typeof ORG_UNIT_CHANGE_KINDS)[number];

/** Chinese labels for {@link OrgUnitChangeKind}. */
export const ORG_UNIT_CHANGE_LABELS: Record<OrgUnitChangeKind, string> = {
  open: "开办",
  rename: "更名",
  edit: "信息变更",
  move: "调整隶属",
  merge: "撤并",
  close: "撤销",
  reopen: "恢复",
};

/**
 * The day a 统计年度 describes: 1 September of that year, the start of the school year whose 年报 the
 * statistics hold. A school opened for the autumn term counts in that year; one merged over the summer
 * counts in the year before and not in the year of the merger.
 */
export function referenceDay(year: number): string {
  return `${String(year).padStart(4, "0")}-09-01`;
}

/** The dates that decide whether a unit existed on a day (ISO yyyy-mm-dd; null: open-ended). */
export interface UnitLifespan {
  openedOn: string | null;
  closedOn: string | null;
}

/** True when the unit was open on `day`: opened on or before it and not yet closed on it. */
export function openOn(unit: UnitLifespan, day: string): boolean {
  return (unit.openedOn === null || unit.openedOn <= day) && (unit.closedOn === null || unit.closedOn > day);
}

/** True when the unit belongs to the statistical year `year` (open on its reference day). */
export function openInYear(unit: UnitLifespan, year: number): boolean {
  return openOn(unit, referenceDay(year));
}

/** One recorded rename or move of a unit, as {@link nameOn} and {@link parentOn} read them. */
export interface UnitChangeFact {
  kind: OrgUnitChangeKind;
  effectiveOn: string;
  before: { name?: string; parentId?: string };
}

/**
 * The unit's name on `day`: the name before the earliest rename that took effect after that day, or
 * the current name when no later rename exists.
 */
export function nameOn(currentName: string, changes: readonly UnitChangeFact[], day: string): string {
  return valueOn(currentName, changes, day, "rename", (c) => c.before.name);
}

/** The unit's parent on `day`, by the same rule as {@link nameOn} over its moves. */
export function parentOn(currentParentId: string, changes: readonly UnitChangeFact[], day: string): string {
  return valueOn(currentParentId, changes, day, "move", (c) => c.before.parentId);
}

function valueOn(
  current: string,
  changes: readonly UnitChangeFact[],
  day: string,
  kind: OrgUnitChangeKind,
  pick: (c: UnitChangeFact) => string | undefined,
): string {
  const later = changes
    .filter((c) => c.kind === kind && c.effectiveOn > day && pick(c) !== undefined)
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
  const first = later[0];
  return first === undefined ? current : (pick(first) ?? current);
}

/** A recorded 调整隶属 of one unit, as the year views read it. */
export interface UnitMove {
  orgUnitId: string;
  effectiveOn: string;
  before: { parentId?: string };
}

/** A unit of the tree as it stands now: its id, code and current parent. */
export interface TreeUnit {
  id: string;
  code: string;
  parentId: string | null;
}

/**
 * The units that lay below `inside` (a subtree as it stands now, by id) on some day after `since` but
 * lie elsewhere now: each unit moved after `since` away from a parent inside, or away from a parent that
 * is itself such a unit (a school moved out of a 乡镇 that later moved out too). Their own subtrees
 * moved with them; the caller reads those.
 */
export function movedOutOf(
  inside: ReadonlySet<string>,
  moves: readonly UnitMove[],
  since: string,
): Set<string> {
  const out = new Set<string>();
  const later = moves.filter((m) => m.effectiveOn > since && m.before.parentId !== undefined);
  for (let grew = true; grew;) {
    grew = false;
    for (const m of later) {
      const from = m.before.parentId as string;
      if (!inside.has(m.orgUnitId) && !out.has(m.orgUnitId) && (inside.has(from) || out.has(from))) {
        out.add(m.orgUnitId);
        grew = true;
      }
    }
  }
  return out;
}

/** The area chain of a unit in a statistical year; see {@link yearChains}. */
export type YearChain = (code: string, year: number) => readonly string[] | null;

/**
 * Where each unit stood in each statistical year, below `rootId`: the codes of the unit and of the
 * units above it as they were on that year's 1 September ({@link parentOn} over each unit's moves),
 * self first and ending at the root — or null when the unit did not lie below the root in that year.
 * A unit none of whose current ancestors moved keeps its present chain in every year.
 */
export function yearChains(
  units: readonly TreeUnit[],
  moves: readonly UnitMove[],
  rootId: string,
): YearChain {
  const byId = new Map(units.map((u) => [u.id, u]));
  const byCode = new Map(units.map((u) => [u.code, u]));
  const movesOf = new Map<string, UnitChangeFact[]>();
  for (const m of moves) {
    if (m.before.parentId !== undefined) {
      const list = movesOf.get(m.orgUnitId) ?? [];
      list.push({ kind: "move", effectiveOn: m.effectiveOn, before: { parentId: m.before.parentId } });
      movesOf.set(m.orgUnitId, list);
    }
  }
  // Walks up from `start`, taking each unit's parent from `parentOf`; null when the root is not reached.
  const walk = (start: TreeUnit, parentOf: (u: TreeUnit) => string | null): readonly string[] | null => {
    const out: string[] = [];
    const seen = new Set<string>();
    for (let u: TreeUnit | undefined = start; u !== undefined && !seen.has(u.id);) {
      seen.add(u.id);
      out.push(u.code);
      if (u.id === rootId) {
        return out;
      }
      const parent = parentOf(u);
      u = parent === null ? undefined : byId.get(parent);
    }
    return null;
  };
  // Whether the unit or a unit above it now has a recorded move: only those chains vary by year.
  const moved = new Map<string, boolean>();
  const movesAbove = (u: TreeUnit): boolean => {
    const known = moved.get(u.id);
    if (known !== undefined) {
      return known;
    }
    moved.set(u.id, false);
    const parent = u.parentId === null ? undefined : byId.get(u.parentId);
    const result = movesOf.has(u.id) || (parent !== undefined && movesAbove(parent));
    moved.set(u.id, result);
    return result;
  };
  const current = new Map<string, readonly string[] | null>();
  const dated = new Map<string, readonly string[] | null>();
  return (code, year) => {
    const unit = byCode.get(code);
    if (unit === undefined) {
      return null;
    }
    if (!movesAbove(unit)) {
      let chain = current.get(code);
      if (chain === undefined) {
        chain = walk(unit, (u) => u.parentId);
        current.set(code, chain);
      }
      return chain;
    }
    const key = `${code}|${String(year)}`;
    let chain = dated.get(key);
    if (chain === undefined) {
      const day = referenceDay(year);
      chain = walk(unit, (u) => {
        const changes = movesOf.get(u.id);
        return changes === undefined || u.parentId === null ? u.parentId : parentOn(u.parentId, changes, day);
      });
      dated.set(key, chain);
    }
    return chain;
  };
}
