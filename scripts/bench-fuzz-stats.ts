/**
 * The importers' long fuzz run: at least 1,000 inputs each to the statistics import (direct and as
 * background jobs), the unit-registry preview and the 学籍 import (applied), over HTTP on a fresh PGlite test server — the
 * hand-made hostile corpus, then random mutations of a valid file (truncated, flipped, spliced, random
 * bytes), reproducible by seed. Prints per importer: inputs, refusals, crashes (5xx), the slowest
 * answer, answers over 5 s, jobs left running, writes from refused uploads and unlocated refusals.
 * Run: node scripts/bench-fuzz-stats.ts [inputsPerImporter=1000] [stats|registry|students (default all)]
 */
import { createTestServer, TestClient } from "@luoshi/server/testing";
import {
  csvBytes,
  FUZZ_ENV,
  fuzzWorkbook,
  hostileCorpus,
  mutation,
  registryFuzzBase,
  runFuzzInput,
  STATS_FUZZ_BASE,
  studentsFuzzBase,
  type FuzzBase,
  type FuzzImporter,
  type FuzzInput,
} from "@luoshi/server/testing";

const perImporter = Number(process.argv[2] ?? 1000);
const only = process.argv[3];
// Every 500 is a defect: the error behind it is printed with the input that caused it.
let internal: unknown[] = [];
const server = await createTestServer("pglite", FUZZ_ENV, {
  onInternalError: (error) => {
    internal.push(error);
  },
});
try {
  const planner = new TestClient(server.app);
  await planner.login("bureauplanner");
  const admin = new TestClient(server.app);
  await admin.login("systemadmin");

  const inputs = async (base: FuzzBase, seed0: number): Promise<FuzzInput[]> => {
    const hostile = await hostileCorpus(base, 30_000);
    const files = { xlsx: await fuzzWorkbook({ [base.sheet]: base.rows }), csv: csvBytes(base) };
    const out = [...hostile];
    for (let seed = seed0; out.length < perImporter; seed++) {
      out.push(mutation(files, seed));
    }
    return out;
  };

  const run = async (label: string, pick: (i: number) => FuzzImporter, corpus: FuzzInput[]) => {
    const client = label === "registry" ? admin : planner;
    // a long run outlasts the idle session limit: sign in afresh now and then
    const signIn = async () => client.login(label === "registry" ? "systemadmin" : "bureauplanner");
    await signIn();
    let refused = 0;
    let crashes = 0;
    let stalls = 0;
    let left = 0;
    let partial = 0;
    let unlocated = 0;
    let max = 0;
    let slowest = "";
    const started = performance.now();
    for (const [i, input] of corpus.entries()) {
      if (i > 0 && i % 100 === 0) {
        await signIn();
      }
      internal = [];
      const out = await runFuzzInput(server, client, pick(i), input, 2024);
      refused += out.status >= 400 ? 1 : 0;
      crashes += out.status >= 500 ? 1 : 0;
      stalls += out.ms > 5000 ? 1 : 0;
      left += out.jobLeftRunning ? 1 : 0;
      partial += out.partialWrite ? 1 : 0;
      unlocated +=
        out.failure?.includes("names no place") === true || out.failure?.includes("no problems") === true
          ? 1
          : 0;
      if (out.ms > max) {
        max = out.ms;
        slowest = input.name;
      }
      if (out.failure !== null) {
        console.log(`  ✗ ${input.name}: ${out.failure}`);
        for (const error of internal) {
          console.log(
            `    server error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          );
        }
      }
      if ((i + 1) % 100 === 0) {
        console.log(
          `  ${label}: ${i + 1} of ${corpus.length} inputs, ${crashes + stalls + left + partial + unlocated} violations so far`,
        );
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `${label.padEnd(9)} inputs ${corpus.length}  refused ${refused}  crashes(5xx) ${crashes}  ` +
        `max ${Math.round(max)} ms (${slowest})  >5 s ${stalls}  jobs left running ${left}  ` +
        `partial writes ${partial}  unlocated refusals ${unlocated}  (${seconds.toFixed(0)} s)`,
    );
    return crashes + stalls + left + partial + unlocated;
  };

  let bad = 0;
  if (only === undefined || only === "stats") {
    // every fourth statistics input goes through a background job, so stuck jobs would show
    bad += await run("stats", (i) => (i % 4 === 3 ? "stats-job" : "stats"), await inputs(STATS_FUZZ_BASE, 1));
  }
  if (only === undefined || only === "registry") {
    bad += await run("registry", () => "registry", await inputs(registryFuzzBase(), 100_001));
  }
  if (only === undefined || only === "students") {
    bad += await run("students", () => "students", await inputs(studentsFuzzBase(), 200_001));
  }
  console.log(bad === 0 ? "fuzz: all invariants held" : `fuzz: ${bad} violations`);
  process.exitCode = bad === 0 ? 0 : 1;
} finally {
  await server.close();
}
