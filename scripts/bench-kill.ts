/**
 * Kill -9 benchmark (issue 14): ten imports of the demo county's whole year into a real `luoshi serve`,
 * each killed with SIGKILL inside a phase of the import — reading, validating and writing in turn, the
 * kill sent once the job has been seen in that phase (in writing, once rows are reported written) — on
 * the embedded database and on PostgreSQL; after each
 * kill the data folder (or database) is reopened and the year must hold wholly the old or wholly the new
 * figures, and the server must start again. Prints each run and the totals.
 * Run: node scripts/bench-kill.ts [runs=10] [pglite|postgres|both=both]
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres; a fresh database
 * is created and dropped).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { killScenario, type KillPhase } from "@luoshi/cli/kill-import";

const CLI = fileURLToPath(new URL("../packages/cli/bin/luoshi.js", import.meta.url));
const RUNS = Number(process.argv[2] ?? 10);
const which = process.argv[3] ?? "both";
const PHASES: readonly KillPhase[] = ["reading", "validating", "writing"];

const root = mkdtempSync(join(tmpdir(), "luoshi-bench-kill-"));
let lost = 0;
try {
  const demo = join(root, "demo");
  const r = spawnSync(process.execPath, [CLI, "demo"], {
    env: { ...process.env, LUOSHI_DATA_DIR: demo, LOG_LEVEL: "silent" },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    throw new Error(`luoshi demo failed:\n${r.stderr}`);
  }
  for (const engine of which === "both" ? ["pglite", "postgres"] : [which]) {
    let fresh: { url: string; drop: () => Promise<void> } | undefined;
    if (engine === "postgres") {
      process.env.TEST_DATABASE_URL ??=
        process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
      const { createTestDatabaseUrl } = await import("@luoshi/db/testing");
      fresh = await createTestDatabaseUrl();
    }
    const scenario = await killScenario({
      demoDir: demo,
      ...(fresh === undefined ? {} : { postgresUrl: fresh.url }),
    });
    const counts = { old: 0, new: 0, mixed: 0 };
    const landed = new Map<string, number>();
    try {
      for (let i = 1; i <= RUNS; i++) {
        const aim = PHASES[(i - 1) % PHASES.length] ?? "writing";
        const run = await scenario.run(aim);
        counts[run.year]++;
        landed.set(run.phase, (landed.get(run.phase) ?? 0) + 1);
        console.log(
          `${engine} run ${String(i)}: aimed at ${aim}, killed ${String(run.killedAfterMs)} ms after the upload ` +
            `in phase ${run.phase} (${run.progress}) → year ${run.year === "mixed" ? "HALF-WRITTEN" : `wholly ${run.year}`}`,
        );
      }
      const restarted = await scenario.restartsCleanly();
      console.log(
        `${engine}: ${String(RUNS)} kills — ${String(counts.old)} wholly old, ${String(counts.new)} wholly new, ` +
          `${String(counts.mixed)} half-written; server ${restarted ? "restarted and answered" : "DID NOT RESTART"}; ` +
          `kills by phase: ${[...landed].map(([p, n]) => `${p} ${String(n)}`).join(", ")}`,
      );
      lost += counts.mixed + (restarted ? 0 : 1);
    } finally {
      await scenario.close();
      await fresh?.drop();
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
process.exitCode = lost === 0 ? 0 : 1;
