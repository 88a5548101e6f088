/**
 * The importers under fuzz, over HTTP (bounded for CI; scripts/bench-fuzz-stats.ts runs the long
 * version): hand-made hostile files and random mutations of a valid file, uploaded to the statistics
 * import (direct and as a background job), to the unit-registry preview and to the 学籍 import (applied).
 * Whatever the input: never a
 * 5xx, never an answer slower than 5 s, never a job left running, never a write from a refused upload,
 * and every refusal names where (the file, sheet, row or column).
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";
import {
  csvBytes,
  FUZZ_ENV,
  hostileCorpus,
  mutation,
  registryFuzzBase,
  STATS_FUZZ_BASE as STATS,
  studentsFuzzBase,
  type FuzzInput,
} from "./fuzz-corpus.ts";
import { runFuzzInput, type FuzzImporter } from "./fuzz-harness.ts";
import { workbook } from "./hostile-files.ts";

describe.each(testEngines())("importers under fuzz on %s", (engine) => {
  let server: TestServer;
  let planner: TestClient;
  let admin: TestClient;
  let corpus: FuzzInput[] = [];
  beforeAll(async () => {
    server = await createTestServer(engine, FUZZ_ENV);
    planner = new TestClient(server.app);
    await planner.login("bureauplanner");
    admin = new TestClient(server.app);
    await admin.login("systemadmin");
  }, 180_000);
  afterAll(async () => {
    await server.close();
  });

  const check = async (importer: FuzzImporter, input: FuzzInput) => {
    const out = await runFuzzInput(server, importer === "registry" ? admin : planner, importer, input, 2024);
    expect({ input: input.name, failure: out.failure }).toEqual({ input: input.name, failure: null });
    return out;
  };

  // generous per-test limits: the suite runs on shared CI machines; a stall is caught per input (5 s)
  const LONG = 240_000;

  it(
    "holds for every hand-made hostile statistics file",
    async () => {
      corpus = await hostileCorpus(STATS, 30_000);
      for (const input of corpus) {
        await check("stats", input);
      }
    },
    LONG,
  );

  it(
    "holds for hostile files sent as background jobs, each of which ends",
    async () => {
      for (const input of corpus.filter((_c, i) => i % 3 === 0)) {
        await check("stats-job", input);
      }
    },
    LONG,
  );

  it(
    "holds for random mutations of a valid statistics file (truncated, flipped, spliced, random)",
    async () => {
      const base = { xlsx: await workbook({ [STATS.sheet]: STATS.rows }), csv: csvBytes(STATS) };
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
          await check(seed % 4 === 0 ? "stats-job" : "stats", mutation(base, seed));
        }),
        { numRuns: 16, seed: 20_261_207 },
      );
    },
    LONG,
  );

  // issue 14: the long run of session 7 answered 500 to m549–m566 in a row; sent directly and as jobs,
  // each of them is a refusal that names where
  it(
    "refuses the long run's mutations m549–m566 with a 4xx that names where, directly and as a job",
    async () => {
      const base = { xlsx: await workbook({ [STATS.sheet]: STATS.rows }), csv: csvBytes(STATS) };
      for (let seed = 549; seed <= 566; seed++) {
        for (const importer of ["stats", "stats-job"] as const) {
          const out = await check(importer, mutation(base, seed));
          expect(out.status, `m${String(seed)} ${importer}`).toBeGreaterThanOrEqual(400);
          expect(out.status, `m${String(seed)} ${importer}`).toBeLessThan(500);
        }
      }
    },
    LONG,
  );

  it(
    "holds for every hand-made hostile registry file and random mutations of a valid one",
    async () => {
      const base = registryFuzzBase();
      for (const input of await hostileCorpus(base, 30_000)) {
        await check("registry", input);
      }
      const files = { xlsx: await workbook({ [base.sheet]: base.rows }), csv: csvBytes(base) };
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
          await check("registry", mutation(files, seed));
        }),
        { numRuns: 12, seed: 20_261_208 },
      );
    },
    LONG,
  );

  it(
    "holds for every hand-made hostile 学籍 file and random mutations of a valid one",
    async () => {
      const base = studentsFuzzBase();
      // the valid base itself is taken (the harness sees writes only from refused uploads)
      const valid = await check("students", { name: "valid", fileName: "学籍.csv", bytes: csvBytes(base) });
      expect(valid.status).toBe(201);
      for (const input of await hostileCorpus(base, 30_000)) {
        await check("students", input);
      }
      const files = { xlsx: await workbook({ [base.sheet]: base.rows }), csv: csvBytes(base) };
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
          await check("students", mutation(files, seed));
        }),
        { numRuns: 12, seed: 20_261_209 },
      );
    },
    LONG,
  );
});
