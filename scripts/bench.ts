// `npm run bench`: every benchmark, one after another (the machine has 2 cores: never in parallel), then
// one table of the figures issue 19 sets goals for (scripts/bench-goals.ts). `npm run bench -- --ci`:
// each benchmark at a CI size (smaller province, fewer runs), goals scaled to the work done; the run
// fails when a benchmark fails, which includes a figure more than 2× behind its goal. Other arguments
// pick benchmarks by part of their name (`npm run bench -- --ci evaluation-api stats-db`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FAIL_RATIO, type Figure } from "./bench-goals.ts";

const benches = [
  "bench-parser.ts",
  "bench-evaluation.ts",
  "bench-evaluation-api.ts",
  "bench-indicators.ts",
  "bench-stats-import.ts",
  "bench-jiceng-import.ts",
  "bench-stats-db.ts",
  "bench-balance-report.ts",
  "bench-ledger.ts",
  "bench-bulletins.ts",
  "bench-field-crypto.ts",
  "bench-fuzz-docs.ts",
  "bench-kill.ts",
  "bench-load.ts",
  "bench-fuzz-stats.ts",
  "bench-registry-import.ts",
  "bench-enrolment.ts",
  "bench-attendance-day.ts",
  "bench-web.ts",
];
const ci = process.argv.includes("--ci");
const only = process.argv.slice(2).filter((a) => a !== "--ci");
const dir = mkdtempSync(join(tmpdir(), "luoshi-bench-figures-"));
const figuresFile = join(dir, "figures.jsonl");
writeFileSync(figuresFile, "");
const failed: string[] = [];
try {
  for (const bench of benches.filter((b) => only.length === 0 || only.some((o) => b.includes(o)))) {
    console.log(`\n=== ${bench} ===`);
    const file = fileURLToPath(new URL(bench, import.meta.url));
    const r = spawnSync(process.execPath, ["--expose-gc", file], {
      stdio: "inherit",
      env: { ...process.env, LUOSHI_BENCH_FIGURES: figuresFile, ...(ci ? { LUOSHI_BENCH_CI: "1" } : {}) },
    });
    if (r.status !== 0) {
      failed.push(bench);
    }
  }
  const figures = readFileSync(figuresFile, "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Figure & { ratio: number });
  console.log(`\n=== goals (issue 19)${ci ? ", CI size" : ""}: fail past ${FAIL_RATIO}× ===`);
  for (const f of figures) {
    const verdict = f.ratio <= 1 ? "met" : f.ratio <= FAIL_RATIO ? "behind" : "FAILED";
    console.log(
      `${f.name.padEnd(58)} ${f.value.toFixed(1).padStart(9)} ${f.unit.padEnd(2)}  goal ${f.goal.toFixed(1).padStart(8)}  ${f.ratio.toFixed(2).padStart(5)}×  ${verdict}`,
    );
  }
  if (failed.length > 0) {
    console.log(`failed: ${failed.join(", ")}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed.length === 0 ? 0 : 1;
