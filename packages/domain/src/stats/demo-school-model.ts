/**
 * The hidden enrolment model of one demo school: per level, a yearly intake I(y) drifting with the
 * school's `enrolmentTrend`, and a survival factor s per grade step (villages lose pupils to the town,
 * city schools gain them). Pupils in grade g in year y = scale × I(y − g + 1) × s^(g−1), so entrants,
 * grades, graduates and transfers of different years agree with each other.
 */
import { createRng, hashSeed, type Rng } from "../demo/prng.ts";
import type { SchoolProfile, SizeClass } from "../demo/profiles.ts";
import type { SchoolAttributes } from "../org/org-unit.ts";
import { GRADE_LABELS, type EduLevel } from "./levels.ts";

/** The reference year of the calibration (the plan's 2020 figures). */
export const DEMO_STATS_REFERENCE_YEAR = 2020;

/** One level of a school. */
export interface LevelModel {
  level: EduLevel;
  /** Grades actually taught (教学点 stop after 四年级); 0 for 特殊教育 (counted as a whole). */
  taught: number;
  /** Multiplier turning the unit intake into pupils; set by calibration. */
  scale: number;
  trend: number;
  survival: number;
  /** Share of the top grade who graduate (the rest repeat or drop out). */
  graduation: number;
  /** Class size a school aims at in 2020 (crowded schools above the 45/50 standard). */
  classCap: number;
  /** Raw 2020 size before calibration. */
  base: number;
}

/** The model of one school. */
export interface SchoolModel {
  code: string;
  townshipCode: string;
  school: SchoolAttributes;
  profile: SchoolProfile;
  levels: LevelModel[];
  seed: number;
}

const SIZE_RANGES: Readonly<Record<string, Readonly<Record<SizeClass, [number, number]>>>> = {
  preschool: { tiny: [18, 45], small: [60, 120], medium: [150, 260], large: [280, 420], xlarge: [420, 560] },
  primary: {
    tiny: [25, 70],
    small: [90, 260],
    medium: [300, 650],
    large: [1000, 1700],
    xlarge: [1900, 2700],
  },
  junior: {
    tiny: [60, 120],
    small: [180, 420],
    medium: [480, 900],
    large: [1100, 1700],
    xlarge: [1700, 2400],
  },
  senior: {
    tiny: [300, 500],
    small: [500, 900],
    medium: [900, 1500],
    large: [1500, 2500],
    xlarge: [2400, 3400],
  },
};

/** Nominal class size of the national standard: 小学 45, 中学 50, 幼儿园 30 (mixed ages). */
const NOMINAL_CLASS: Readonly<Record<EduLevel, number>> = {
  preschool: 30,
  primary: 45,
  junior: 50,
  senior: 50,
  vocational: 40,
  special: 10,
};

/** Deterministic noise for one (school, concern, year): independent of draw order. */
export function noise(seed: number, code: string, concern: string, year: number, spread: number): number {
  const rng = createRng(hashSeed(seed, "stats", code, concern, year));
  return 1 + (rng.next() * 2 - 1) * spread;
}

/** The unit intake of a level in a year: (1 + trend)^(y − 2020) × yearly noise. */
function intake(m: SchoolModel, l: LevelModel, year: number): number {
  return (
    (1 + l.trend) ** (year - DEMO_STATS_REFERENCE_YEAR) *
    noise(m.seed, m.code, `intake-${l.level}`, year, 0.04)
  );
}

/** Unrounded pupils of grade g (1-based) in a year. */
export function gradePupils(m: SchoolModel, l: LevelModel, year: number, g: number): number {
  if (g > l.taught) {
    return 0;
  }
  return l.scale * intake(m, l, year - g + 1) * l.survival ** (g - 1);
}

/** Unrounded total of a level in a year (特殊教育: scale grown by trend). */
export function levelTotal(m: SchoolModel, l: LevelModel, year: number): number {
  if (l.taught === 0) {
    return l.scale * (1 + l.trend) ** (year - DEMO_STATS_REFERENCE_YEAR);
  }
  let s = 0;
  for (let g = 1; g <= l.taught; g++) {
    s += gradePupils(m, l, year, g);
  }
  return s;
}

function levelsOf(school: SchoolAttributes): { level: EduLevel; share: number }[] {
  switch (school.schoolType) {
    case "kindergarten":
      return [{ level: "preschool", share: 1 }];
    case "primary":
    case "teachingPoint":
      return [{ level: "primary", share: 1 }];
    case "junior":
      return [{ level: "junior", share: 1 }];
    case "nineYear":
      return [
        { level: "primary", share: 1 },
        { level: "junior", share: 0.45 },
      ];
    case "twelveYear":
      return [
        { level: "primary", share: 1 },
        { level: "junior", share: 0.5 },
        { level: "senior", share: 0.4 },
      ];
    case "completeSecondary":
      return [
        { level: "junior", share: 1 },
        { level: "senior", share: 1.7 },
      ];
    case "senior":
      return [{ level: "senior", share: 1 }];
    case "special":
      return [
        { level: "special", share: 1 },
        { level: "vocational", share: 0.12 },
      ];
    case "vocational":
      return [{ level: "vocational", share: 1 }];
  }
}

function survivalOf(rng: Rng, p: SchoolProfile, level: EduLevel): number {
  if (level === "preschool" || level === "special" || level === "vocational") {
    return 1;
  }
  switch (p.urbanRural) {
    case "urban":
      return rng.between(1.0, 1.025);
    case "town":
      return rng.between(0.985, 1.005);
    case "rural":
      return rng.between(0.95, 0.985);
  }
}

/** Builds the (uncalibrated) model of a school from its profile. */
export function schoolModel(
  seed: number,
  code: string,
  school: SchoolAttributes,
  profile: SchoolProfile,
): SchoolModel {
  const rng = createRng(hashSeed(seed, "stats-model", code));
  const isTeachingPoint = school.schoolType === "teachingPoint";
  const levels = levelsOf(school).map(({ level, share }): LevelModel => {
    const ranges = SIZE_RANGES[level === "vocational" || level === "special" ? "senior" : level];
    const [lo, hi] = isTeachingPoint ? [6, 30] : (ranges?.[profile.sizeClass] ?? [20, 60]);
    const base = level === "special" ? 170 : level === "vocational" ? 20 : rng.between(lo, hi) * share;
    const crowd = profile.crowdedness;
    return {
      level,
      taught: isTeachingPoint ? 4 : GRADE_LABELS[level].length,
      scale: 1,
      trend: level === "special" ? 0.03 : profile.enrolmentTrend,
      survival: survivalOf(rng, profile, level),
      graduation: level === "junior" || level === "senior" ? rng.between(0.975, 0.998) : rng.between(0.99, 1),
      classCap: NOMINAL_CLASS[level] * (crowd > 1 ? crowd ** 1.1 : 1),
      base,
    };
  });
  const model: SchoolModel = { code, townshipCode: profile.townshipCode, school, profile, levels, seed };
  for (const l of levels) {
    const unit = levelTotal(model, l, DEMO_STATS_REFERENCE_YEAR);
    l.scale = unit > 0 ? l.base / unit : 0;
  }
  return model;
}

/**
 * Splits `total` pupils of a grade over classes aiming at `cap` per class: returns the class sizes
 * (as even as possible). A grade with pupils always has at least one class.
 */
export function splitIntoClasses(total: number, cap: number): number[] {
  if (total <= 0) {
    return [];
  }
  const n = Math.max(1, Math.ceil(total / cap));
  const small = Math.floor(total / n);
  const big = total - small * n;
  return Array.from({ length: n }, (_, i) => (i < big ? small + 1 : small));
}

/** The class cap of a level in a year: crowding eases over the years (改薄, new city schools). */
export function classCapIn(l: LevelModel, year: number): number {
  const easing = 1.1 - 0.025 * (year - 2016);
  return l.classCap > NOMINAL_CLASS[l.level]
    ? Math.max(l.classCap * easing, NOMINAL_CLASS[l.level] * 0.9)
    : l.classCap;
}
