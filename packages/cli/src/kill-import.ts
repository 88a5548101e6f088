/**
 * Kill -9 during a statistics import: a real `luoshi serve` child process on a copy of the demo county
 * (the embedded data folder, or a PostgreSQL database the county was restored into) receives a whole
 * year's workbook over HTTP and is killed with SIGKILL at a random moment of the import; then the data
 * folder is reopened and the year must hold exactly the old or exactly the new figures, and the server
 * must start again. Used by packages/cli/src/kill-import.test.ts (a few runs) and scripts/bench-kill.ts (ten).
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  attachAuditKey,
  backupRepo,
  migrate,
  openDatabase as openUnkeyed,
  orgUnitRepo,
  scopeOf,
  type DatabaseTarget,
  type Db,
} from "@luoshi/db";
import { generateDemoCounty } from "@luoshi/domain/demo";
import { syntheticStatistics } from "@luoshi/domain/stats";
import {
  createBackup,
  importStatistics,
  parseConfig,
  restoreBackup,
  systemActor,
  writeStatsWorkbook,
  type ServiceDeps,
} from "@luoshi/server";
import { CLI_TEST_AUDIT_KEY } from "./run-cli.ts";
import { startServe, type ServeProcess } from "./serve-process.ts";

/** Opens the database with the audit key the demo folder was sealed with (the CLI tests' key). */
async function openDatabase(target: DatabaseTarget): Promise<Awaited<ReturnType<typeof openUnkeyed>>> {
  const handle = await openUnkeyed(target);
  attachAuditKey(handle.db, Buffer.from(CLI_TEST_AUDIT_KEY));
  return handle;
}
/** The `name=value` pairs of the cookies a response sets, as a Cookie header. */
const cookiesOf = (r: Response): string =>
  r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

/** The year replaced: the demo county's last. */
const YEAR = 2024;
const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** A phase of the import a kill can be aimed at (the job reports each as it enters it). */
export type KillPhase = "reading" | "validating" | "writing";

/** What one kill left: the phase the import was in, and which figures the year held afterwards. */
export interface KillRun {
  /** Milliseconds after the upload when the server was killed. */
  killedAfterMs: number;
  /** The job's last phase seen before the kill ("not started" when none was seen). */
  phase: string;
  /** The job's progress within that phase when last seen: `done` of `total` (rows checked or written). */
  progress: string;
  /** "old", "new", or "mixed" (a half-written year: the failure this guards against). */
  year: "old" | "new" | "mixed";
}

/**
 * The year's figures in the statistics tables, as one fingerprint: unit, year and values only (ids and
 * times differ between two imports of the same file).
 */
async function yearFingerprint(db: Db): Promise<string> {
  const h = createHash("sha256");
  for (const t of await backupRepo.listTables(db)) {
    if (t.name !== "school_stats" && t.name !== "population_stats") {
      continue;
    }
    const rows = await backupRepo.readRows(db, t, ["org_unit_id", "year", "values"]);
    const lines = rows
      .filter((r) => r[1] === String(YEAR))
      .map((r) => JSON.stringify([t.name, r[0], r[2]]))
      .sort();
    for (const l of lines) {
      h.update(l).update("\n");
    }
  }
  return h.digest("hex");
}

function depsFor(handle: ServiceDeps["handle"], dataDir: string): ServiceDeps {
  const parsed = parseConfig({ LUOSHI_DATA_DIR: dataDir, NODE_ENV: "test" });
  if (parsed.config === undefined) {
    throw new Error(parsed.problems.join("; "));
  }
  return { handle, config: parsed.config, now: () => new Date() };
}

/** The demo county's whole year, as a workbook of the import template with figures from `seed`. */
async function workbook(dir: string, seed: number): Promise<Buffer> {
  const county = generateDemoCounty();
  const stats = syntheticStatistics(county.units, [YEAR], seed);
  const file = join(dir, `stats-${String(seed)}.xlsx`);
  await writeStatsWorkbook(
    { year: YEAR, names: new Map(county.units.map((u) => [u.code, u.name])), ...stats },
    file,
  );
  return readFileSync(file);
}

/** Starts `luoshi serve --demo` and waits for /api/health; returns the process and the planner's password. */
async function start(
  dataDir: string,
  env: Record<string, string>,
): Promise<ServeProcess & { password: string }> {
  const server = await startServe({ dataDir, args: ["--demo"], env });
  const password = /^planner\s+(\S{14})\s+/m.exec(server.output())?.[1];
  if (password === undefined) {
    await server.stop("SIGKILL");
    throw new Error(`no planner login in the server's output:\n${server.output()}`);
  }
  return { ...server, password };
}

/** A scenario: a data folder (and database) of its own holding the demo county, and two workbooks. */
export interface KillScenario {
  /**
   * One import killed with SIGKILL: at a random moment, or — given `phase` — as soon as the job has been
   * seen in that phase (for `writing`, once some rows are reported written), so the kill is known to land
   * inside it. A job that ends before it is seen there is killed just after it ended.
   */
  run(phase?: KillPhase): Promise<KillRun>;
  /** Starts the server once more and checks it answers; then stops it. */
  restartsCleanly(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * Prepares a scenario from `demoDir` (a data folder holding the demo county): copies it, on PostgreSQL
 * restores it into the (empty, migrated-on-open) database at `postgresUrl`, and imports both workbooks
 * once in-process to learn each one's fingerprint, leaving the year with the second.
 */
export async function killScenario(options: {
  demoDir: string;
  postgresUrl?: string;
}): Promise<KillScenario> {
  const dir = mkdtempSync(join(tmpdir(), "luoshi-kill-"));
  const dataDir = join(dir, "data");
  cpSync(options.demoDir, dataDir, { recursive: true });
  const target: DatabaseTarget =
    options.postgresUrl === undefined
      ? { engine: "pglite", dataDir: join(dataDir, "db") }
      : { engine: "postgres", url: options.postgresUrl };
  const env: Record<string, string> = {
    LUOSHI_AUDIT_KEY: CLI_TEST_AUDIT_KEY,
    ...(options.postgresUrl === undefined ? {} : { DATABASE_URL: options.postgresUrl }),
  };
  const files = [await workbook(dir, 101), await workbook(dir, 202)];
  const fingerprints: string[] = [];
  let importMs = 0;
  {
    if (options.postgresUrl !== undefined) {
      // The county moves to PostgreSQL the way an installation would: backup, restore.
      const lite = await openDatabase({ engine: "pglite", dataDir: join(dataDir, "db") });
      const key = { kind: "key" as const, material: Buffer.alloc(32, 1) };
      const file = join(dir, "demo.bak");
      await createBackup(depsFor(lite, dataDir), systemActor("kill-test"), {
        out: file,
        key,
        algorithm: "aes-256-gcm",
      });
      await lite.close();
      const pg = await openDatabase(target);
      await migrate(pg);
      await restoreBackup(depsFor(pg, dataDir), systemActor("kill-test"), {
        file: readFileSync(file),
        fileName: file,
        key,
      });
      await pg.close();
    }
    const handle = await openDatabase(target);
    const deps = depsFor(handle, dataDir);
    const root = await orgUnitRepo.findByCode(handle.db, "620802");
    if (root === undefined) {
      throw new Error("the demo county 620802 is missing");
    }
    const actor = { ...systemActor("kill-test"), role: "bureauPlanner" as const, scope: scopeOf(root.path) };
    for (const [i, bytes] of files.entries()) {
      const t0 = performance.now();
      await importStatistics(deps, actor, { fileName: `stats-${String(i)}.xlsx`, year: YEAR, bytes });
      importMs = Math.max(importMs, performance.now() - t0);
      fingerprints.push(await yearFingerprint(handle.db));
    }
    await handle.close();
  }
  if (fingerprints[0] === fingerprints[1]) {
    throw new Error("the two workbooks gave the same figures");
  }
  let current = 1;

  return {
    async run(aim) {
      const server = await start(dataDir, env);
      let phase = "not started";
      let progress = "";
      let killedAfterMs: number;
      try {
        // Every write needs its CSRF token, the login too: the form's token comes first. (Without it
        // the login and the upload were refused, and every kill fell on a server that imported nothing.)
        const form = await fetch(`${server.url}/api/auth/csrf`);
        const csrfCookie = cookiesOf(form);
        const formToken = ((await form.json()) as { csrfToken: string }).csrfToken;
        const login = await fetch(`${server.url}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": formToken, cookie: csrfCookie },
          body: JSON.stringify({ login: "planner", password: server.password }),
        });
        if (!login.ok) {
          throw new Error(`the planner could not log in: ${String(login.status)} ${await login.text()}`);
        }
        const cookie = [csrfCookie, cookiesOf(login)].join("; ");
        const { csrfToken } = (await login.json()) as { csrfToken: string };
        const next = 1 - current;
        // The kill falls anywhere from the upload to a little after the import would have ended.
        const delay = Math.random() * importMs * 1.3;
        const t0 = performance.now();
        const upload = await fetch(
          `${server.url}/api/stats/import-jobs?fileName=kill.xlsx&year=${String(YEAR)}`,
          {
            method: "POST",
            headers: { "content-type": "application/octet-stream", "x-csrf-token": csrfToken, cookie },
            body: files[next],
          },
        );
        if (upload.status !== 202) {
          throw new Error(`the import was not started: ${String(upload.status)} ${await upload.text()}`);
        }
        const { jobId } = (await upload.json()) as { jobId: string };
        const order: string[] = ["reading", "validating", "writing", "done", "failed"];
        const reached = () =>
          aim !== undefined &&
          (order.indexOf(phase) > order.indexOf(aim) ||
            (phase === aim && (aim !== "writing" || !progress.startsWith("0 "))));
        while (aim === undefined ? performance.now() - t0 < delay : !reached()) {
          const r = await fetch(`${server.url}/api/stats/import-jobs/${jobId}`, {
            headers: { cookie },
          }).catch(() => undefined);
          if (r?.ok === true) {
            const job = (await r.json()) as { phase: string; done: number; total: number };
            phase = job.phase;
            progress = `${String(job.done)} of ${String(job.total)}`;
          }
          if (aim === undefined) {
            await sleep(Math.min(50, Math.max(0, delay - (performance.now() - t0))));
          } else if (performance.now() - t0 > 600_000) {
            break; // a job that never moves on is the failure the harness reports, not a reason to hang
          }
        }
        killedAfterMs = Math.round(performance.now() - t0);
      } finally {
        await server.stop("SIGKILL");
      }
      const handle = await openDatabase(target);
      const print = await yearFingerprint(handle.db).finally(() => handle.close());
      const year =
        print === fingerprints[current] ? "old" : print === fingerprints[1 - current] ? "new" : "mixed";
      if (year === "new") {
        current = 1 - current;
      }
      return { killedAfterMs, phase, progress, year };
    },

    async restartsCleanly() {
      const server = await start(dataDir, env);
      try {
        const r = await fetch(`${server.url}/api/health`);
        return r.ok;
      } finally {
        await server.stop("SIGKILL");
      }
    },

    async close() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
