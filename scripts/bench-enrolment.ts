/**
 * Benchmark of 招生 in the domain (issue 17): a city lottery of 100,000 applicants across 300 schools
 * with 调剂 (goal < 2 s) and 均衡编班 of 2,000 pupils into 45 classes (goal < 1 s, every class within one
 * pupil of the mean size, class means within 1 point). Synthetic, seeded inputs; prints median of runs.
 *
 *   node scripts/bench-enrolment.ts [runs]
 */
import { mulberry32 } from "@luoshi/domain/demo";
import { balanceClasses, runAdmissionLottery, type ClassPupil } from "@luoshi/domain/enrolment";

const runs = Number(process.argv[2] ?? 3);
const entropy = [
  { name: "双色球 2027052 期", numbers: [2, 7, 13, 21, 28, 33, 5] },
  { name: "福彩3D 2027160 期", numbers: [914] },
];

function median(f: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

const random = mulberry32(2027);
const schools = Array.from({ length: 300 }, (_, i) => ({
  code: `S${String(i).padStart(3, "0")}`,
  seats: 250 + Math.floor(random() * 150),
  neighbours: [1, 2, 3].map((d) => `S${String((i + d) % 300).padStart(3, "0")}`),
}));
// popular schools draw more applicants than seats; about 100,000 in all
const applicants = Array.from({ length: 100_000 }, (_, i) => {
  const popular = random() < 0.35;
  const school = popular ? Math.floor(random() * 30) : Math.floor(random() * 300);
  return {
    label: `BM${String(i + 1).padStart(7, "0")}`,
    school: `S${String(school).padStart(3, "0")}`,
    tier: 1 + Math.floor(random() * 3),
  };
});
let outcome = runAdmissionLottery(schools, applicants, entropy);
const lotteryMs = median(() => {
  outcome = runAdmissionLottery(schools, applicants, entropy);
});
const count = (status: string) => outcome.admissions.filter((a) => a.status === status).length;
console.log(
  `city lottery, 100,000 applicants × 300 schools: ${lotteryMs.toFixed(0)} ms (goal < 2000 ms)  ` +
    `admitted ${count("admitted")}, 调剂 ${count("reassigned")}, unplaced ${count("unplaced")}, ` +
    `oversubscribed schools ${outcome.schools.filter((s) => s.oversubscribed).length}`,
);

const pupils: ClassPupil[] = Array.from({ length: 2_000 }, (_, i) => ({
  label: `XJ${String(i + 1).padStart(5, "0")}`,
  sex: random() < 0.52 ? "男" : "女",
  score: Math.round(40 + random() * 60),
  ...(random() < 0.12 ? { tags: ["随迁"] } : {}),
}));
let classes = balanceClasses({ pupils, classCount: 45, entropy });
const classMs = median(() => {
  classes = balanceClasses({ pupils, classCount: 45, entropy });
});
const sizes = classes.classes.map((c) => c.size);
console.log(
  `均衡编班, 2,000 pupils into 45 classes: ${classMs.toFixed(0)} ms (goal < 1000 ms)  ` +
    `sizes ${Math.min(...sizes)}–${Math.max(...sizes)}, mean gap ${(classes.meanGap ?? 0).toFixed(2)} points`,
);
if (lotteryMs > 4000 || classMs > 2000 || Math.max(...sizes) - Math.min(...sizes) > 1) process.exitCode = 1;
