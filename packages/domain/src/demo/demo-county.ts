/**
 * 演示县: a deterministic 平凉市崆峒区 as it stood in 2020, for demos, screenshots and tests. Pure data:
 * the same seed gives byte-identical output. Later generators (school statistics 2016–2024 …) take the
 * returned county and a seed and read `profiles`; they never need this function to change.
 */
import {
  ORG_KINDS,
  OWNERSHIPS,
  SCHOOL_TYPES,
  URBAN_RURAL,
  type OrgKind,
  type OrgUnitSeed,
  type Ownership,
  type SchoolType,
  type UrbanRural,
} from "../org/org-unit.ts";
import { demoDepartments } from "./departments.ts";
import { CITY, COUNTY, PROVINCE, TOWNSHIPS } from "./kongtong-data.ts";
import { schoolProfile, type SchoolProfile } from "./profiles.ts";
import { placeDemoSchools } from "./schools.ts";

/** The seed used when none is given. */
export const DEFAULT_DEMO_SEED = 20201231;

/** The year the demo county describes (the plan's "目前" is 2020). */
export const DEMO_REFERENCE_YEAR = 2020;

/** Options of {@link generateDemoCounty}. */
export interface DemoCountyOptions {
  /** Any integer; taken modulo 2³². Defaults to {@link DEFAULT_DEMO_SEED}. */
  seed?: number;
}

/** Counts for tests and display. */
export interface DemoCountySummary {
  /** All units. */
  total: number;
  byKind: Record<OrgKind, number>;
  /** Schools by 办学类型 (教学点 counted apart from 小学). */
  bySchoolType: Record<SchoolType, number>;
  byOwnership: Record<Ownership, number>;
  byUrbanRural: Record<UrbanRural, number>;
  /** 普惠性幼儿园, 公办 and 民办 together. */
  inclusiveKindergartens: number;
}

/** The generated county. */
export interface DemoCounty {
  /** The seed actually used (unsigned 32-bit). */
  seed: number;
  referenceYear: number;
  /** 行政区划代码 of the county (620802). */
  countyCode: string;
  /** Every unit, each parent before its children. */
  units: OrgUnitSeed[];
  /** One profile per school, keyed by school code. */
  profiles: Record<string, SchoolProfile>;
  summary: DemoCountySummary;
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Counts units by kind, school type, ownership and location. */
export function summarizeUnits(units: readonly OrgUnitSeed[]): DemoCountySummary {
  const summary: DemoCountySummary = {
    total: units.length,
    byKind: zeroes(ORG_KINDS),
    bySchoolType: zeroes(SCHOOL_TYPES),
    byOwnership: zeroes(OWNERSHIPS),
    byUrbanRural: zeroes(URBAN_RURAL),
    inclusiveKindergartens: 0,
  };
  for (const u of units) {
    summary.byKind[u.kind] += 1;
    if (u.school) {
      summary.bySchoolType[u.school.schoolType] += 1;
      summary.byOwnership[u.school.ownership] += 1;
      summary.byUrbanRural[u.school.urbanRural] += 1;
      if (u.school.schoolType === "kindergarten" && u.school.isInclusive) {
        summary.inclusiveKindergartens += 1;
      }
    }
  }
  return summary;
}

/**
 * Generates the demo county: 甘肃省 → 平凉市 (with 市教育局, 市财政局) → 崆峒区 (with its departments and
 * 区教育局's 股室) → 18 乡镇（街道） → 357 schools, plus a profile per school and a summary.
 */
export function generateDemoCounty(options: DemoCountyOptions = {}): DemoCounty {
  const seed = (options.seed ?? DEFAULT_DEMO_SEED) >>> 0;
  const departments = demoDepartments();
  const schools = placeDemoSchools(seed);
  const units: OrgUnitSeed[] = [
    { code: PROVINCE.code, name: PROVINCE.name, kind: "province" },
    { code: CITY.code, name: CITY.name, kind: "city", parentCode: PROVINCE.code },
    ...departments.city,
    {
      code: COUNTY.code,
      name: COUNTY.name,
      kind: "county",
      parentCode: CITY.code,
      aliases: [COUNTY.fullName, "崆峒"],
    },
    ...departments.county,
    ...TOWNSHIPS.map((t): OrgUnitSeed => ({
      code: t.code,
      name: t.name,
      kind: "township",
      parentCode: COUNTY.code,
    })),
    ...schools.map((s): OrgUnitSeed => ({
      code: s.code,
      name: s.name,
      kind: "school",
      parentCode: s.townshipCode,
      ...(s.aliases ? { aliases: [...s.aliases] } : {}),
      school: {
        schoolType: s.schoolType,
        ownership: s.ownership,
        isInclusive: s.isInclusive,
        urbanRural: s.urbanRural,
        ...(s.parentSchoolCode ? { parentSchoolCode: s.parentSchoolCode } : {}),
      },
    })),
  ];
  const profiles: Record<string, SchoolProfile> = {};
  for (const s of schools) {
    profiles[s.code] = schoolProfile(seed, s);
  }
  return {
    seed,
    referenceYear: DEMO_REFERENCE_YEAR,
    countyCode: COUNTY.code,
    units,
    profiles,
    summary: summarizeUnits(units),
  };
}
