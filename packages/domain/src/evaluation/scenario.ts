/**
 * Scenario support (what-if on a county's data, spec §1.1a figures): pure functions that apply
 * changes — set a figure, add a school, merge schools — and compare two evaluations side by side.
 */
import type { Issue } from "../issues.ts";
import type { SchoolType } from "../org/index.ts";
import {
  type BalanceSchool,
  type Level,
  LEVELS,
  RESOURCE_INDICATOR_KEYS,
  type ResourceIndicatorKey,
} from "./resource-indicators.ts";
import type { ResourceEvaluation } from "./resource-evaluation.ts";

/** A figure a scenario can set: an indicator quantity (teachers need a 学段) or pupils of a 学段. */
export type ScenarioField = ResourceIndicatorKey | "students";

/** One change to a county's schools. */
export type ScenarioChange =
  | { kind: "set"; schoolCode: string; field: ScenarioField; level?: Level | "senior"; value: number }
  /** Adds `amount` (may be negative) to a figure: how a bureau plans (3 more teachers, 500 m²). */
  | { kind: "add"; schoolCode: string; field: ScenarioField; level?: Level | "senior"; amount: number }
  | { kind: "add-school"; school: BalanceSchool }
  | { kind: "remove-school"; schoolCode: string }
  | {
      /** 撤并: `fromCodes` are merged into `intoCode` (pupils and quantities summed, then removed). */
      kind: "merge-schools";
      intoCode: string;
      fromCodes: string[];
      /** New 办学类型 of the merged school (e.g. two schools become a 九年一贯制学校). */
      schoolType?: SchoolType;
    };

function copy(s: BalanceSchool): BalanceSchool {
  return {
    ...s,
    students: { ...s.students },
    qualifiedTeachers: { ...s.qualifiedTeachers },
    backboneTeachers: { ...s.backboneTeachers },
    peArtTeachers: { ...s.peArtTeachers },
  };
}

function unknown(code: string, index: number): Issue {
  return {
    code: "scenario-unknown-school",
    severity: "error",
    message: `找不到学校 ${code}，该项变更未执行`,
    where: { schoolId: code, row: index + 1 },
  };
}

function addInto(target: BalanceSchool, from: BalanceSchool): void {
  for (const level of ["primary", "junior", "senior"] as const) {
    target.students[level] += from.students[level];
  }
  for (const key of RESOURCE_INDICATOR_KEYS) {
    if (key === "qualifiedTeachers" || key === "backboneTeachers" || key === "peArtTeachers") {
      for (const level of LEVELS) {
        target[key][level] += from[key][level];
      }
    } else {
      target[key] += from[key];
    }
  }
}

/** A school's current figure for a field (teacher and pupil fields read the 学段; 小学 when absent). */
function currentFigure(s: BalanceSchool, field: ScenarioField, level: Level | "senior" | undefined): number {
  if (field === "students") {
    return s.students[level ?? "primary"];
  }
  if (field === "qualifiedTeachers" || field === "backboneTeachers" || field === "peArtTeachers") {
    return s[field][level === "junior" ? "junior" : "primary"];
  }
  return s[field];
}

/**
 * Applies changes in order to a copy of the schools (the input is not modified). Issues (the change
 * is skipped): `scenario-unknown-school`, `scenario-duplicate-school` (adding an existing code),
 * `scenario-invalid-value` (negative or non-finite value — also after an `add` —, or a teacher/pupil field without 学段).
 */
export function applyScenario(
  schools: readonly BalanceSchool[],
  changes: readonly ScenarioChange[],
): { schools: BalanceSchool[]; issues: Issue[] } {
  let list = schools.map(copy);
  const issues: Issue[] = [];
  changes.forEach((change, index) => {
    const find = (code: string): BalanceSchool | undefined => list.find((s) => s.code === code);
    switch (change.kind) {
      case "set":
      case "add": {
        const s = find(change.schoolCode);
        if (!s) {
          issues.push(unknown(change.schoolCode, index));
          return;
        }
        const { field, level } = change;
        const value = change.kind === "set" ? change.value : currentFigure(s, field, level) + change.amount;
        const isFacility =
          field !== "students" &&
          field !== "qualifiedTeachers" &&
          field !== "backboneTeachers" &&
          field !== "peArtTeachers";
        const badLevel = !isFacility && (level === undefined || (field !== "students" && level === "senior"));
        if (!Number.isFinite(value) || value < 0 || badLevel) {
          issues.push({
            code: "scenario-invalid-value",
            severity: "error",
            message: `第 ${index + 1} 项变更的数值或学段无效`,
            where: { schoolId: s.code, field, row: index + 1 },
          });
          return;
        }
        if (field === "students") {
          s.students[level ?? "primary"] = value;
        } else if (
          field === "qualifiedTeachers" ||
          field === "backboneTeachers" ||
          field === "peArtTeachers"
        ) {
          s[field][level === "junior" ? "junior" : "primary"] = value;
        } else {
          s[field] = value;
        }
        return;
      }
      case "add-school":
        if (find(change.school.code)) {
          issues.push({
            code: "scenario-duplicate-school",
            severity: "error",
            message: `学校 ${change.school.code} 已存在，未重复添加`,
            where: { schoolId: change.school.code, row: index + 1 },
          });
          return;
        }
        list.push(copy(change.school));
        return;
      case "remove-school":
        if (!find(change.schoolCode)) {
          issues.push(unknown(change.schoolCode, index));
          return;
        }
        list = list.filter((s) => s.code !== change.schoolCode);
        return;
      case "merge-schools": {
        const into = find(change.intoCode);
        const missing = [change.intoCode, ...change.fromCodes].filter((c) => !find(c));
        if (!into || missing.length > 0) {
          missing.forEach((c) => issues.push(unknown(c, index)));
          return;
        }
        const from = change.fromCodes.filter((c) => c !== change.intoCode);
        for (const code of from) {
          const f = find(code);
          if (f) {
            addInto(into, f);
          }
        }
        if (change.schoolType) {
          into.schoolType = change.schoolType;
        }
        list = list.filter((s) => !from.includes(s.code));
        return;
      }
    }
  });
  return { schools: list, issues };
}

/** One indicator of one 学段 before and after. */
export interface IndicatorComparison {
  level: Level;
  indicator: ResourceIndicatorKey;
  before: { mean: number | null; cv: number | null; isCvPass: boolean };
  after: { mean: number | null; cv: number | null; isCvPass: boolean };
  /** after − before (null when either CV is undefined). */
  cvChange: number | null;
}

/** One school part whose verdict changed (or that exists only on one side). */
export interface SchoolComparison {
  code: string;
  level: Level;
  before: boolean | null;
  after: boolean | null;
}

/** Two evaluations side by side. */
export interface EvaluationComparison {
  indicators: IndicatorComparison[];
  /** Parts whose pass/fail changed, or that were added or removed (null = absent). */
  changedSchools: SchoolComparison[];
  resourcePass: { before: boolean; after: boolean };
  schoolsFailing: { before: number; after: number };
}

/** Compares two resource evaluations (e.g. before and after a scenario or a plan). */
export function compareEvaluations(
  before: ResourceEvaluation,
  after: ResourceEvaluation,
): EvaluationComparison {
  const indicators = LEVELS.flatMap((level) =>
    RESOURCE_INDICATOR_KEYS.map((indicator): IndicatorComparison => {
      const b = before.levels[level].indicators[indicator];
      const a = after.levels[level].indicators[indicator];
      return {
        level,
        indicator,
        before: { mean: b.mean, cv: b.cv, isCvPass: b.isCvPass },
        after: { mean: a.mean, cv: a.cv, isCvPass: a.isCvPass },
        cvChange: a.cv !== null && b.cv !== null ? a.cv - b.cv : null,
      };
    }),
  );
  const key = (s: { code: string; level: Level }): string => `${s.code}|${s.level}`;
  const beforeMap = new Map(before.schools.map((s) => [key(s), s]));
  const afterMap = new Map(after.schools.map((s) => [key(s), s]));
  const changedSchools: SchoolComparison[] = [];
  for (const k of new Set([...beforeMap.keys(), ...afterMap.keys()])) {
    const b = beforeMap.get(k);
    const a = afterMap.get(k);
    const ref = a ?? b;
    if (ref && b?.isPass !== a?.isPass) {
      changedSchools.push({
        code: ref.code,
        level: ref.level,
        before: b ? b.isPass : null,
        after: a ? a.isPass : null,
      });
    }
  }
  return {
    indicators,
    changedSchools,
    resourcePass: { before: before.isResourcePass, after: after.isResourcePass },
    schoolsFailing: {
      before: before.schools.filter((s) => !s.isPass).length,
      after: after.schools.filter((s) => !s.isPass).length,
    },
  };
}
