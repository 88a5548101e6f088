/**
 * Load benchmark (issue 14): 200 concurrent logged-in users on the demo county against a real
 * `luoshi serve` process, on loopback only, for a bounded time — 台账 (ledger list), 指标 (indicators),
 * 优质均衡评估 (evaluation) and 看板 (dashboard) reads, with 进展报送 (progress report) writes from the
 * units that lead tasks. Prints errors, timeouts and p50/p95/p99 per kind. Goal: 0 errors, 0 timeouts,
 * read p95 < 200 ms on PostgreSQL and < 500 ms on PGlite, writes completing under read load.
 *
 * Logins are limited to 20 a minute per address, so the accounts are created and logged in before the
 * server starts, in-process through the same account and login services the API uses (the sessions are
 * rows in the database the server then reads); the server runs with its production limits.
 *
 * Run: node scripts/bench-load.ts [pglite|postgres|both=both] [seconds=20] [users=200]
 * (BENCH_LOG_LEVEL=info keeps the server's request log, with each request's own response time.)
 * Besides the client's figures it prints the server's CPU time per request of each kind sent alone, and
 * the server's event-loop delay and CPU time over the run, with the load average: on a shared machine
 * wall time says more about the other processes than about luoshi.
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a fresh database
 * is created and dropped).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuPerRequest, load, loadAverage, withCsrf } from "./bench-load-client.ts";
import {
  attachAuditKey,
  migrate,
  openDatabase as openUnkeyed,
  orgUnitRepo,
  WHOLE_TREE,
  type DatabaseTarget,
} from "@luoshi/db";
import { seedLedgerBench } from "@luoshi/db/bench";
import { startServe } from "@luoshi/cli/serve-process";
import type { Role } from "@luoshi/domain/auth";
import {
  createBackup,
  createUser,
  listTasks,
  login,
  parseConfig,
  restoreBackup,
  systemActor,
  type ServiceDeps,
} from "@luoshi/server";

const CLI = fileURLToPath(new URL("../packages/cli/bin/luoshi.js", import.meta.url));
const which = process.argv[2] ?? "both";
const SECONDS = Number(process.argv[3] ?? 20);
const USERS = Number(process.argv[4] ?? 200);

/** Of 200 users, 30 report progress and 170 read (45 + 45 + 40 + 40 across the four kinds of read). */
const WRITERS = Math.max(1, Math.round((USERS * 30) / 200));
const READERS = USERS - WRITERS;
const READ_SPLIT = [45, 45, 40, 40].map((n) => Math.max(1, Math.round((n * READERS) / 170)));
const YEAR = 2024;
const PASSWORD = "Bench#Load2026";
/** One audit key for the demo, the seeding and the server: audit rows are written sealed by all three. */
const AUDIT_KEY = "luoshi-bench-load-audit-key-not-for-production";

/** Opens the database with the bench's audit key attached (every audit row is sealed with it). */
async function openDatabase(target: DatabaseTarget): Promise<Awaited<ReturnType<typeof openUnkeyed>>> {
  const handle = await openUnkeyed(target);
  attachAuditKey(handle.db, Buffer.from(AUDIT_KEY));
  return handle;
}

function depsFor(handle: ServiceDeps["handle"], dataDir: string): ServiceDeps {
  const parsed = parseConfig({ LUOSHI_DATA_DIR: dataDir, NODE_ENV: "test" });
  if (parsed.config === undefined) {
    throw new Error(parsed.problems.join("; "));
  }
  return { handle, config: parsed.config, now: () => new Date() };
}

interface Seeded {
  countyId: string;
  readers: string[];
  writers: { token: string; taskId: string }[];
}

/** A ledger for the county, and 200 accounts logged in: readers at the bureau, writers at the units. */
async function seed(deps: ServiceDeps): Promise<Seeded> {
  const { db } = deps.handle;
  const county = await orgUnitRepo.findByCode(db, "620802");
  const bureau = await orgUnitRepo.findByCode(db, "620802-jyj");
  if (county === undefined || bureau === undefined) {
    throw new Error("the demo county is missing");
  }
  await seedLedgerBench(deps.handle, county.id, { tasks: 1000, periods: 12 });
  const creator = { ...systemActor("bench"), role: "securityAdmin" as const };
  const client = { clientIp: "127.0.0.1", userAgent: "bench-load", requestId: null };
  // Roles that read without a second factor: 督导科 (bureauSupervisor) holds pupil.unmasked and must
  // bind one before any read (403 second-factor-required), which a load test cannot do for 40 users.
  const readerRoles: Role[] = ["leader", "bureauPlanner", "inspector", "leader"];
  const readers: string[] = [];
  for (let i = 0; i < READERS; i++) {
    const loginName = `bench-r${String(i).padStart(3, "0")}`;
    await createUser(
      deps,
      creator,
      {
        login: loginName,
        displayName: `压测读者${String(i)}`,
        role: readerRoles[i % 4] ?? "leader",
        orgUnitId: bureau.id,
      },
      { mustChangePassword: false, password: PASSWORD },
    );
    readers.push((await login(deps, { login: loginName, password: PASSWORD }, client)).token);
  }
  // Writers: the departments that lead tasks one can report on, in turn.
  const departments = (
    await orgUnitRepo.list(db, { scope: WHOLE_TREE, kind: "department", limit: 500, offset: 0 })
  ).rows;
  const writers: Seeded["writers"] = [];
  for (let i = 0, d = 0; writers.length < WRITERS && d < departments.length * 4; d++) {
    const unit = departments[d % departments.length];
    if (unit === undefined) {
      break;
    }
    const loginName = `bench-w${String(i).padStart(3, "0")}`;
    try {
      await createUser(
        deps,
        creator,
        { login: loginName, displayName: `压测报送${String(i)}`, role: "unitUser", orgUnitId: unit.id },
        { mustChangePassword: false, password: PASSWORD },
      );
    } catch {
      continue;
    }
    i++;
    const { token, session } = await login(deps, { login: loginName, password: PASSWORD }, client);
    const tasks = await listTasks(deps, session.actor, {
      page: 1,
      pageSize: 50,
      state: "inProgress",
      sort: "deadline",
    });
    const mine = tasks.items[writers.length % Math.max(1, tasks.items.length)];
    if (mine !== undefined) {
      writers.push({ token, taskId: mine.row.id });
    }
  }
  return { countyId: county.id, readers, writers };
}

async function bench(engine: "pglite" | "postgres", demoDir: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "luoshi-bench-load-"));
  const dataDir = join(dir, "data");
  cpSync(demoDir, dataDir, { recursive: true });
  let dropDb: (() => Promise<void>) | undefined;
  let target: DatabaseTarget = { engine: "pglite", dataDir: join(dataDir, "db") };
  const env: Record<string, string> = { LUOSHI_AUDIT_KEY: AUDIT_KEY, LUOSHI_REPORT_LOAD: "1" };
  try {
    if (engine === "postgres") {
      process.env.TEST_DATABASE_URL ??=
        process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
      const { createTestDatabaseUrl } = await import("@luoshi/db/testing");
      const fresh = await createTestDatabaseUrl();
      dropDb = fresh.drop;
      const key = { kind: "key" as const, material: Buffer.alloc(32, 3) };
      const file = join(dir, "demo.bak");
      const lite = await openDatabase(target);
      await createBackup(depsFor(lite, dataDir), systemActor("bench"), {
        out: file,
        key,
        algorithm: "aes-256-gcm",
      });
      await lite.close();
      target = { engine: "postgres", url: fresh.url };
      env.DATABASE_URL = fresh.url;
      const pg = await openDatabase(target);
      await migrate(pg);
      await restoreBackup(depsFor(pg, dataDir), systemActor("bench"), {
        file: readFileSync(file),
        fileName: file,
        key,
      });
      await pg.close();
    }
    const handle = await openDatabase(target);
    const t0 = performance.now();
    const seeded = await seed(depsFor(handle, dataDir)).finally(() => handle.close());
    console.log(
      `${engine}: ${String(seeded.readers.length)} readers + ${String(seeded.writers.length)} writers logged in, ` +
        `1,000 tasks × 12 reports seeded (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );

    // Requests still in flight when the run ends fail as the server shuts down: not worth a log line.
    const server = await startServe({
      dataDir,
      env: { ...env, LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "fatal" },
      stdio: "inherit",
    });
    try {
      const readers = await Promise.all(seeded.readers.map((t) => withCsrf(server.url, t)));
      const writers = await Promise.all(
        seeded.writers.map(async (w) => ({ ...(await withCsrf(server.url, w.token)), taskId: w.taskId })),
      );
      const reader = (offset: number) => (n: number) => readers[(n + offset) % readers.length] ?? readers[0];
      const get = (path: string, offset: number) => (n: number) => ({
        method: "GET" as const,
        path,
        headers: { cookie: reader(offset)(n)?.cookie ?? "" },
      });
      const county = seeded.countyId;
      // Warm up as a server in use is: one request of each kind before the timed run. Then each kind
      // alone, one request after another: the server's CPU time per request (from /proc, which a loaded
      // machine does not inflate the way it does wall time) says where the time goes.
      const paths = [
        "/api/tasks?page=1&pageSize=20",
        `/api/indicators?orgUnitId=${county}&year=${String(YEAR)}`,
        `/api/evaluations/balance?orgUnitId=${county}&year=${String(YEAR)}`,
        `/api/indicators/children?orgUnitId=${county}&year=${String(YEAR)}`,
      ];
      const cookie = readers[0]?.cookie ?? "";
      for (const path of paths) {
        const r = await fetch(`${server.url}${path}`, { headers: { cookie } });
        await r.arrayBuffer();
      }
      await cpuPerRequest(engine, server, paths, cookie, writers[0]);
      let period = 0;
      const split = READ_SPLIT as [number, number, number, number];
      const results = await Promise.all([
        load(SECONDS, "台账 GET /api/tasks", server.url, split[0], get("/api/tasks?page=1&pageSize=20", 0)),
        load(
          SECONDS,
          "指标 GET /api/indicators",
          server.url,
          split[1],
          get(`/api/indicators?orgUnitId=${county}&year=${YEAR}`, split[0]),
        ),
        load(
          SECONDS,
          "评估 GET /api/evaluations/balance",
          server.url,
          split[2],
          get(`/api/evaluations/balance?orgUnitId=${county}&year=${YEAR}`, split[0] + split[1]),
        ),
        load(
          SECONDS,
          "看板 GET /api/indicators/children",
          server.url,
          split[3],
          get(`/api/indicators/children?orgUnitId=${county}&year=${YEAR}`, split[0] + split[1] + split[2]),
        ),
        load(SECONDS, "报送 POST /api/tasks/:id/reports", server.url, writers.length, (n) => {
          const w = writers[n % writers.length];
          period++;
          return {
            method: "POST" as const,
            path: `/api/tasks/${w?.taskId ?? ""}/reports`,
            headers: {
              cookie: w?.cookie ?? "",
              "x-csrf-token": w?.csrf ?? "",
              "content-type": "application/json",
            },
            body: JSON.stringify({
              period: `2027-${String((period % 12) + 1).padStart(2, "0")}`,
              progress: period % 100,
              text: `压测进展 ${String(period)}`,
            }),
          };
        }),
      ]);
      console.log(
        `\n${engine}, ${String(READERS + writers.length)} users, ${String(SECONDS)} s, load average ${loadAverage()}:\n` +
          "kind                                  requests  errors  timeouts  non-2xx    p50 ms    p95 ms    p99 ms",
      );
      for (const r of results) {
        console.log(
          `${r.kind.padEnd(36)}${String(r.requests).padStart(10)}${String(r.errors).padStart(8)}` +
            `${String(r.timeouts).padStart(10)}${String(r.non2xx).padStart(9)}` +
            `${r.p50.toFixed(0).padStart(10)}${r.p95.toFixed(0).padStart(10)}${r.p99.toFixed(0).padStart(10)}  ${r.statuses}`,
        );
      }
      const reads = results.slice(0, 4);
      const readTimes = { errors: 0, timeouts: 0 };
      for (const r of results) {
        readTimes.errors += r.errors + r.non2xx;
        readTimes.timeouts += r.timeouts;
      }
      const worstReadP95 = Math.max(...reads.map((r) => r.p95));
      const goal = engine === "postgres" ? 200 : 500;
      console.log(
        `errors ${String(readTimes.errors)}, timeouts ${String(readTimes.timeouts)}, worst read p95 ${worstReadP95.toFixed(0)} ms ` +
          `(goal < ${String(goal)} ms), writes completed ${String(results[4].requests)}`,
      );
      // a run that misses the goal fails (p95 is NaN when no read answered at all)
      if (readTimes.errors + readTimes.timeouts > 0 || !(worstReadP95 < goal) || results[4].requests === 0) {
        process.exitCode = 1;
      }
    } finally {
      await server.stop();
    }
  } finally {
    await dropDb?.();
    rmSync(dir, { recursive: true, force: true });
  }
}

const demoRoot = mkdtempSync(join(tmpdir(), "luoshi-bench-load-demo-"));
try {
  const demo = join(demoRoot, "data");
  const r = spawnSync(process.execPath, [CLI, "demo"], {
    env: { ...process.env, LUOSHI_DATA_DIR: demo, LOG_LEVEL: "silent", LUOSHI_AUDIT_KEY: AUDIT_KEY },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    throw new Error(`luoshi demo failed:\n${r.stderr}`);
  }
  for (const engine of which === "both"
    ? (["pglite", "postgres"] as const)
    : [which as "pglite" | "postgres"]) {
    await bench(engine, demo);
  }
} finally {
  rmSync(demoRoot, { recursive: true, force: true });
}
