/**
 * 数据校验: checks of one school-year record as 教育事业统计 审核公式 do them — negative values, counts that
 * are not whole, parts that do not add up to their total (年级 → 在校生, 班额段 → 班数, 学历 → 专任教师),
 * 专任教师 more than 教职工, and values ten times (or a tenth of) last year's. Pure: returns issues.
 */
import type { Issue, Where } from "../issues.ts";
import type { SchoolType } from "../org/org-unit.ts";
import { DATA_ELEMENT_INDEX, QUALIFICATIONS, isElementForSchoolType } from "./data-elements.ts";
import {
  BANDED_LEVELS,
  CLASS_SIZE_BANDS,
  EDU_LEVELS,
  FINE_CLASS_SIZE_BANDS,
  GRADE_LABELS,
  classSizeBand,
} from "./levels.ts";
import type { ElementValues } from "./records.ts";

/** Where a value sits in an upload: sheet, 1-based row, column header. */
export type Locate = (code: string) => Where;

/** Context of a validation run. */
export interface ValidationContext {
  /** The school's 办学类型, to flag elements it cannot carry. */
  schoolType?: SchoolType;
  /** Last year's values of the same school, for the ten-fold check. */
  previous?: ElementValues;
  /** Maps an element code to a location (default: `{column: label}`). */
  locate?: Locate;
  /** The year-on-year check ignores changes where both values are below this (default 10). */
  jumpFloor?: number;
}

const defaultLocate: Locate = (code) => ({ column: DATA_ELEMENT_INDEX.get(code)?.label ?? code });

const label = (code: string): string => DATA_ELEMENT_INDEX.get(code)?.label ?? code;

/** Sum of the codes present; null when none is. */
function sumPresent(values: ElementValues, codes: readonly string[]): number | null {
  let total: number | null = null;
  for (const c of codes) {
    const v = values[c];
    if (v !== undefined) {
      total = (total ?? 0) + v;
    }
  }
  return total;
}

/**
 * Validates a record's values. Issue codes: `unknown-data-element`, `derived-element-reported`,
 * `negative-value`, `non-integer-count`, `element-not-for-school-type` (warning), `grades-sum-mismatch`,
 * `female-exceeds-total`, `class-bands-sum-mismatch` (also a 10-wide band against its two 5-wide halves), `max-class-size-mismatch` (warning),
 * `qualifications-sum-mismatch`, `subset-exceeds-total`, `teachers-exceed-staff`, `year-on-year-jump`
 * (warning).
 */
export function validateRecordValues(
  values: Readonly<Record<string, number | undefined>>,
  context: ValidationContext = {},
): Issue[] {
  const locate = context.locate ?? defaultLocate;
  const issues: Issue[] = [];
  const add = (code: string, severity: Issue["severity"], message: string, element: string): void => {
    issues.push({ code, severity, message, where: locate(element) });
  };
  for (const [code, v] of Object.entries(values)) {
    if (v === undefined) {
      continue;
    }
    const e = DATA_ELEMENT_INDEX.get(code);
    if (e === undefined) {
      add("unknown-data-element", "error", `未知的数据元素“${code}”`, code);
      continue;
    }
    if (e.sumOf !== undefined || e.computedFrom !== undefined) {
      add("derived-element-reported", "warning", `“${e.label}”由各项自动合计，无需填报`, code);
    }
    if (v < 0) {
      add("negative-value", "error", `“${e.label}”不能为负数（${v}）`, code);
    } else if ((e.kind === "count" || e.kind === "size") && !Number.isInteger(v)) {
      add("non-integer-count", "error", `“${e.label}”应为整数（${v}）`, code);
    }
    if (
      context.schoolType !== undefined &&
      e.scope === "school" &&
      !isElementForSchoolType(e, context.schoolType)
    ) {
      add("element-not-for-school-type", "warning", `该办学类型不应填报“${e.label}”`, code);
    }
  }
  checkParts(values, add);
  checkTeachers(values, add);
  if (context.previous !== undefined) {
    checkJumps(values, context.previous, context.jumpFloor ?? 10, add);
  }
  return issues;
}

type Add = (code: string, severity: Issue["severity"], message: string, element: string) => void;

/**
 * The element codes each check reads, built once: a check runs for every record of an import (25,000
 * schools in a province), and codes made afresh for each would be hashed afresh on every lookup.
 */
const GRADE_CHECKS = EDU_LEVELS.map((level) => {
  const grades = GRADE_LABELS[level].map((_, i) => `pupils.${level}.g${i + 1}`);
  return {
    total: `pupils.${level}`,
    female: `pupils.${level}.female`,
    grades,
    femaleGrades: grades.map((g) => `${g}.female`),
    /** Each count with its 女 part: the total, then each grade. */
    pairs: [`pupils.${level}`, ...grades].map((g) => ({ total: g, female: `${g}.female` })),
  };
});

const BAND_CHECKS = BANDED_LEVELS.map((level) => ({
  classes: `classes.${level}`,
  bands: CLASS_SIZE_BANDS.map((b) => `classes.${level}.${b.key}`),
  coarse: [...new Set(FINE_CLASS_SIZE_BANDS.map((b) => b.of))].map((coarse) => ({
    whole: `classes.${level}.${coarse}`,
    parts: FINE_CLASS_SIZE_BANDS.filter((b) => b.of === coarse).map((b) => `classes.${level}.${b.key}`),
  })),
  maxSize: `classes.${level}.maxSize`,
  /** Band key → its code and the codes of the bands above it. */
  byBand: new Map(
    CLASS_SIZE_BANDS.map((b, i) => [
      b.key,
      {
        code: `classes.${level}.${b.key}`,
        above: CLASS_SIZE_BANDS.slice(i + 1).map((a) => `classes.${level}.${a.key}`),
      },
    ]),
  ),
}));

const TEACHER_CHECKS = EDU_LEVELS.map((level) => ({
  code: `teachers.fullTime.${level}`,
  qualifications: QUALIFICATIONS.map((q) => `teachers.${q.key}.${level}`),
  parts: [`teachers.certified.${level}`, `teachers.backbone.${level}`],
}));

function checkParts(values: ElementValues, add: Add): void {
  for (const check of GRADE_CHECKS) {
    const total = values[check.total];
    const gradeSum = sumPresent(values, check.grades);
    if (total !== undefined && gradeSum !== null && gradeSum !== total) {
      add(
        "grades-sum-mismatch",
        "error",
        `${label(check.total)} ${total} 不等于各年级之和 ${gradeSum}`,
        check.total,
      );
    }
    const female = values[check.female];
    const femaleSum = sumPresent(values, check.femaleGrades);
    if (female !== undefined && femaleSum !== null && femaleSum !== female) {
      add(
        "grades-sum-mismatch",
        "error",
        `${label(check.female)} ${female} 不等于各年级之和 ${femaleSum}`,
        check.female,
      );
    }
    for (const pair of check.pairs) {
      const t = values[pair.total];
      const f = values[pair.female];
      if (t !== undefined && f !== undefined && f > t) {
        add(
          "female-exceeds-total",
          "error",
          `${label(pair.female)} ${f} 大于${label(pair.total)} ${t}`,
          pair.female,
        );
      }
    }
  }
  for (const check of BAND_CHECKS) {
    const classes = values[check.classes];
    const bandSum = sumPresent(values, check.bands);
    if (classes !== undefined && bandSum !== null && bandSum !== classes) {
      add(
        "class-bands-sum-mismatch",
        "error",
        `${label(check.classes)} ${classes} 不等于各班额段之和 ${bandSum}`,
        check.classes,
      );
    }
    for (const { whole: code, parts: codes } of check.coarse) {
      const whole = values[code];
      const parts = sumPresent(values, codes);
      if (whole !== undefined && parts !== null && parts !== whole) {
        add(
          "class-bands-sum-mismatch",
          "error",
          `${label(code)} ${whole} 不等于其两个 5 人班额段之和 ${parts}`,
          code,
        );
      }
    }
    const max = values[check.maxSize];
    if (max !== undefined && max > 0 && bandSum !== null) {
      const band = check.byBand.get(classSizeBand(max));
      const above = band?.above.some((code) => (values[code] ?? 0) > 0) ?? false;
      if (band === undefined || (values[band.code] ?? 0) === 0 || above) {
        add(
          "max-class-size-mismatch",
          "warning",
          `${label(check.maxSize)} ${max} 与各班额段班数不符`,
          check.maxSize,
        );
      }
    }
  }
}

function checkTeachers(values: ElementValues, add: Add): void {
  let fullTime = 0;
  for (const { code, qualifications, parts } of TEACHER_CHECKS) {
    const total = values[code];
    fullTime += total ?? 0;
    const qualSum = sumPresent(values, qualifications);
    if (total !== undefined && qualSum !== null && qualSum !== total) {
      add(
        "qualifications-sum-mismatch",
        "error",
        `${label(code)} ${total} 不等于各学历之和 ${qualSum}`,
        code,
      );
    }
    for (const part of parts) {
      const v = values[part];
      if (v !== undefined && total !== undefined && v > total) {
        add("subset-exceeds-total", "error", `${label(part)} ${v} 大于${label(code)} ${total}`, part);
      }
    }
  }
  const staff = values["staff.total"];
  if (staff !== undefined && fullTime > staff) {
    add("teachers-exceed-staff", "error", `专任教师 ${fullTime} 人多于教职工 ${staff} 人`, "staff.total");
  }
  const principals = values.principals;
  const certified = values["principals.certified"];
  if (principals !== undefined && certified !== undefined && certified > principals) {
    add(
      "subset-exceeds-total",
      "error",
      `持证校（园）长 ${certified} 人多于校（园）长 ${principals} 人`,
      "principals.certified",
    );
  }
}

function checkJumps(values: ElementValues, previous: ElementValues, floor: number, add: Add): void {
  for (const [code, v] of Object.entries(values)) {
    const p = previous[code];
    if (v === undefined || p === undefined || p <= 0 || v <= 0 || Math.max(v, p) < floor) {
      continue;
    }
    if (v >= 10 * p || v * 10 <= p) {
      add("year-on-year-jump", "warning", `“${label(code)}”为 ${v}，上年为 ${p}，相差十倍以上，请核实`, code);
    }
  }
}
