/**
 * Test helpers shared by the evaluation tests: school builders and the spec-case fixtures (spec §5).
 * Not exported from index.ts; benchmarks reach it as `@luoshi/domain/evaluation/testing`.
 */
import type { SchoolType } from "../org/index.ts";
import type { BalanceSchool } from "./resource-indicators.ts";

/** Figures of a single-level school, per 100 pupils / per pupil, scaled by its pupils. */
export interface SchoolSpec {
  code: string;
  type?: SchoolType;
  primary?: number;
  junior?: number;
  senior?: number;
  /** Indicator values per pupil part (teachers per 100, m² per pupil …), same for both 学段. */
  values?: Partial<Record<keyof typeof DEFAULT_VALUES, number>>;
  parentCode?: string;
}

/** Values comfortably above every national threshold. */
export const DEFAULT_VALUES = {
  qualifiedTeachers: 6,
  backboneTeachers: 1.5,
  peArtTeachers: 1.2,
  teachingFloorArea: 7,
  sportsArea: 12,
  equipmentValue: 3000,
  multimediaClassrooms: 3,
};

/** Builds a {@link BalanceSchool} whose indicator values are `values` (exactly, for integral counts). */
export function school(spec: SchoolSpec): BalanceSchool {
  const v = { ...DEFAULT_VALUES, ...spec.values };
  const primary = spec.primary ?? 0;
  const junior = spec.junior ?? 0;
  const senior = spec.senior ?? 0;
  const all = primary + junior;
  const s: BalanceSchool = {
    code: spec.code,
    name: `学校${spec.code}`,
    schoolType: spec.type ?? (junior > 0 ? "junior" : "primary"),
    students: { primary, junior, senior },
    qualifiedTeachers: {
      primary: (v.qualifiedTeachers * primary) / 100,
      junior: (v.qualifiedTeachers * junior) / 100,
    },
    backboneTeachers: {
      primary: (v.backboneTeachers * primary) / 100,
      junior: (v.backboneTeachers * junior) / 100,
    },
    peArtTeachers: { primary: (v.peArtTeachers * primary) / 100, junior: (v.peArtTeachers * junior) / 100 },
    teachingFloorArea: v.teachingFloorArea * all,
    sportsArea: v.sportsArea * all,
    equipmentValue: v.equipmentValue * all,
    multimediaClassrooms: (v.multimediaClassrooms * all) / 100,
  };
  if (spec.parentCode !== undefined) {
    s.parentCode = spec.parentCode;
  }
  return s;
}

/** A tiny seeded generator (mulberry32) for reproducible synthetic counties in tests. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic county with integral counts: mostly 小学 and 初中, some 九年一贯制, 完全中学 and 教学点,
 * with indicator values spread around the thresholds (some schools fail, some CVs fail).
 */
export function syntheticCounty(random: () => number, size: number, prefix = ""): BalanceSchool[] {
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const around = (x: number, spread: number): number => x * (1 - spread + 2 * spread * random());
  return Array.from({ length: size }, (_, i): BalanceSchool => {
    const r = random();
    const schoolType: SchoolType =
      r < 0.5
        ? "primary"
        : r < 0.75
          ? "junior"
          : r < 0.85
            ? "nineYear"
            : r < 0.9
              ? "completeSecondary"
              : "teachingPoint";
    const hasPrimary =
      schoolType === "primary" || schoolType === "nineYear" || schoolType === "teachingPoint";
    const hasJunior =
      schoolType === "junior" || schoolType === "nineYear" || schoolType === "completeSecondary";
    const primary = hasPrimary ? (schoolType === "teachingPoint" ? int(8, 90) : int(60, 2000)) : 0;
    const junior = hasJunior ? int(80, 1800) : 0;
    const senior = schoolType === "completeSecondary" ? int(100, 1500) : 0;
    const all = primary + junior;
    const teachers = (perHundred: number, pupils: number): number =>
      Math.round((around(perHundred, 0.3) * pupils) / 100);
    return {
      code: `${prefix}${String(4_100_000_000 + i)}`,
      name: `学校${i}`,
      schoolType,
      students: { primary, junior, senior },
      qualifiedTeachers: { primary: teachers(5.2, primary), junior: teachers(6.5, junior) },
      backboneTeachers: { primary: teachers(1.3, primary), junior: teachers(1.3, junior) },
      peArtTeachers: { primary: teachers(1.15, primary), junior: teachers(1.15, junior) },
      teachingFloorArea: Math.round(around(6.5, 0.3) * (all + senior)),
      sportsArea: Math.round(around(11, 0.35) * (all + senior)),
      equipmentValue: Math.round(around(3200, 0.85) * (all + senior)),
      multimediaClassrooms: Math.round((around(3, 0.3) * (all + senior)) / 100),
    };
  });
}
