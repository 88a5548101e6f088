/**
 * Synthetic school statistics that look like a real county's and are plainly made up: the values a
 * school of a type and size would report in a year, drawn with the seeded demo PRNG. The benchmarks'
 * synthetic province and the tests that set up a county from its school list use them.
 */
import { createRng, hashSeed, type Rng } from "../demo/prng.ts";
import type { OrgUnitSeed, SchoolType } from "../org/org-unit.ts";
import type { PopulationRecord, SchoolYearRecord } from "./records.ts";

function levelValues(v: Record<string, number>, rng: Rng, level: string, pupils: number, cap: number): void {
  const classes = Math.max(1, Math.ceil(pupils / cap));
  const size = pupils / classes;
  const big = size >= 56 ? classes : 0;
  v[`pupils.${level}`] = pupils;
  v[`classes.${level}`] = classes;
  if (level !== "preschool") {
    v[`classes.${level}.size36to45`] = classes - big;
    v[`classes.${level}.size56to65`] = big;
    v[`entrants.${level}`] = Math.round(pupils / 6);
    v[`graduates.${level}`] = Math.round((pupils / 6) * rng.between(0.95, 1));
    v[`dropouts.${level}`] = rng.int(0, 2);
  }
  const t = Math.max(1, Math.round(pupils / rng.between(12, 20)));
  const bachelor = Math.round(t * rng.between(0.5, 0.9));
  v[`teachers.fullTime.${level}`] = t;
  v[`teachers.bachelor.${level}`] = bachelor;
  v[`teachers.associate.${level}`] = t - bachelor;
  v[`teachers.certified.${level}`] = t - rng.int(0, 1);
  v[`teachers.backbone.${level}`] = Math.round(t * 0.1);
  if (level !== "preschool") {
    v[`teachers.pe.${level}`] = Math.round(t * 0.07);
    v[`teachers.music.${level}`] = Math.round(t * 0.04);
    v[`teachers.art.${level}`] = Math.round(t * 0.04);
  }
  if (level === "junior") {
    v["cohort.junior.transfersIn"] = rng.int(0, 5);
    v["cohort.junior.transfersOut"] = rng.int(0, 5);
    v["cohort.compulsory.transfersIn"] = rng.int(0, 9);
    v["cohort.compulsory.transfersOut"] = rng.int(0, 9);
  }
}

export function syntheticSchoolValues(
  rng: Rng,
  type: SchoolType,
  size: number,
  year: number,
): Record<string, number> {
  const v: Record<string, number> = {};
  const grow = 1 + 0.01 * (year - 2020);
  const p = Math.max(5, Math.round(size * grow));
  if (type === "kindergarten") {
    levelValues(v, rng, "preschool", p, 30);
    v.principals = 1;
    v["principals.certified"] = 1;
  }
  if (type === "primary" || type === "teachingPoint" || type === "nineYear") {
    levelValues(v, rng, "primary", p, 45);
  }
  if (type === "junior" || type === "nineYear" || type === "completeSecondary") {
    levelValues(v, rng, "junior", Math.round(p * 0.6), 50);
  }
  if (type === "senior" || type === "completeSecondary") {
    levelValues(v, rng, "senior", p, 50);
  }
  v["staff.total"] =
    Object.entries(v).reduce((s, [k, x]) => (k.startsWith("teachers.fullTime.") ? s + x : s), 0) + 2;
  v["area.teachingAux"] = Math.round(p * rng.between(3.5, 8));
  v["area.sportsGround"] = Math.round(p * rng.between(6, 14));
  v["equipment.value"] = Math.round(p * rng.between(1500, 4000));
  v["computers.pupil"] = Math.round(p / rng.between(4, 10));
  v["classrooms.multimedia"] = Math.round(p / 40);
  v["funding.publicBudget"] = p * 700;
  v["funding.training"] = Math.round(p * 700 * rng.between(0.03, 0.08));
  return v;
}

/** Statistics for a list of units: every school's records and every township's population by year. */
export interface SyntheticStatistics {
  records: SchoolYearRecord[];
  population: PopulationRecord[];
}

/**
 * Synthetic statistics of `years` for the schools and townships among `units` (for example a county
 * set up from its school list), the same for the same seed.
 */
export function syntheticStatistics(
  units: readonly OrgUnitSeed[],
  years: readonly number[],
  seed = 7,
): SyntheticStatistics {
  const records: SchoolYearRecord[] = [];
  const population: PopulationRecord[] = [];
  for (const u of units) {
    const rng = createRng(hashSeed(seed, u.code));
    if (u.school !== undefined) {
      const type = u.school.schoolType;
      const size =
        type === "teachingPoint" ? rng.int(5, 40) : rng.int(60, u.school.urbanRural === "rural" ? 400 : 2000);
      for (const year of years) {
        records.push({ schoolCode: u.code, year, values: syntheticSchoolValues(rng, type, size, year) });
      }
    } else if (u.kind === "township") {
      for (const year of years) {
        const values: Record<string, number> = {};
        for (let a = 0; a < 18; a++) {
          values[`population.age${a}`] = rng.int(200, 600);
        }
        population.push({ areaCode: u.code, year, values });
      }
    }
  }
  return { records, population };
}
