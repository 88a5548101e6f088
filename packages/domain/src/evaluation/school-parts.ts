/**
 * Turns schools into the units the resource part evaluates (spec §1.1b): one part per 学段, facility
 * totals of 九年一贯制 / 十二年一贯制 / 完全中学 split by weighted pupils, teacher counts taken per 学段,
 * and 教学点 handled by the configured policy.
 */
import type { Issue } from "../issues.ts";
import type { SchoolType } from "../org/index.ts";
import { teachingPointLeftOut } from "./compulsory-part.ts";
import { facilityShares } from "./facility-split.ts";
import type { SplitWeights, TeachingPointPolicy } from "./rule-set.ts";
import {
  type BalanceSchool,
  type IndicatorMap,
  isFacilityIndicator,
  type Level,
  LEVEL_LABELS,
  LEVELS,
  mapIndicators,
  RESOURCE_INDICATOR_KEYS,
} from "./resource-indicators.ts";

/** One 学段 of one school as evaluated (a single-level school has one part). */
export interface SchoolPart {
  code: string;
  name: string;
  schoolType: SchoolType;
  level: Level;
  /** Pᵢ. */
  students: number;
  /** Share of the school's facility totals assigned to this part (1 for single-level schools). */
  facilityShare: number;
  /** Rᵢₖ for the 7 indicators. */
  quantities: IndicatorMap<number>;
  /** 教学点 merged into this part (`merge-into-parent`). */
  mergedFrom: string[];
}

/** A school (or 学段) left out of the evaluation, with the reason shown on reports. */
export interface ExcludedSchool {
  code: string;
  name: string;
  level?: Level;
  reason: string;
}

function isBad(x: number): boolean {
  return !(x >= 0) || x === Number.POSITIVE_INFINITY;
}

function hasInvalidNumber(s: BalanceSchool): boolean {
  return (
    isBad(s.students.primary) ||
    isBad(s.students.junior) ||
    isBad(s.students.senior) ||
    isBad(s.qualifiedTeachers.primary) ||
    isBad(s.qualifiedTeachers.junior) ||
    isBad(s.backboneTeachers.primary) ||
    isBad(s.backboneTeachers.junior) ||
    isBad(s.peArtTeachers.primary) ||
    isBad(s.peArtTeachers.junior) ||
    isBad(s.teachingFloorArea) ||
    isBad(s.sportsArea) ||
    isBad(s.equipmentValue) ||
    isBad(s.multimediaClassrooms)
  );
}

/** Options of {@link splitIntoParts}. */
export interface SplitOptions {
  teachingPointPolicy: TeachingPointPolicy;
  splitWeights: SplitWeights;
}

/**
 * The parts of one 学段 as columns (row r = one part), the allocation-light form the evaluation
 * works on. `school[r]` indexes the input schools.
 */
export interface LevelColumns {
  school: Int32Array;
  students: Float64Array;
  /** Facility share of the school's totals (1 for single-level schools). */
  share: Float64Array;
  quantities: IndicatorMap<Float64Array>;
  /** Row → 教学点 codes merged into it (sparse). */
  mergedFrom: Map<number, string[]>;
}

/** Result of {@link splitColumns}. */
export interface SplitColumns {
  schools: readonly BalanceSchool[];
  levels: Record<Level, LevelColumns>;
  excluded: ExcludedSchool[];
  issues: Issue[];
}

/** Columns being filled, with a fixed capacity (one row per school at most). */
interface ColumnBuilder extends LevelColumns {
  count: number;
}

function builder(capacity: number): ColumnBuilder {
  // One buffer for the 9 numeric columns: a province needs two allocations, not twenty.
  const buffer = new Float64Array(9 * capacity);
  const column = (i: number): Float64Array => buffer.subarray(i * capacity, (i + 1) * capacity);
  return {
    count: 0,
    school: new Int32Array(capacity),
    students: column(0),
    share: column(1),
    quantities: {
      qualifiedTeachers: column(2),
      backboneTeachers: column(3),
      peArtTeachers: column(4),
      teachingFloorArea: column(5),
      sportsArea: column(6),
      equipmentValue: column(7),
      multimediaClassrooms: column(8),
    },
    mergedFrom: new Map(),
  };
}

/**
 * Indices of schools whose code already appeared earlier. An open-addressing table over an FNV-1a
 * hash of the code: a JavaScript Set of 25,000 strings costs several times more.
 */
function duplicateIndices(schools: readonly BalanceSchool[]): Set<number> {
  const n = schools.length;
  let size = 16;
  while (size < 2 * n) {
    size *= 2;
  }
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  const duplicates = new Set<number>();
  for (let i = 0; i < n; i++) {
    const code = schools[i]?.code ?? "";
    let h = 0x811c9dc5;
    for (let c = 0; c < code.length; c++) {
      h = Math.imul(h ^ code.charCodeAt(c), 0x01000193);
    }
    let slot = h & mask;
    for (;;) {
      const j = table[slot] ?? -1;
      if (j === -1) {
        table[slot] = i;
        break;
      }
      if (schools[j]?.code === code) {
        duplicates.add(i);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  return duplicates;
}

/** Bit mask of the 学段 a school type has: 1 小学, 2 初中, 4 高中 (0: not evaluated). */
function levelMask(type: SchoolType): number {
  switch (type) {
    case "primary":
    case "teachingPoint":
      return 1;
    case "junior":
      return 2;
    case "nineYear":
      return 3;
    case "twelveYear":
      return 7;
    case "completeSecondary":
      return 6;
    default:
      return 0;
  }
}

function finish(b: ColumnBuilder): LevelColumns {
  const n = b.count;
  return {
    school: b.school.subarray(0, n),
    students: b.students.subarray(0, n),
    share: b.share.subarray(0, n),
    quantities: mapIndicators((k) => b.quantities[k].subarray(0, n)),
    mergedFrom: b.mergedFrom,
  };
}

function pushRow(
  cols: ColumnBuilder,
  index: number,
  school: BalanceSchool,
  level: Level,
  share: number,
): void {
  const r = cols.count++;
  cols.school[r] = index;
  cols.students[r] = school.students[level];
  cols.share[r] = share;
  const q = cols.quantities;
  q.qualifiedTeachers[r] = school.qualifiedTeachers[level];
  q.backboneTeachers[r] = school.backboneTeachers[level];
  q.peArtTeachers[r] = school.peArtTeachers[level];
  q.teachingFloorArea[r] = school.teachingFloorArea * share;
  q.sportsArea[r] = school.sportsArea * share;
  q.equipmentValue[r] = school.equipmentValue * share;
  q.multimediaClassrooms[r] = school.multimediaClassrooms * share;
}

/**
 * Builds the evaluated parts of a county's schools as columns (spec §1.1a scope, §1.1b split). Issues:
 * `invalid-quantity` (negative or non-numeric figure: school left out), `duplicate-school-code`,
 * `school-type-not-evaluated` (高中、特教、职校、幼儿园), `students-outside-school-type` (pupils in a 学段
 * the type does not have: ignored), `school-without-students` (a 学段 with no pupils: left out),
 * `teaching-point-excluded`, `teaching-point-merged`, `teaching-point-parent-missing`.
 */
export function splitColumns(schools: readonly BalanceSchool[], options: SplitOptions): SplitColumns {
  const issues: Issue[] = [];
  const excluded: ExcludedSchool[] = [];
  let primaryRows = 0;
  let juniorRows = 0;
  for (const school of schools) {
    const mask = levelMask(school.schoolType);
    primaryRows += mask & 1;
    juniorRows += (mask >> 1) & 1;
  }
  const levels: Record<Level, ColumnBuilder> = { primary: builder(primaryRows), junior: builder(juniorRows) };
  const duplicates = duplicateIndices(schools);
  const toMerge: number[] = [];
  const exclude = (s: BalanceSchool, reason: string, level?: Level): void => {
    excluded.push(
      level ? { code: s.code, name: s.name, level, reason } : { code: s.code, name: s.name, reason },
    );
  };
  for (let index = 0; index < schools.length; index++) {
    const school = schools[index];
    if (!school) {
      continue;
    }
    if (duplicates.has(index)) {
      issues.push({
        code: "duplicate-school-code",
        severity: "warning",
        message: `学校标识码 ${school.code} 重复出现，两条记录分别计算`,
        where: { schoolId: school.code },
      });
    }
    if (hasInvalidNumber(school)) {
      issues.push({
        code: "invalid-quantity",
        severity: "error",
        message: `${school.name}（${school.code}）有负数或非数值数据，未参与计算`,
        where: { schoolId: school.code },
      });
      exclude(school, "数据无效");
      continue;
    }
    const mask = levelMask(school.schoolType);
    if (mask === 0) {
      issues.push({
        code: "school-type-not-evaluated",
        severity: "info",
        message: `${school.name} 不是义务教育学校，不参与资源配置评估`,
        where: { schoolId: school.code },
      });
      exclude(school, "非义务教育学校");
      continue;
    }
    const st = school.students;
    const outside =
      (st.primary > 0 && !(mask & 1)) || (st.junior > 0 && !(mask & 2)) || (st.senior > 0 && !(mask & 4));
    if (outside) {
      issues.push({
        code: "students-outside-school-type",
        severity: "warning",
        message: `${school.name} 的办学类型不含部分已填报学段，这些在校生已忽略`,
        where: { schoolId: school.code },
      });
    }
    if (school.schoolType === "teachingPoint") {
      if (teachingPointLeftOut(options.teachingPointPolicy, school.schoolType, st.primary)) {
        issues.push({
          code: "teaching-point-excluded",
          severity: "info",
          message: `教学点 ${school.name} 在校生不足50人，按规则不参与资源配置评估`,
          where: { schoolId: school.code },
        });
        exclude(school, "不足50人的教学点");
        continue;
      }
      if (options.teachingPointPolicy === "merge-into-parent") {
        toMerge.push(index);
        continue;
      }
    }
    const shares =
      mask === 1 || mask === 2 ? null : facilityShares(school.schoolType, st, options.splitWeights);
    for (const level of LEVELS) {
      if (!(mask & (level === "primary" ? 1 : 2))) {
        continue;
      }
      if (!(st[level] > 0)) {
        issues.push({
          code: "school-without-students",
          severity: "warning",
          message: `${school.name} ${LEVEL_LABELS[level]}在校生数为 0，已跳过`,
          where: { schoolId: school.code, level },
        });
        exclude(school, `${LEVEL_LABELS[level]}在校生数为 0`, level);
        continue;
      }
      pushRow(levels[level], index, school, level, shares ? shares[level] : 1);
    }
  }
  if (toMerge.length > 0) {
    mergeTeachingPoints(schools, toMerge, levels.primary, issues, exclude);
  }
  return {
    schools,
    levels: { primary: finish(levels.primary), junior: finish(levels.junior) },
    excluded,
    issues,
  };
}

function mergeTeachingPoints(
  schools: readonly BalanceSchool[],
  toMerge: readonly number[],
  cols: ColumnBuilder,
  issues: Issue[],
  exclude: (s: BalanceSchool, reason: string, level?: Level) => void,
): void {
  const rowByCode = new Map<string, number>();
  for (let row = 0; row < cols.count; row++) {
    const code = schools[cols.school[row] ?? -1]?.code;
    if (code !== undefined && !rowByCode.has(code)) {
      rowByCode.set(code, row);
    }
  }
  for (const index of toMerge) {
    const point = schools[index];
    if (!point) {
      continue;
    }
    const row = point.parentCode === undefined ? undefined : rowByCode.get(point.parentCode);
    const where = { schoolId: point.code };
    if (row === undefined) {
      issues.push({
        code: "teaching-point-parent-missing",
        severity: "warning",
        message: `教学点 ${point.name} 找不到所属学校，单独计算`,
        where,
      });
      if (point.students.primary > 0) {
        pushRow(cols, index, point, "primary", 1);
      } else {
        exclude(point, "小学在校生数为 0", "primary");
      }
      continue;
    }
    cols.students[row] = (cols.students[row] ?? 0) + point.students.primary;
    for (const key of RESOURCE_INDICATOR_KEYS) {
      const add = isFacilityIndicator(key) ? point[key] : point[key].primary;
      const column = cols.quantities[key];
      column[row] = (column[row] ?? 0) + add;
    }
    cols.mergedFrom.set(row, [...(cols.mergedFrom.get(row) ?? []), point.code]);
    const parentIndex = cols.school[row] ?? 0;
    issues.push({
      code: "teaching-point-merged",
      severity: "info",
      message: `教学点 ${point.name} 并入 ${schools[parentIndex]?.name ?? ""} 计算`,
      where,
    });
  }
}

/** One row of {@link LevelColumns} as a {@link SchoolPart} object. */
export function partAt(split: SplitColumns, level: Level, row: number): SchoolPart {
  const cols = split.levels[level];
  const school = split.schools[cols.school[row] ?? -1];
  return {
    code: school?.code ?? "",
    name: school?.name ?? "",
    schoolType: school?.schoolType ?? "primary",
    level,
    students: cols.students[row] ?? 0,
    facilityShare: cols.share[row] ?? 0,
    quantities: mapIndicators((k) => cols.quantities[k][row] ?? 0),
    mergedFrom: [...(cols.mergedFrom.get(row) ?? [])],
  };
}

/**
 * The evaluated parts as objects (小学 parts first, then 初中), same rules and issues as
 * {@link splitColumns}.
 */
export function splitIntoParts(
  schools: readonly BalanceSchool[],
  options: SplitOptions,
): { parts: SchoolPart[]; excluded: ExcludedSchool[]; issues: Issue[] } {
  const split = splitColumns(schools, options);
  const parts = LEVELS.flatMap((level) =>
    Array.from({ length: split.levels[level].school.length }, (_, row) => partAt(split, level, row)),
  );
  return { parts, excluded: split.excluded, issues: split.issues };
}
