import { configDefaults, defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (domain, data, API — PGlite by default, PostgreSQL too when TEST_DATABASE_URL
 * is set) and `e2e` (real Chromium against a real server). Both run in forks: PGlite and argon2 are
 * native/wasm heavy. The unit files share their two worker processes (isolate: false): loading the
 * server's modules and PGlite's wasm once per worker instead of once per file roughly halves the
 * project's time on 2 cores. Test files keep no state between them (no mocks, no stubbed globals; each
 * opens and closes its own database). The machine has 2 cores.
 */
/**
 * Files that drive a process to its limits on purpose (a worker thread past its heap ceiling): they run
 * in a process of their own, in a run of their own after the others (`npm run test:unit`) — beside the
 * full suite the test process itself went down ("worker exited unexpectedly").
 */
const OWN_PROCESS = ["packages/server/src/workers/run-in-worker.test.ts"];

const UNIT = {
  include: ["packages/*/src/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
  globalSetup: ["packages/cli/src/test-global-setup.ts"],
  pool: "forks" as const,
  maxWorkers: 2,
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    projects: [
      {
        test: { ...UNIT, name: "unit", isolate: false, exclude: [...configDefaults.exclude, ...OWN_PROCESS] },
      },
      // no database: the shared template of the global setup is not needed there
      { test: { ...UNIT, name: "unit-own-process", include: OWN_PROCESS, globalSetup: [] } },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/global-setup.ts"],
          pool: "forks",
          maxWorkers: 1,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page may take seconds to answer on a busy machine: expect.poll waits on the condition
          // for up to 15 s instead of vitest's 1 s default, which made the browser tests flaky.
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
