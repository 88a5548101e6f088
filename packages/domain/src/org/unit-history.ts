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
