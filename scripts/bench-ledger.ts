// Ledger benchmark (issue 5): a county's ledger over a plan period — 5,000 tasks × 60 monthly reports —
// on the embedded database; prints the 台账 list latency (median, p95) with filters and the time to build
// the 月通报 .docx, and a reviewer's 工作台. The list is measured twice: "before" computes every task's
// light on each request (as the first request after any change to the ledger does), "after" uses the
// lights the server keeps until the ledger changes (issue 12). Run: node scripts/bench-ledger.ts
import { performance } from "node:perf_hooks";
import { attachAuditKey, migrate, openDatabase, orgUnitRepo, scopeOf } from "@luoshi/db";
import { seedLedgerBench } from "@luoshi/db/bench";
import {
  bulletinDocxFor,
  forgetLedgerLights,
  importOrgUnits,
  listTasks,
  parseConfig,
  systemActor,
  type Actor,
  type ServiceDeps,
  workbenchFor,
} from "@luoshi/server";

/** The benchmark's audit key (a throwaway database). */
const BENCH_AUDIT_KEY = Buffer.from("luoshi-bench-audit-key-not-for-production");

const TASKS = 5000;
const PERIODS = 60;

const handle = await openDatabase({ engine: "pglite", dataDir: null });
await migrate(handle);
attachAuditKey(handle.db, BENCH_AUDIT_KEY);
const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-bench-ledger" });
if (parsed.config === undefined) {
  throw new Error("config");
}
const deps: ServiceDeps = { handle, config: parsed.config, now: () => new Date("2026-11-20T10:00:00+08:00") };
await importOrgUnits(deps, systemActor("bench"), [
  { code: "620802", name: "崆峒区", kind: "county" },
  ...Array.from({ length: 30 }, (_, i) => ({
    code: `620802-d${i}`,
    name: `部门${i + 1}`,
    kind: "department" as const,
    parentCode: "620802",
  })),
]);
const county = await orgUnitRepo.findByCode(handle.db, "620802");
if (county === undefined) {
  throw new Error("county");
}

let t0 = performance.now();
const reportCount = await seedLedgerBench(handle, county.id, { tasks: TASKS, periods: PERIODS });
const loadMs = performance.now() - t0;

const actor: Actor = { ...systemActor("bench"), role: "bureauSupervisor", scope: scopeOf(county.path) };
const base = { page: 1, pageSize: 20, sort: "deadline" as const };
const queries = [
  base,
  { ...base, light: "red" as const },
  { ...base, state: "inProgress" as const, q: "重点任务 1" },
  { ...base, sort: "light" as const },
];
if (process.env.LEDGER_PROFILE === "1") {
  const { dataVersionRepo, escalationRepo, taskRepo } = await import("@luoshi/db");
  const page = (await listTasks(deps, actor, base)).items.map((i) => i.row.id);
  for (const [name, fn] of [
    ["bundle", () => taskRepo.loadBundle(handle.db, { scope: scopeOf(county.path), reach: "owned" })],
    [
      "reports",
      () =>
        taskRepo.reportsSince(
          handle.db,
          { scope: scopeOf(county.path), reach: "owned" },
          new Date("2026-09-20"),
        ),
    ],
    ["ledger version", () => dataVersionRepo.ledger(handle.db)],
    [
      "page bundle (20 tasks)",
      () => taskRepo.loadBundle(handle.db, { scope: scopeOf(county.path), reach: "owned", taskIds: page }),
    ],
    ["page escalations", () => escalationRepo.forTasks(handle.db, page)],
  ] as const) {
    const s0 = performance.now();
    await fn();
    console.log(name, (performance.now() - s0).toFixed(0), "ms");
  }
}
/** Median and p95 of a list of times. */
function percentiles(times: number[]): { median: number; p95: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { median: at(0.5), p95: at(0.95) };
}

/**
 * Median and p95 of timed list requests, in wall time and in CPU time (user + system of this process,
 * which runs the embedded database too: on a shared machine the CPU time is the figure that holds);
 * `cold` forgets the kept lights before each request.
 */
async function listLatency(
  runs: number,
  cold: boolean,
): Promise<{ wall: { median: number; p95: number }; cpu: { median: number; p95: number } }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const q = queries[i % queries.length] ?? base;
    if (cold) {
      forgetLedgerLights(handle.db);
    }
    const c0 = process.cpuUsage();
    t0 = performance.now();
    await listTasks(deps, actor, q);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { wall: percentiles(wall), cpu: percentiles(cpu) };
}
for (let i = 0; i < 3; i++) {
  await listTasks(deps, actor, base);
}
const before = await listLatency(12, true);
const after = await listLatency(40, false);

// 工作台 of a reviewer: 待交办, 待复核 and red lights over the whole ledger (three list passes)
await workbenchFor(deps, actor);
const benchTimes: number[] = [];
for (let i = 0; i < 10; i++) {
  t0 = performance.now();
  await workbenchFor(deps, actor);
  benchTimes.push(performance.now() - t0);
}
benchTimes.sort((a, b) => a - b);

t0 = performance.now();
const docx = await bulletinDocxFor(deps, actor, "2026-10");
const docxMs = performance.now() - t0;

console.log(`ledger: ${TASKS} tasks, ${reportCount} reports, loaded in ${loadMs.toFixed(0)} ms`);
const ms = (x: { median: number; p95: number }) =>
  `median ${x.median.toFixed(1)} ms, p95 ${x.p95.toFixed(1)} ms`;
console.log(
  `台账 list, lights computed per request (before): wall ${ms(before.wall)}; CPU ${ms(before.cpu)}`,
);
console.log(
  `台账 list with filters, lights kept until the ledger changes (after): wall ${ms(after.wall)}; CPU ${ms(after.cpu)} (target p95 < 50 ms)`,
);
console.log(
  `load average ${(await import("node:os"))
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
console.log(
  `工作台 (reviewer): median ${(benchTimes[5] ?? 0).toFixed(1)} ms, max ${(benchTimes.at(-1) ?? 0).toFixed(1)} ms`,
);
console.log(
  `月通报 .docx: ${docxMs.toFixed(0)} ms, ${(docx.length / 1024).toFixed(0)} KB (target < 2000 ms)`,
);
console.log(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
await handle.close();
