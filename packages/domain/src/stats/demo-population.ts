/**
 * Demo 乡镇人口 by single year of age: the denominators of 毛入园率 and 毛入学率. County totals are set so
 * that the published rates come out (exactly in 2020, by the rounding rule of published figures); they
 * are spread over the townships in proportion to where the pupils of that age group go to school.
 */
import { hashSeed, createRng } from "../demo/prng.ts";
import { denominatorForRate, largestRemainder } from "./demo-allocate.ts";
import { POPULATION_AGES } from "./data-elements.ts";
import type { PopulationRecord, SchoolYearRecord } from "./records.ts";

/** Yearly rate paths (%) the demo follows; 2020 values are the plan's, earlier years rise from 2015's. */
export interface RatePaths {
  preschool: Readonly<Record<number, number>>;
  senior: Readonly<Record<number, number>>;
}

const AGE_GROUPS: readonly {
  from: number;
  to: number;
  pupils: readonly string[];
  rate: (y: number, r: RatePaths) => number;
}[] = [
  { from: 0, to: 2, pupils: ["pupils.preschool"], rate: (y, r) => (r.preschool[y] ?? 95) * 1.03 },
  { from: 3, to: 5, pupils: ["pupils.preschool"], rate: (y, r) => r.preschool[y] ?? 95 },
  { from: 6, to: 11, pupils: ["pupils.primary"], rate: (y) => 99.6 + 0.15 * (y - 2016) },
  { from: 12, to: 14, pupils: ["pupils.junior"], rate: (y) => 97.8 + 0.35 * (y - 2016) },
  { from: 15, to: 17, pupils: ["pupils.senior", "pupils.vocational"], rate: (y, r) => r.senior[y] ?? 95 },
];

/**
 * Population records of every township for each year. `schoolTownship` maps a school code to its
 * township; `townships` lists the township codes in order.
 */
export function demoPopulation(
  seed: number,
  townships: readonly string[],
  schoolTownship: ReadonlyMap<string, string>,
  records: readonly SchoolYearRecord[],
  years: readonly number[],
  paths: RatePaths,
): PopulationRecord[] {
  const out: PopulationRecord[] = [];
  for (const year of years) {
    const values = townships.map((): Record<string, number> => ({}));
    const ofYear = records.filter((r) => r.year === year);
    for (const group of AGE_GROUPS) {
      const byTownship = townships.map(() => 0);
      let numerator = 0;
      for (const r of ofYear) {
        const t = townships.indexOf(schoolTownship.get(r.schoolCode) ?? "");
        const n = group.pupils.reduce((s, c) => s + (r.values[c] ?? 0), 0);
        numerator += n;
        if (t >= 0) {
          byTownship[t] = (byTownship[t] ?? 0) + n;
        }
      }
      const rate = group.rate(year, paths);
      const total = denominatorForRate(numerator, rate) ?? Math.round((numerator * 100) / rate);
      const rng = createRng(hashSeed(seed, "population", group.from, year));
      // Children of the streets' schools come from everywhere: flatten the weights a little.
      const weights = byTownship.map((n) => (n + 50) * rng.between(0.9, 1.1));
      const perTownship = largestRemainder(weights, total);
      const ages = POPULATION_AGES.filter((a) => a >= group.from && a <= group.to);
      perTownship.forEach((n, t) => {
        // Younger cohorts are a little smaller (births fell through the 2010s).
        const split = largestRemainder(
          ages.map((a) => 1 + 0.02 * (a - group.from)),
          n,
        );
        ages.forEach((a, i) => {
          const row = values[t];
          if (row !== undefined) {
            row[`population.age${a}`] = split[i] ?? 0;
          }
        });
      });
    }
    townships.forEach((code, t) => {
      out.push({ areaCode: code, year, values: values[t] ?? {} });
    });
  }
  return out;
}
