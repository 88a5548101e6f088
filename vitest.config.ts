import { defineConfig } from "vitest/config";

/**
 * Two projects: `unit` (domain, data, API — PGlite by default, PostgreSQL too when TEST_DATABASE_URL
 * is set) and `e2e` (real Chromium against a real server). Both run in forks: PGlite and argon2 are
 * native/wasm heavy. The unit files share their two worker processes (isolate: false): loading the
 * server's modules and PGlite's wasm once per worker instead of once per file roughly halves the
 * project's time on 2 cores. Test files keep no state between them (no mocks, no stubbed globals; each
 * opens and closes its own database). The machine has 2 cores.
 */
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
        test: { ...UNIT, name: "unit", isolate: false },
      },
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
