/**
 * Benchmark of the 优质均衡 资源配置 evaluation through the API: the demo county (崆峒区, ~300 schools)
 * loaded into an in-memory PGlite, `GET /api/evaluations/balance` for one year via app.inject (load from
 * the database, map, evaluate, present, serialise). Prints median and p95 over timed runs after warm-up,
 * and where a request's time goes: the queries it sends and the rows they return, the session check
 * (authenticate), the evaluation service (a kept result after the first request), and the rest
 * (presentation, response validation, serialisation, Fastify's own work).
 * Goals (issue 19): median ≤ 10 ms, p95 ≤ 15 ms.
 *
 *   node scripts/bench-evaluation-api.ts [runs]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { attachAuditKey, attachFieldKeyring, orgUnitRepo, type Db } from "@luoshi/db";
import { createTestDatabase, TEST_AUDIT_KEY, TEST_FIELD_KEYRING } from "@luoshi/db/testing";
import {
  authenticate,
  buildApp,
  evaluateBalance,
  loadDemo,
  parseConfig,
  type ServiceDeps,
} from "@luoshi/server";
import { TestClient } from "@luoshi/server/testing";
import { isCiRun, reportFigure } from "./bench-goals.ts";

const RUNS = Number(process.argv[2] ?? (isCiRun() ? 30 : 200));
const WARMUP = 10;
const YEAR = 2024;

const dataDir = mkdtempSync(join(tmpdir(), "luoshi-bench-"));
const handle = await createTestDatabase("pglite");
const parsed = parseConfig({ LUOSHI_DATA_DIR: dataDir, NODE_ENV: "test" });
if (parsed.config === undefined) {
  throw new Error(parsed.problems.join("; "));
}
/** Queries sent and rows returned, counted by a Kysely plugin on the handle the app uses. */
const counted = { queries: 0, rows: 0 };
const counter: Parameters<Db["withPlugin"]>[0] = {
  transformQuery: (args) => {
    counted.queries++;
    return args.node;
  },
  transformResult: async (args) => {
    counted.rows += args.result.rows.length;
    return args.result;
  },
};
const countedDb = handle.db.withPlugin(counter);
attachAuditKey(countedDb, TEST_AUDIT_KEY);
attachFieldKeyring(countedDb, TEST_FIELD_KEYRING);
const deps: ServiceDeps = {
  handle: { ...handle, db: countedDb },
  config: parsed.config,
  now: () => new Date(),
};
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
let cpuMicros = 0;
for (let i = 0; i < WARMUP + RUNS; i++) {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const res = await client.request("GET", url);
  const ms = performance.now() - start;
  if (res.statusCode !== 200) {
    throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  }
  if (i >= WARMUP) {
    times.push(ms);
    const cpu = process.cpuUsage(cpu0);
    cpuMicros += cpu.user + cpu.system;
  } else {
    body = res.json();
  }
}
times.sort((a, b) => a - b);
const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
const medianOf = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

// Where one request's time goes: its queries, then each part timed on its own over the same runs.
counted.queries = 0;
counted.rows = 0;
const one = await client.request("GET", url);
const perRequest = { ...counted, bytes: one.rawPayload.length };
const token = client.snapshot().get("luoshi_sid") ?? "";
const clientInfo = { clientIp: "127.0.0.1", userAgent: null, requestId: null };
const authMs: number[] = [];
const serviceMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  let s = performance.now();
  const session = await authenticate(deps, token, clientInfo);
  authMs.push(performance.now() - s);
  s = performance.now();
  await evaluateBalance(deps, session.actor, { orgUnitId: county.id, year: YEAR });
  serviceMs.push(performance.now() - s);
}
console.log(
  `demo county loaded in ${(t1 - t0).toFixed(0)} ms; ${YEAR}: ${String(body?.schools.length)} school parts ` +
    `(小学 ${String(body?.primary.schoolCount)}, 初中 ${String(body?.junior.schoolCount)})`,
);
console.log(
  `${"GET /api/evaluations/balance (demo county)".padEnd(46)} median ${at(0.5).toFixed(2).padStart(7)} ms   ` +
    `p95 ${at(0.95).toFixed(2).padStart(7)} ms   cpu mean ${(cpuMicros / 1000 / RUNS).toFixed(2)} ms   (${RUNS} runs)`,
);
const auth = medianOf(authMs);
const service = medianOf(serviceMs);
console.log(
  `  per request: ${perRequest.queries} queries, ${perRequest.rows} rows read, ${Math.round(perRequest.bytes / 1024)} KiB sent; ` +
    `medians: session check ${auth.toFixed(2)} ms, evaluation service ${service.toFixed(2)} ms, ` +
    `the rest (presentation, response validation, serialisation, Fastify) ${(at(0.5) - auth - service).toFixed(2)} ms`,
);
reportFigure({ name: "GET /api/evaluations/balance, median", value: at(0.5), goal: 10, unit: "ms" });
reportFigure({ name: "GET /api/evaluations/balance, p95", value: at(0.95), goal: 15, unit: "ms" });
await app.close();
await handle.close();
rmSync(dataDir, { recursive: true, force: true });
