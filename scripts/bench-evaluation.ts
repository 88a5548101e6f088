/**
 * Benchmark of the 资源配置 evaluation (spec §1.1a/§1.1b) in the domain: a synthetic province of
 * 25,000 schools (seeded PRNG, 100 counties of 250) evaluated county by county and as one set, and
 * a 300-school county. Prints median and p95 over timed runs after warm-up. Target: the province
 * under 20 ms.
 *
 *   node scripts/bench-evaluation.ts [runs]
 */
import { type BalanceSchool, evaluateResources, planCountyPass } from "@luoshi/domain/evaluation";

type SchoolType = BalanceSchool["schoolType"];

/** mulberry32: small, fast, seeded. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function county(random: () => number, size: number, countyIndex: number): BalanceSchool[] {
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
    const all = primary + junior + senior;
    const teachers = (perHundred: number, pupils: number): number =>
      Math.round((around(perHundred, 0.3) * pupils) / 100);
    return {
      code: String(4_100_000_000 + countyIndex * 1000 + i),
      name: `学校${countyIndex}-${i}`,
      schoolType,
      students: { primary, junior, senior },
      qualifiedTeachers: { primary: teachers(5.2, primary), junior: teachers(6.5, junior) },
      backboneTeachers: { primary: teachers(1.3, primary), junior: teachers(1.3, junior) },
      peArtTeachers: { primary: teachers(1.15, primary), junior: teachers(1.15, junior) },
      teachingFloorArea: Math.round(around(6.5, 0.3) * all),
      sportsArea: Math.round(around(11, 0.35) * all),
      equipmentValue: Math.round(around(3200, 0.85) * all),
      multimediaClassrooms: Math.round((around(3, 0.3) * all) / 100),
    };
  });
}

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
