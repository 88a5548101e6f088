/**
 * Benchmark of the 优质均衡 资源配置 evaluation through the API: the demo county (崆峒区, ~300 schools)
 * loaded into an in-memory PGlite, `GET /api/evaluations/balance` for one year via app.inject (load from
 * the database, map, evaluate, present, serialise). Prints median and p95 over timed runs after warm-up.
 * Targets: median < 20 ms, p95 < 50 ms.
 *
 *   node scripts/bench-evaluation-api.ts [runs]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { orgUnitRepo } from "@luoshi/db";
import { createTestDatabase } from "@luoshi/db/testing";
import { buildApp, loadDemo, parseConfig, type ServiceDeps } from "@luoshi/server";
import { TestClient } from "@luoshi/server/testing";

const RUNS = Number(process.argv[2] ?? 50);
const WARMUP = 10;
const YEAR = 2024;

const dataDir = mkdtempSync(join(tmpdir(), "luoshi-bench-"));
const handle = await createTestDatabase("pglite");
const parsed = parseConfig({ LUOSHI_DATA_DIR: dataDir, NODE_ENV: "test" });
if (parsed.config === undefined) {
  throw new Error(parsed.problems.join("; "));
}
const deps: ServiceDeps = { handle, config: parsed.config, now: () => new Date() };
const t0 = performance.now();
const { logins } = await loadDemo(deps);
const t1 = performance.now();
const app = await buildApp(deps, {
  cookieSecret: "x".repeat(32),
  webDir: null,
  logger: false,
  version: "bench",
});
const planner = logins.find((l) => l.login === "planner");
const county = await orgUnitRepo.findByCode(handle.db, "620802");
if (planner === undefined || county === undefined) {
  throw new Error("demo county not loaded");
}
const client = new TestClient(app);
const login = await client.login(planner.login, planner.password);
if (login.statusCode !== 200) {
  throw new Error(`login failed: ${login.body}`);
}

const url = `/api/evaluations/balance?orgUnitId=${county.id}&year=${YEAR}`;
let body:
  { schools: unknown[]; primary: { schoolCount: number }; junior: { schoolCount: number } } | undefined;
const times: number[] = [];
for (let i = 0; i < WARMUP + RUNS; i++) {
  const start = performance.now();
  const res = await client.request("GET", url);
  const ms = performance.now() - start;
  if (res.statusCode !== 200) {
    throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  }
  if (i >= WARMUP) {
    times.push(ms);
  } else {
    body = res.json();
  }
}
times.sort((a, b) => a - b);
const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
console.log(
  `demo county loaded in ${(t1 - t0).toFixed(0)} ms; ${YEAR}: ${String(body?.schools.length)} school parts ` +
    `(小学 ${String(body?.primary.schoolCount)}, 初中 ${String(body?.junior.schoolCount)})`,
);
console.log(
  `${"GET /api/evaluations/balance (demo county)".padEnd(46)} median ${at(0.5).toFixed(2).padStart(7)} ms   ` +
    `p95 ${at(0.95).toFixed(2).padStart(7)} ms   (${RUNS} runs; targets 20 / 50 ms)`,
);
await app.close();
await handle.close();
rmSync(dataDir, { recursive: true, force: true });
