/**
 * Parser speed: the five seeds together after warm-up (budget < 20 ms), and one 5 MB document made by
 * repeating the seeds, end to end (parse + toGold; budget < 100 ms). Sizes are UTF-8 bytes, as a file
 * upload would measure them. Run: node scripts/bench-parser.ts
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, toGold } from "@luoshi/domain/parsing";

const SEEDS = join(import.meta.dirname, "../packages/domain/fixtures/seeds");
const MB = 1024 * 1024;

const texts = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(join(SEEDS, f), "utf8"));
const seedBytes = texts.reduce((n, t) => n + Buffer.byteLength(t, "utf8"), 0);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/**
 * Wall-clock samples of `run`. Reports the median and the minimum: on a shared machine other processes
 * preempt runs, and the minimum is the closest to the parser's own cost.
 */
function time(run: () => void, rounds: number): { median: number; min: number; cpu: number } {
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { median: median(samples), min: Math.min(...samples), cpu: median(cpu) };
}

const parseSeeds = (): void => {
  for (const t of texts) {
    toGold(parseDocument(t));
  }
};
for (let i = 0; i < 20; i++) {
  parseSeeds();
}
const seed = time(parseSeeds, 50);
console.log(
  `five seeds (${(seedBytes / 1024).toFixed(0)} KB): median ${seed.median.toFixed(2)} ms, min ${seed.min.toFixed(2)} ms of 50, CPU ${seed.cpu.toFixed(2)} ms · ${(
    seedBytes /
    MB /
    (seed.median / 1000)
  ).toFixed(1)} MB/s · budget 20 ms ${seed.median < 20 ? "OK" : "OVER"}`,
);

const parts: string[] = [];
let bytes = 0;
for (let i = 0; bytes < 5 * MB; i++) {
  const t = texts[i % texts.length] ?? "";
  parts.push(t);
  bytes += Buffer.byteLength(t, "utf8") + 1;
}
const big = parts.join("\n");
const bigBytes = Buffer.byteLength(big, "utf8");
for (let i = 0; i < 3; i++) {
  toGold(parseDocument(big));
}
const bigRun = time(() => {
  toGold(parseDocument(big));
}, 10);
const parsed = parseDocument(big);
console.log(
  `one ${(bigBytes / MB).toFixed(2)} MB document (${String(big.length)} chars, ${String(parsed.nodes.length)} nodes, ${String(
    parsed.targets.length,
  )} targets): median ${bigRun.median.toFixed(1)} ms, min ${bigRun.min.toFixed(1)} ms of 10, CPU ${bigRun.cpu.toFixed(1)} ms · ${(
    bigBytes /
    MB /
    (bigRun.median / 1000)
  ).toFixed(1)} MB/s · budget 100 ms ${bigRun.median < 100 ? "OK" : "OVER"}`,
);
