// `npm run bench`: every benchmark, one after another (the machine has 2 cores: never in parallel).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

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
  "bench-attendance-day.ts",
  "bench-web.ts",
];
let failed = 0;
for (const bench of benches) {
  console.log(`\n=== ${bench} ===`);
  const file = fileURLToPath(new URL(bench, import.meta.url));
  const r = spawnSync(process.execPath, ["--expose-gc", file], { stdio: "inherit" });
  if (r.status !== 0) {
    failed++;
  }
}
process.exitCode = failed === 0 ? 0 : 1;
