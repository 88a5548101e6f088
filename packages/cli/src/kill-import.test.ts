import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabaseUrl } from "@luoshi/db/testing";
import { copyDemoData } from "./run-cli.ts";
import { killScenario, type KillPhase } from "./kill-import.ts";

/** Kills per engine here, each aimed at a phase of the import; scripts/bench-kill.ts does ten. */
const RUNS = 2;
const AIMS: readonly KillPhase[] = ["writing", "validating"];

// Real server processes on a busy 2-core machine: the budget makes only a hung start fail on time.
describe("kill -9 during a statistics import", { timeout: 600_000 }, () => {
  let demo: string;
  beforeAll(() => {
    demo = mkdtempSync(join(tmpdir(), "luoshi-kill-demo-"));
    copyDemoData(join(demo, "data"));
  }, 600_000);
  afterAll(() => {
    rmSync(demo, { recursive: true, force: true });
  });

  const engines = process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
  it.each(engines)(
    "leaves the year wholly old or wholly new on %s, and the server starts again after it",
    async (engine) => {
      const pg = engine === "postgres" ? await createTestDatabaseUrl() : undefined;
      const scenario = await killScenario({
        demoDir: join(demo, "data"),
        ...(pg === undefined ? {} : { postgresUrl: pg.url }),
      });
      try {
        for (let i = 0; i < RUNS; i++) {
          const run = await scenario.run(AIMS[i % AIMS.length]);
          expect(run.year, JSON.stringify(run)).not.toBe("mixed");
          // the kill landed in the phase aimed at, or after it (a job that ended before it was seen there)
          expect(["validating", "writing", "done", "failed"], JSON.stringify(run)).toContain(run.phase);
        }
      } finally {
        await scenario.close();
        await pg?.drop();
      }
    },
  );
});
