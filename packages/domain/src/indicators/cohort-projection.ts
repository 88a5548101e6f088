/**
 * 队列推算 (cohort-flow projection) of 巩固率 targets. A 巩固率 of a future year is not a point on a
 * line: its graduates are pupils already sitting in a lower grade today, and its base is the 招生 of a
 * year already past (or of a cohort already enrolled). So the target year's graduating cohort is carried
 * forward grade by grade with the retention observed in recent years, and divided by the 招生 (plus the
 * usual share of net transfers) of its entry year. Pure arithmetic over county totals per grade and year.
 */
import type { IndicatorDefinition } from "./definition.ts";

/** Grades of 义务教育 along a cohort's path: index 0–5 小学一至六年级, 6–8 初中七至九年级. */
export const COMPULSORY_GRADES = 9;

/** One year of a unit's cohort statistics (sums over its schools). */
export interface CohortYear {
  year: number;
  /** 在校生 per grade, index 0 = 一年级 … 8 = 九年级; null where not reported. */
  grades: readonly (number | null)[];
  /** 招生 of the cohort's entry grade this year (小学 or 初中 招生). */
  entrants: number | null;
  /** 初中毕业生 of this year's report (last year's 九年级 who graduated). */
  graduates: number | null;
  /** 招生 of the cohort graduating this year, in its entry year (the indicator's base: 9 or 3 years back). */
  cohortEntrants: number | null;
  /** Net cumulative 转入 − 转出 of the cohort graduating this year. */
  netTransfers: number | null;
}

/** Which cohort a 巩固率 follows. */
export interface CohortRateSpec {
  /** Grade index at which the cohort is counted: 0 (一年级) for 九年义务教育巩固率, 6 (七年级) for 初中三年巩固率. */
  entryGrade: number;
  /** Upper bound of the rate (the catalogue caps 巩固率 at 100). */
  cap: number;
}

/** Options of {@link projectCohortRate}. */
export interface CohortProjectionOptions {
  /** Recent years whose grade-to-grade ratios are pooled (default 3). */
  ratioYears?: number;
}

/** A projected 巩固率 with the figures it was made of, so it can be explained. */
export interface CohortProjection {
  targetYear: number;
  /** The latest year with grade counts: the cohort is taken from there. */
  fromYear: number;
  /** Grade index the target year's graduates are in at `fromYear`. */
  fromGrade: number;
  /** Their number at `fromYear`. */
  pupils: number;
  /** Retention ratios applied, one per grade step from `fromGrade` up to 九年级. */
  survival: number[];
  /** Graduates ÷ last year's 九年级. */
  graduation: number;
  /** Projected graduates of the target year. */
  numerator: number;
  /** 招生 of the cohort's entry year: reported, or projected when the cohort has not reached its entry grade. */
  entrants: number;
  entrantsProjected: boolean;
  /** Net transfers as a share of the cohort's 招生 (recent years; 0 when none are reported). */
  transferShare: number;
  /** Entrants × (1 + transfer share). */
  denominator: number;
  /** The projected rate (%), capped. */
  value: number;
}

/** Σ top(Y) ÷ Σ bottom(Y − 1) over the recent years where both are known and the bottom is positive. */
function pooledRatio(
  byYear: ReadonlyMap<number, CohortYear>,
  years: readonly number[],
  top: (y: CohortYear) => number | null,
  bottom: (y: CohortYear) => number | null,
  lag: number,
): number | null {
  let t = 0;
  let b = 0;
  for (const year of years) {
    const now = byYear.get(year);
    const before = byYear.get(year - lag);
    const x = now === undefined ? null : top(now);
    const d = before === undefined ? null : bottom(before);
    if (x !== null && d !== null && d > 0) {
      t += x;
      b += d;
    }
  }
  return b > 0 ? t / b : null;
}

/**
 * Projects a 巩固率 (graduates × 100 ÷ (entry-year 招生 + net transfers)) to `targetYear` by cohort flow:
 * - the graduates of the target year are the cohort now (latest year L) in grade 9 − (targetYear − L);
 *   their number is carried up one grade a year by the pooled retention Σ grade g+1 (Y) ÷ Σ grade g (Y−1)
 *   of the last `ratioYears` years, then times the pooled graduation ratio Σ graduates (Y) ÷ Σ 九年级 (Y−1);
 * - the base is the reported 招生 of the entry year when that year has passed, else the cohort carried
 *   up to the grade before entry times the pooled Σ 招生 (Y) ÷ Σ grade before entry (Y−1);
 * - net transfers add their recent share Σ net transfers ÷ Σ cohort 招生 of the base.
 * Null when the target year is not after L, when the cohort has not yet entered 一年级 (more than nine
 * years ahead), or when a figure it needs is missing — the caller then falls back to the trend.
 */
export function projectCohortRate(
  history: readonly CohortYear[],
  targetYear: number,
  spec: CohortRateSpec,
  options: CohortProjectionOptions = {},
): CohortProjection | null {
  const ratioYears = options.ratioYears ?? 3;
  const last = COMPULSORY_GRADES - 1;
  const byYear = new Map(history.map((h) => [h.year, h]));
  const latest = [...history]
    .filter((h) => h.grades.some((g) => g !== null))
    .reduce<CohortYear | undefined>((a, h) => (a === undefined || h.year > a.year ? h : a), undefined);
  if (latest === undefined) {
    return null;
  }
  const ahead = targetYear - latest.year;
  const fromGrade = COMPULSORY_GRADES - ahead;
  if (ahead < 1 || fromGrade < 0) {
    return null;
  }
  const pupils = latest.grades[fromGrade] ?? null;
  if (pupils === null) {
    return null;
  }
  const recent = Array.from({ length: ratioYears }, (_, i) => latest.year - i);
  const survival: number[] = [];
  for (let g = fromGrade; g < last; g++) {
    const s = pooledRatio(
      byYear,
      recent,
      (y) => y.grades[g + 1] ?? null,
      (y) => y.grades[g] ?? null,
      1,
    );
    if (s === null) {
      return null;
    }
    survival.push(s);
  }
  const graduation = pooledRatio(
    byYear,
    recent,
    (y) => y.graduates,
    (y) => y.grades[last] ?? null,
    1,
  );
  if (graduation === null) {
    return null;
  }
  const carried = (steps: number): number => survival.slice(0, steps).reduce((p, s) => p * s, pupils);
  const numerator = carried(survival.length) * graduation;

  const entryYear = targetYear - (COMPULSORY_GRADES - spec.entryGrade);
  let entrants: number | null;
  const entrantsProjected = entryYear > latest.year;
  if (entrantsProjected) {
    // The cohort is still below its entry grade (小学 for the 3-year 巩固率): carry it to the grade
    // before entry and apply the usual 招生 ratio (pupils coming from elsewhere included).
    const entry = pooledRatio(
      byYear,
      recent,
      (y) => y.entrants,
      (y) => y.grades[spec.entryGrade - 1] ?? null,
      1,
    );
    entrants = entry === null ? null : carried(spec.entryGrade - 1 - fromGrade) * entry;
  } else {
    entrants = byYear.get(entryYear)?.entrants ?? null;
  }
  if (entrants === null) {
    return null;
  }
  const transferShare =
    pooledRatio(
      byYear,
      recent,
      (y) => y.netTransfers,
      (y) => y.cohortEntrants,
      0,
    ) ?? 0;
  const denominator = entrants * (1 + transferShare);
  if (!(denominator > 0)) {
    return null;
  }
  return {
    targetYear,
    fromYear: latest.year,
    fromGrade,
    pupils,
    survival,
    graduation,
    numerator,
    entrants,
    entrantsProjected,
    transferShare,
    denominator,
    value: Math.min(spec.cap, (numerator * 100) / denominator),
  };
}

/** Where the statistics of one cohort indicator come from, in the indicator language. */
export interface CohortIndicatorSource extends CohortRateSpec {
  /** 招生 of the entry grade. */
  entrants: string;
  /** The graduating cohort's entry-year 招生 (with its lag). */
  cohortEntrants: string;
  /** The graduating cohort's net cumulative transfers. */
  netTransfers: string;
}

/** The catalogue's cohort-defined indicators (codes of catalogue.ts) and how to read their cohorts. */
export const COHORT_INDICATORS: Readonly<Record<string, CohortIndicatorSource>> = {
  "compulsory-retention-rate": {
    entryGrade: 0,
    cap: 100,
    entrants: "entrants.primary",
    cohortEntrants: "entrants.primary@-9",
    netTransfers: "cohort.compulsory.transfersIn - cohort.compulsory.transfersOut",
  },
  "junior-retention-rate": {
    entryGrade: 6,
    cap: 100,
    entrants: "entrants.junior",
    cohortEntrants: "entrants.junior@-3",
    netTransfers: "cohort.junior.transfersIn - cohort.junior.transfersOut",
  },
};

/** Whether an indicator is projected by cohort flow rather than by trend. */
export function isCohortIndicator(code: string): boolean {
  return Object.hasOwn(COHORT_INDICATORS, code);
}

const GRADE_ELEMENTS = [
  ...[1, 2, 3, 4, 5, 6].map((g) => `pupils.primary.g${String(g)}`),
  ...[1, 2, 3].map((g) => `pupils.junior.g${String(g)}`),
];

const inputCode = (indicator: string, part: string): string => `cohort-input.${indicator}.${part}`;

/**
 * Helper indicators that read a cohort indicator's inputs (grade counts, 招生, 毕业生, transfers) from
 * the same statistic rows the indicator engine uses; evaluate them, then build the history with
 * {@link cohortHistory}. Empty for an indicator that is not cohort-defined.
 */
export function cohortInputDefinitions(indicatorCode: string): IndicatorDefinition[] {
  const source = COHORT_INDICATORS[indicatorCode];
  if (source === undefined) {
    return [];
  }
  const parts: [string, string][] = [
    ...GRADE_ELEMENTS.map((e, i): [string, string] => [`g${String(i + 1)}`, `sum(${e})`]),
    ["entrants", `sum(${source.entrants})`],
    ["graduates", "sum(graduates.junior)"],
    ["cohortEntrants", `sum(${source.cohortEntrants})`],
    ["netTransfers", `sum(${source.netTransfers})`],
  ];
  return parts.map(([part, expression]) => ({
    code: inputCode(indicatorCode, part),
    name: `${indicatorCode} 队列推算输入 ${part}`,
    unit: "人",
    expression,
    direction: "higher",
    display: "number",
    decimals: 0,
    source: "cohort projection input",
  }));
}

/**
 * The cohort history of one unit from the evaluated {@link cohortInputDefinitions}: `valueOf(code, year)`
 * returns a helper indicator's value for the unit (null when not computed).
 */
export function cohortHistory(
  indicatorCode: string,
  years: readonly number[],
  valueOf: (code: string, year: number) => number | null,
): CohortYear[] {
  const v = (part: string, year: number) => valueOf(inputCode(indicatorCode, part), year);
  return years.map((year) => ({
    year,
    grades: GRADE_ELEMENTS.map((_, i) => v(`g${String(i + 1)}`, year)),
    entrants: v("entrants", year),
    graduates: v("graduates", year),
    cohortEntrants: v("cohortEntrants", year),
    netTransfers: v("netTransfers", year),
  }));
}
