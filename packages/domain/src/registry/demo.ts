/**
 * The demo county's registry: one synthetic pupil for every pupil the demo statistics count in `year`,
 * school by school and grade by grade (see synthetic.ts for how they are marked as synthetic).
 */
import type { DemoCounty } from "../demo/demo-county.ts";
import { PROVINCE, CITY, COUNTY, TOWNSHIPS } from "../demo/kongtong-data.ts";
import type { SchoolYearRecord } from "../stats/records.ts";
import type { StudentRecord } from "./record.ts";
import { generateSyntheticRegistry, gradeCountsFromStatistics, type SyntheticSchool } from "./synthetic.ts";

/** The demo registry's 学年 (the last year of the demo statistics). */
export const DEMO_REGISTRY_YEAR = 2024;

/** The demo registry for `year`, from the demo county and its statistics records of that year. */
export function demoRegistry(
  county: DemoCounty,
  records: readonly SchoolYearRecord[],
  year: number = DEMO_REGISTRY_YEAR,
): StudentRecord[] {
  const prefix = `${PROVINCE.name}${CITY.name}${COUNTY.name}`;
  const schools: SyntheticSchool[] = [];
  for (const u of county.units) {
    if (u.school === undefined) {
      continue;
    }
    const township = TOWNSHIPS.find((t) => t.code === county.profiles[u.code]?.townshipCode);
    const homes =
      township === undefined
        ? [prefix]
        : township.villages.length === 0
          ? [`${prefix}${township.name}`]
          : township.villages.map((v) => `${prefix}${township.name}${v}村`);
    schools.push({ code: u.code, schoolType: u.school.schoolType, urbanRural: u.school.urbanRural, homes });
  }
  return generateSyntheticRegistry({
    seed: county.seed,
    year,
    countyCode: county.countyCode,
    schools,
    counts: gradeCountsFromStatistics(records.filter((r) => r.year === year)),
  });
}
