/**
 * 演示统计数据: school statistics 2016–2024 for every school of the demo county (平凉市崆峒区), a 招生
 * history for cohort formulas, and 乡镇 population by single year of age. Deterministic for a seed.
 * Shapes come from the school profiles (small shrinking village schools and 教学点, crowded city schools
 * with 大班额); totals are then calibrated so that the indicator engine reproduces the 2020 figures of
 * the county's 十四五 plan (fixtures/seeds/000_0be9ef1e3056036c.txt).
 */
import type { DemoCounty } from "../demo/demo-county.ts";
import type { SchoolAttributes } from "../org/org-unit.ts";
import { denominatorForRate, largestRemainder, largestRemainderWithFloor } from "./demo-allocate.ts";
import { demoPopulation, type RatePaths } from "./demo-population.ts";
import {
  DEMO_STATS_REFERENCE_YEAR as REF,
  classCapIn,
  gradePupils,
  levelTotal,
  schoolModel,
  splitIntoClasses,
  type LevelModel,
  type SchoolModel,
} from "./demo-school-model.ts";
import { schoolYearValues, type SchoolCalibration } from "./demo-school-year.ts";
import { GRADE_LABELS, type EduLevel } from "./levels.ts";
import type { PopulationRecord, SchoolYearRecord } from "./records.ts";

/**
 * The 2020 figures the plan publishes (§一(一) and §一(二)7): 在校生 85,905 = 学前 17,909 + 小学 39,091 +
 * 初中 18,381 + 高中 10,327 + 特殊教育 176 + 特教学校附设中职班 21; 教职工 7,037, 专任教师 6,322;
 * 毛入园率 94.08%, 九年义务教育巩固率 97.89%, 高中阶段毛入学率 95.02%, 生机比 6:1.
 */
export const DEMO_PUBLISHED_2020 = {
  pupils: { preschool: 17909, primary: 39091, junior: 18381, senior: 10327, special: 176, vocational: 21 },
  totalPupils: 85905,
  staff: 7037,
  fullTimeTeachers: 6322,
  preschoolGrossEnrolmentRate: 94.08,
  compulsoryRetentionRate: 97.89,
  seniorGrossEnrolmentRate: 95.02,
  studentsPerComputer: 6,
} as const satisfies { pupils: Readonly<Record<EduLevel, number>> } & Record<string, unknown>;

/**
 * Rate paths of the demo (%): 2020 as published; 2015 is 2020 minus the plan's "较十二五末分别提高
 * 23.58、9.89、8.92个百分点" (70.50, 88.00, 86.10); later years approach the 2025 targets (95, 98, 95.5).
 */
export const DEMO_RATE_PATHS: RatePaths & { retention: Readonly<Record<number, number>> } = {
  preschool: {
    2016: 76.2,
    2017: 81.5,
    2018: 86.9,
    2019: 91.0,
    2020: 94.08,
    2021: 94.6,
    2022: 95.1,
    2023: 95.4,
    2024: 95.7,
  },
  senior: {
    2016: 88.0,
    2017: 89.9,
    2018: 91.8,
    2019: 93.5,
    2020: 95.02,
    2021: 95.2,
    2022: 95.4,
    2023: 95.5,
    2024: 95.6,
  },
  retention: {
    2016: 90.1,
    2017: 92.4,
    2018: 94.6,
    2019: 96.3,
    2020: 97.89,
    2021: 98.1,
    2022: 98.3,
    2023: 98.5,
    2024: 98.6,
  },
};

/** Default years: the 十三五 and 十四五 years with full statistics. */
export const DEMO_STATS_YEARS: readonly number[] = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

/** The generated statistics. */
export interface DemoStatistics {
  seed: number;
  years: readonly number[];
  /** One full record per school and year. */
  records: SchoolYearRecord[];
  /** 招生-only records of earlier years (9 years back for 九年义务教育巩固率, 3 for 初中三年巩固率). */
  enrolmentHistory: SchoolYearRecord[];
  /** One record per 乡镇（街道） and year. */
  population: PopulationRecord[];
}

/** Pupils per 专任教师 and 专任教师 per class the raw teacher numbers start from. */
const PUPILS_PER_TEACHER: Readonly<Record<EduLevel, number>> = {
  preschool: 17,
  primary: 19,
  junior: 13.5,
  senior: 12.5,
  vocational: 7,
  special: 4,
};
const TEACHERS_PER_CLASS: Readonly<Record<EduLevel, number>> = {
  preschool: 1.6,
  primary: 1.3,
  junior: 2.2,
  senior: 2.6,
  vocational: 1,
  special: 1.5,
};

interface Part {
  model: SchoolModel;
  level: LevelModel;
}

/** Calibrates 2020 pupils by level, teachers, staff and computers to the published totals. */
function calibrate(models: readonly SchoolModel[]): Map<string, SchoolCalibration> {
  const cals = new Map<string, SchoolCalibration>(
    models.map((m) => [
      m.code,
      { grades2020: new Map(), teachers2020: new Map(), nonTeaching: 0, computers2020: 0 },
    ]),
  );
  const parts: Part[] = models.flatMap((model) => model.levels.map((level) => ({ model, level })));
  const totals = new Map<Part, number>();
  for (const level of Object.keys(DEMO_PUBLISHED_2020.pupils) as EduLevel[]) {
    const of = parts.filter((p) => p.level.level === level);
    const target = DEMO_PUBLISHED_2020.pupils[level];
    const exact = largestRemainderWithFloor(
      of.map((p) => p.level.base),
      target,
      Math.min(3, Math.floor(target / Math.max(1, of.length))),
    );
    of.forEach((p, i) => {
      const t = exact[i] ?? 0;
      totals.set(p, t);
      p.level.scale *= p.level.base > 0 ? t / p.level.base : 0;
      const raw =
        p.level.taught === 0
          ? [1]
          : GRADE_LABELS[level].map((_, g) => gradePupils(p.model, p.level, REF, g + 1));
      cals.get(p.model.code)?.grades2020.set(level, largestRemainder(raw, t));
    });
  }
  // 专任教师: max(classes × teachers per class, pupils ÷ ratio), scaled to 6,322.
  const rawTeachers = parts.map((p) => {
    const grades = cals.get(p.model.code)?.grades2020.get(p.level.level) ?? [];
    const classes = grades.reduce((s, g) => s + splitIntoClasses(g, classCapIn(p.level, REF)).length, 0);
    const pupils = totals.get(p) ?? 0;
    const ratio = PUPILS_PER_TEACHER[p.level.level] * (p.model.profile.urbanRural === "rural" ? 0.75 : 1);
    return pupils === 0 ? 0 : Math.max(classes * TEACHERS_PER_CLASS[p.level.level], pupils / ratio);
  });
  const teachers = largestRemainderWithFloor(rawTeachers, DEMO_PUBLISHED_2020.fullTimeTeachers, 1);
  parts.forEach((p, i) => cals.get(p.model.code)?.teachers2020.set(p.level.level, teachers[i] ?? 0));
  // 教职工 who do not teach: 7,037 − 6,322, mostly in the big schools (教学点 have none).
  const schoolPupils = new Map<SchoolModel, number>();
  for (const [p, t] of totals) {
    schoolPupils.set(p.model, (schoolPupils.get(p.model) ?? 0) + t);
  }
  const pupilsOf = (m: SchoolModel): number => schoolPupils.get(m) ?? 0;
  const nonTeaching = largestRemainder(
    models.map((m) => (m.school.schoolType === "teachingPoint" ? 0 : pupilsOf(m) ** 1.1)),
    DEMO_PUBLISHED_2020.staff - DEMO_PUBLISHED_2020.fullTimeTeachers,
  );
  models.forEach((m, i) => {
    const c = cals.get(m.code);
    if (c) {
      c.nonTeaching = nonTeaching[i] ?? 0;
    }
  });
  // 学生用计算机: 中小学在校生 ÷ 6, spread by pupils and resource level.
  const k12 = (m: SchoolModel): number =>
    m.levels
      .filter((l) => l.level === "primary" || l.level === "junior" || l.level === "senior")
      .reduce((s, l) => s + levelTotal(m, l, REF), 0);
  const pupilsK12 =
    DEMO_PUBLISHED_2020.pupils.primary +
    DEMO_PUBLISHED_2020.pupils.junior +
    DEMO_PUBLISHED_2020.pupils.senior;
  const computers = largestRemainder(
    models.map((m) => k12(m) * m.profile.resourceLevel),
    Math.round(pupilsK12 / DEMO_PUBLISHED_2020.studentsPerComputer),
  );
  models.forEach((m, i) => {
    const c = cals.get(m.code);
    if (c) {
      c.computers2020 = m.school.schoolType === "special" ? 24 : (computers[i] ?? 0);
    }
  });
  return cals;
}

/**
 * 招生 history for the 9-year cohort: for each year y, primary 招生 of y − 9 such that
 * graduates ÷ (招生 + 累计转入 − 累计转出) rounds to the path's 巩固率 (exactly the plan's 97.89% in 2020).
 * When no integer denominator rounds right, one graduate is added or removed at the largest junior school.
 */
function retentionHistory(
  models: readonly SchoolModel[],
  records: SchoolYearRecord[],
  years: readonly number[],
): Map<string, number> {
  const history = new Map<string, number>();
  const primaryParts = models.flatMap((model) =>
    model.levels.filter((l) => l.level === "primary").map((level) => ({ model, level })),
  );
  for (const y of years) {
    const ofYear = records.filter((r) => r.year === y);
    const sum = (code: string): number => ofYear.reduce((s, r) => s + (r.values[code] ?? 0), 0);
    const net = sum("cohort.compulsory.transfersIn") - sum("cohort.compulsory.transfersOut");
    const rate = DEMO_RATE_PATHS.retention[y] ?? 98;
    const biggest = ofYear.reduce<SchoolYearRecord | undefined>(
      (b, r) => ((r.values["graduates.junior"] ?? 0) > (b?.values["graduates.junior"] ?? 0) ? r : b),
      undefined,
    );
    let graduates = sum("graduates.junior");
    let d = denominatorForRate(graduates, rate);
    for (let k = 1; d === null && biggest !== undefined && k <= 10; k++) {
      const delta = k % 2 === 1 ? (k + 1) / 2 : -k / 2;
      const adjusted = graduates + delta;
      d = denominatorForRate(adjusted, rate);
      if (d !== null) {
        (biggest.values as Record<string, number>)["graduates.junior"] =
          (biggest.values["graduates.junior"] ?? 0) + delta;
        graduates = adjusted;
      }
    }
    const entrants = (d ?? Math.round((graduates * 100) / rate)) - net;
    const weights = primaryParts.map((p) => gradePupils(p.model, p.level, y - 9, 1));
    largestRemainder(weights, entrants).forEach((e, i) => {
      const code = primaryParts[i]?.model.code ?? "";
      history.set(`${code}|${y - 9}`, e);
    });
  }
  return history;
}

/**
 * Generates the demo county's statistics for `years` (default 2016–2024). Calibration always uses 2020;
 * when 2020 is among the years, the engine reproduces {@link DEMO_PUBLISHED_2020} from the records.
 */
export function generateDemoStatistics(
  county: DemoCounty,
  years: readonly number[] = DEMO_STATS_YEARS,
  seed: number = county.seed,
): DemoStatistics {
  const s = seed >>> 0;
  const schools = county.units.filter(
    (u): u is typeof u & { school: SchoolAttributes } => u.school !== undefined,
  );
  const models: SchoolModel[] = [];
  for (const u of schools) {
    const profile = county.profiles[u.code];
    if (profile !== undefined) {
      models.push(schoolModel(s, u.code, u.school, profile));
    }
  }
  const cals = calibrate(models);
  const sorted = [...years].sort((a, b) => a - b);
  const records: SchoolYearRecord[] = [];
  for (const y of sorted) {
    for (const m of models) {
      const cal = cals.get(m.code);
      if (cal !== undefined) {
        records.push({ schoolCode: m.code, year: y, values: schoolYearValues(m, y, cal) });
      }
    }
  }
  // 招生 history: primary 9 years back (calibrated), junior 3 years back (from the model).
  const history = retentionHistory(models, records, sorted);
  const first = sorted[0] ?? REF;
  const historyYears = [...new Set([...history.keys()].map((k) => Number(k.split("|")[1])))].filter(
    (h) => h < first,
  );
  for (let h = first - 3; h < first; h++) {
    if (!historyYears.includes(h)) {
      historyYears.push(h);
    }
  }
  const enrolmentHistory: SchoolYearRecord[] = [];
  for (const h of historyYears.sort((a, b) => a - b)) {
    for (const m of models) {
      const values: Record<string, number> = {};
      const e = history.get(`${m.code}|${h}`);
      if (e !== undefined) {
        values["entrants.primary"] = e;
      }
      for (const l of m.levels) {
        if (l.level === "junior" && h >= first - 3) {
          values["entrants.junior"] = Math.round(gradePupils(m, l, h, 1));
        }
      }
      if (Object.keys(values).length > 0) {
        enrolmentHistory.push({ schoolCode: m.code, year: h, values });
      }
    }
  }
  const townships = county.units.filter((u) => u.kind === "township").map((u) => u.code);
  const schoolTownship = new Map(models.map((m) => [m.code, m.townshipCode]));
  const population = demoPopulation(s, townships, schoolTownship, records, sorted, DEMO_RATE_PATHS);
  return { seed: s, years: sorted, records, enrolmentHistory, population };
}
