/**
 * Benchmark of the 资源配置 evaluation (spec §1.1a/§1.1b) in the domain: a synthetic province of
 * 25,000 schools (seeded PRNG, 100 counties of 250) evaluated county by county and as one set, and
 * a 300-school county. Prints median and p95 over timed runs after warm-up. Target: the province
 * under 20 ms.
 *
 *   node scripts/bench-evaluation.ts [runs]
 */
import { type BalanceSchool, evaluateResources, planCountyPass } from "@luoshi/domain/evaluation";
import { seededRandom, syntheticCounty } from "@luoshi/domain/evaluation/testing";

/** The synthetic counties the evaluation's property tests use, numbered per county. */
const seeded = seededRandom;
const county = (random: () => number, size: number, countyIndex: number): BalanceSchool[] =>
  syntheticCounty(random, size, `${String(countyIndex)}-`);

function time(label: string, runs: number, warmup: number, f: () => unknown): void {
  for (let i = 0; i < warmup; i++) {
    f();
  }
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number): number =>
    samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  console.log(
    `${label.padEnd(46)} median ${at(0.5).toFixed(2).padStart(7)} ms   p95 ${at(0.95).toFixed(2).padStart(7)} ms   (${runs} runs)`,
  );
}

const runs = Number(process.argv[2] ?? 50);
const random = seeded(20_170_601);
const counties = Array.from({ length: 100 }, (_, c) => county(random, 250, c));
const province = counties.flat();
const county300 = county(seeded(300), 300, 999);

console.log(`province: ${province.length} schools in ${counties.length} counties; node ${process.version}`);
time("province, county by county (100 × 250)", runs, 10, () => counties.map((c) => evaluateResources(c)));
time("province as one set (25,000 schools)", runs, 10, () => evaluateResources(province));
time("county of 300 schools", runs * 4, 20, () => evaluateResources(county300));
time("county of 300: pass plan (incl. 2 evaluations)", Math.max(5, Math.floor(runs / 5)), 2, () =>
  planCountyPass(county300),
);
