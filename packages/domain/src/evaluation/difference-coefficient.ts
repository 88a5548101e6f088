/**
 * Student-weighted 差异系数 (coefficient of variation) of spec §1.1b, with every part kept so that a
 * figure can be explained: each school's value Xᵢ = m·Rᵢ/Pᵢ, weight Pᵢ/P, and contribution
 * (Pᵢ/P)(Xᵢ − X̄)² to the variance; X̄ = m·ΣR/ΣP (numerator / denominator); S = √Σ contributions;
 * CV = S / X̄. Population form (divide by P, not n − 1).
 */
import type { Issue } from "../issues.ts";

/** Result of the core computation over parallel arrays (see {@link weightedDispersion}). */
export interface WeightedDispersion {
  /** Number of entries with Pᵢ > 0. */
  count: number;
  /** P = ΣPᵢ over counted entries (denominator of the mean). */
  denominator: number;
  /** m·ΣRᵢ over counted entries (numerator of the mean). */
  numerator: number;
  /** X̄ = numerator / denominator; NaN when P = 0. */
  mean: number;
  variance: number;
  sd: number;
  /** S / X̄; NaN when the mean is 0 or undefined; exactly 0 for a single school. */
  cv: number;
  /** Xᵢ per entry (NaN when Pᵢ = 0). */
  values: Float64Array;
  /** Pᵢ/P per entry (0 when skipped). */
  weights: Float64Array;
  /** (Pᵢ/P)(Xᵢ − X̄)² per entry (0 when skipped). */
  contributions: Float64Array;
}

/** The scalar part of {@link WeightedDispersion}. */
export type DispersionSummary = Omit<WeightedDispersion, "values" | "weights" | "contributions">;

/**
 * Core of 差异系数 (spec §1.1b) over parallel arrays, writing Xᵢ, Pᵢ/P and contributions into the
 * given outputs (length ≥ n) so that callers can reuse one buffer. Entries with Pᵢ ≤ 0 are skipped
 * (value NaN, weight and contribution 0). Never throws; undefined results are NaN.
 */
export function dispersionInto(
  students: ArrayLike<number>,
  quantities: ArrayLike<number>,
  multiplier: number,
  out: { values: Float64Array; weights: Float64Array; contributions: Float64Array },
): DispersionSummary {
  const n = students.length;
  const { values, weights, contributions } = out;
  let count = 0;
  let denominator = 0;
  let sumQuantity = 0;
  for (let i = 0; i < n; i++) {
    const p = students[i] ?? 0;
    if (p > 0) {
      const r = quantities[i] ?? 0;
      count++;
      denominator += p;
      sumQuantity += r;
      values[i] = (multiplier * r) / p;
    } else {
      values[i] = Number.NaN;
    }
  }
  const numerator = multiplier * sumQuantity;
  const mean = denominator > 0 ? numerator / denominator : Number.NaN;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    const p = students[i] ?? 0;
    if (p > 0) {
      const w = count > 1 ? p / denominator : 1;
      const d = count > 1 ? (values[i] ?? 0) - mean : 0;
      weights[i] = w;
      contributions[i] = w * d * d;
      variance += w * d * d;
    } else {
      weights[i] = 0;
      contributions[i] = 0;
    }
  }
  const sd = Math.sqrt(variance);
  let cv = Number.NaN;
  if (mean > 0) {
    cv = count > 1 ? sd / mean : 0;
  }
  return { count, denominator, numerator, mean, variance, sd, cv };
}

/** {@link dispersionInto} with freshly allocated outputs. */
export function weightedDispersion(
  students: ArrayLike<number>,
  quantities: ArrayLike<number>,
  multiplier = 1,
): WeightedDispersion {
  const n = students.length;
  const out = {
    values: new Float64Array(n),
    weights: new Float64Array(n),
    contributions: new Float64Array(n),
  };
  return { ...dispersionInto(students, quantities, multiplier, out), ...out };
}

/** One school's figure for a per-student indicator: its pupils Pᵢ and raw quantity Rᵢ (e.g. 图书册数). */
export interface SchoolFigure {
  schoolId: string;
  students: number;
  quantity: number;
}

/** One school's share of a 差异系数: value, weight and contribution to the variance. */
export interface DifferenceCoefficientPart {
  schoolId: string;
  students: number;
  quantity: number;
  /** Xᵢ = m·Rᵢ/Pᵢ. */
  value: number;
  /** Pᵢ/P. */
  weight: number;
  /** (Pᵢ/P)(Xᵢ − X̄)². */
  contribution: number;
}

/** 差异系数 with its parts, unrounded (rounding belongs to presentation, see display.ts). */
export interface DifferenceCoefficient {
  /** 全县平均值 X̄ = numerator / denominator. */
  mean: number;
  /** 标准差 S. */
  sd: number;
  /** 差异系数 CV = S / X̄. */
  cv: number;
  variance: number;
  /** m·ΣRᵢ. */
  numerator: number;
  /** ΣPᵢ. */
  denominator: number;
  parts: DifferenceCoefficientPart[];
}

/**
 * Student-weighted 差异系数 (spec §1.1b). Schools without students are skipped with a warning
 * (`school-without-students`); a zero mean is an error (`cv-undefined-zero-mean`), never a division;
 * a single school gives CV 0 (`single-school-level`, info); no school at all gives
 * `level-without-schools`. `multiplier` is mₖ (100 for 每百名学生…, 1 for 生均…).
 */
export function differenceCoefficient(
  schools: readonly SchoolFigure[],
  multiplier = 1,
): { result?: DifferenceCoefficient; issues: Issue[] } {
  const issues: Issue[] = schools
    .filter((s) => !(s.students > 0))
    .map((s) => ({
      code: "school-without-students",
      severity: "warning" as const,
      message: `学校 ${s.schoolId} 在校生数为 0，已跳过`,
      where: { schoolId: s.schoolId },
    }));
  const d = weightedDispersion(
    schools.map((s) => s.students),
    schools.map((s) => s.quantity),
    multiplier,
  );
  issues.push(...dispersionIssues(d));
  if (Number.isNaN(d.cv)) {
    return { issues };
  }
  const parts: DifferenceCoefficientPart[] = [];
  schools.forEach((s, i) => {
    if (s.students > 0) {
      parts.push({
        schoolId: s.schoolId,
        students: s.students,
        quantity: s.quantity,
        value: d.values[i] ?? Number.NaN,
        weight: d.weights[i] ?? 0,
        contribution: d.contributions[i] ?? 0,
      });
    }
  });
  const { mean, sd, cv, variance, numerator, denominator } = d;
  return { result: { mean, sd, cv, variance, numerator, denominator, parts }, issues };
}

/** Issues for an undefined or degenerate 差异系数 (shared by the resource and 基本均衡 evaluations). */
export function dispersionIssues(d: WeightedDispersion, where: Issue["where"] = {}): Issue[] {
  if (d.count === 0) {
    return [
      {
        code: "level-without-schools",
        severity: "warning",
        message: "没有在校生数大于 0 的学校，无法计算差异系数",
        where,
      },
    ];
  }
  if (!(d.mean > 0)) {
    return [
      { code: "cv-undefined-zero-mean", severity: "error", message: "全县平均值为 0，差异系数无定义", where },
    ];
  }
  if (d.count === 1) {
    return [{ code: "single-school-level", severity: "info", message: "只有一所学校，差异系数为 0", where }];
  }
  return [];
}
