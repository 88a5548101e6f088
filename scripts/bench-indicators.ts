/**
 * Benchmark of the indicator engine: a synthetic province (10 cities × 10 counties × 10 townships ×
 * 25 schools = 25,000 schools) over 10 years, drawn with the seeded demo PRNG; every standard indicator
 * for every org unit and year. Run: node scripts/bench-indicators.ts [schoolsPerTownship]
 */
import { STANDARD_INDICATORS } from "@luoshi/domain/indicators";
import { compileIndicators, evaluateIndicators } from "@luoshi/domain/indicators";
import { prepareRows } from "@luoshi/domain/indicators";
import { buildStatRows } from "@luoshi/domain/indicators";
import { synthesizeProvince } from "./synthetic-province.ts";

const SCHOOLS_PER_TOWNSHIP = Number(process.argv[2] ?? 25);

let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

const t0 = performance.now();
const data = synthesizeProvince({ schoolsPerTownship: SCHOOLS_PER_TOWNSHIP });
const YEARS = data.years;
sample();
const t1 = performance.now();
const { rows } = buildStatRows(data.units, [...data.history, ...data.records], data.population);
const prepared = prepareRows(rows);
sample();
const t2 = performance.now();
const { compiled, issues: compileIssues } = compileIndicators(STANDARD_INDICATORS);
const { tables } = evaluateIndicators(prepared, compiled, { years: YEARS, maxIssues: 0 });
sample();
const t3 = performance.now();

// A second run on the same prepared rows (warm JIT, columns cached): the cost of a re-computation.
const t4 = performance.now();
evaluateIndicators(prepared, compiled, { years: YEARS, maxIssues: 0 });
sample();
const t5 = performance.now();

const schools = data.units.filter((u) => u.kind === "school").length;
let cells = 0;
for (const t of tables.values()) {
  cells += t.values.length;
}
const ms = (a: number, b: number): string => `${(b - a).toFixed(0)} ms`;
console.log(
  `schools ${schools}, units ${prepared.unitCodes.length}, rows ${prepared.rowCount}, years ${YEARS.length}`,
);
console.log(
  `indicators ${compiled.length} (compile issues ${compileIssues.length}), values computed ${cells}`,
);
console.log(
  `generate ${ms(t0, t1)} | tag + index ${ms(t1, t2)} | evaluate catalogue ${ms(t2, t3)} | engine total ${ms(t1, t3)} | all ${ms(t0, t3)}`,
);
console.log(`second evaluation of the catalogue (warm) ${ms(t4, t5)}`);
console.log(`peak rss ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
