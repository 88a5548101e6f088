// Ledger benchmark (issue 5): a county's ledger over a plan period — 5,000 tasks × 60 monthly reports —
// on the embedded database; prints the 台账 list latency (median, p95) with filters and the time to build
// the 月通报 .docx. Run: node scripts/bench-ledger.ts
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import { migrate, openDatabase, scopeOf } from "@luoshi/db";
import {
  bulletinDocxFor,
  importOrgUnits,
  listTasks,
  parseConfig,
  systemActor,
  type Actor,
  type ServiceDeps,
} from "@luoshi/server";

const TASKS = 5000;
const PERIODS = 60;

const handle = await openDatabase({ engine: "pglite", dataDir: null });
await migrate(handle);
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
const county = await handle.db
  .selectFrom("org_units")
  .selectAll()
  .where("code", "=", "620802")
  .executeTakeFirstOrThrow();

let t0 = performance.now();
// Set-based load: tasks, their units and 60 months of lead-unit reports, in four statements. Deadlines
// run from late 2021 to early 2028, so the ledger mixes closed, overdue and open tasks as a county's does.
await sql`
  INSERT INTO tasks (id, org_unit_id, source_kind, title, state, frequency, assigned_on, deadline, progress)
  SELECT gen_random_uuid(), ${county.id}, 'meeting', '重点任务 ' || g,
         (ARRAY['assigned','inProgress','inProgress','underReview','closed'])[1 + g % 5], 'monthly',
         DATE '2021-01-01', DATE '2021-01-01' + (300 + g % 2400), g % 100
  FROM generate_series(1, ${TASKS}) g`.execute(handle.db);
await sql`
  INSERT INTO task_units (task_id, org_unit_id, role, position)
  SELECT t.id, d.id, 'lead', 0
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tasks) t
  JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM org_units WHERE kind = 'department') d ON d.k = t.n % 30`.execute(
  handle.db,
);
await sql`
  INSERT INTO task_units (task_id, org_unit_id, role, position)
  SELECT t.id, d.id, 'co', 1
  FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tasks) t
  JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM org_units WHERE kind = 'department') d ON d.k = (t.n + 7) % 30`.execute(
  handle.db,
);
await sql`
  INSERT INTO task_reports (task_id, org_unit_id, period, is_consolidated, progress, text, submitted_at)
  SELECT u.task_id, u.org_unit_id, to_char(DATE '2021-12-01' + make_interval(months => m), 'YYYY-MM'), true,
         least(100, m * 2), '本月进展', (DATE '2021-12-20' + make_interval(months => m))::timestamptz
  FROM task_units u CROSS JOIN generate_series(0, ${PERIODS - 1}) m
  WHERE u.role = 'lead'`.execute(handle.db);
const loadMs = performance.now() - t0;
const reports = await sql<{ n: number }>`SELECT count(*)::int AS n FROM task_reports`.execute(handle.db);

const actor: Actor = { ...systemActor("bench"), role: "bureauSupervisor", scope: scopeOf(county.path) };
const base = { page: 1, pageSize: 20, sort: "deadline" as const };
const queries = [
  base,
  { ...base, light: "red" as const },
  { ...base, state: "inProgress" as const, q: "重点任务 1" },
  { ...base, sort: "light" as const },
];
if (process.env.LEDGER_PROFILE === "1") {
  const { taskRepo } = await import("@luoshi/db");
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
  ] as const) {
    const s0 = performance.now();
    await fn();
    console.log(name, (performance.now() - s0).toFixed(0), "ms");
  }
}
for (let i = 0; i < 3; i++) {
  await listTasks(deps, actor, base);
}
const times: number[] = [];
for (let i = 0; i < 40; i++) {
  const q = queries[i % queries.length] ?? base;
  t0 = performance.now();
  await listTasks(deps, actor, q);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;

t0 = performance.now();
const docx = await bulletinDocxFor(deps, actor, "2026-10");
const docxMs = performance.now() - t0;

console.log(`ledger: ${TASKS} tasks, ${reports.rows[0]?.n ?? 0} reports, loaded in ${loadMs.toFixed(0)} ms`);
console.log(
  `台账 list with filters: median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms (target p95 < 100 ms)`,
);
console.log(
  `月通报 .docx: ${docxMs.toFixed(0)} ms, ${(docx.length / 1024).toFixed(0)} KB (target < 2000 ms)`,
);
console.log(`peak RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
await handle.close();
