/**
 * Running one fuzz input through an importer over HTTP and checking what must hold whatever the input:
 * no 5xx, an answer within the stall bound, every rejection naming where (file, sheet, row or column),
 * and nothing written by a rejected upload. Shared by the CI suite and the benchmark; test support only.
 */
import { orgRegistryRepo, orgUnitRepo, statsRepo, studentRepo, WHOLE_TREE } from "@luoshi/db";
import type { LightMyRequestResponse } from "fastify";
import type { DatabaseHandle } from "@luoshi/db";
import type { FuzzInput } from "./fuzz-corpus.ts";
import type { StatsImportJobSnapshot } from "./stats-import-jobs.ts";

/** The server under fuzz, as the test harness (testing.ts) gives it. */
interface FuzzServer {
  handle: DatabaseHandle;
  importJobs: { waitFor(id: string): Promise<StatsImportJobSnapshot> };
}

/** A signed-in client of it. */
interface FuzzClient {
  request(
    method: "GET" | "POST",
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

/**
 * The importers fuzzed: statistics (direct and as a background job), the unit registry (名录) preview,
 * and the student registry (学籍) import, applied.
 */
export type FuzzImporter = "stats" | "stats-job" | "registry" | "students";

/** The outcome of one input. */
export interface FuzzOutcome {
  status: number;
  ms: number;
  /** What went wrong, or null. */
  failure: string | null;
  /** True when the upload was refused and something was written anyway. */
  partialWrite: boolean;
  /** True when a background job did not end. */
  jobLeftRunning: boolean;
}

/** What the database holds that an import could change: compared before and after a rejection. */
async function fingerprint(server: FuzzServer): Promise<string> {
  const db = server.handle.db;
  const values = await statsRepo.listInScope(db, "school_stats", WHOLE_TREE, 2000, 2100);
  const areas = await statsRepo.listInScope(db, "population_stats", WHOLE_TREE, 2000, 2100);
  const key = (r: { code: string; year: number; values: Record<string, number> }) =>
    `${r.code}|${r.year}|${JSON.stringify(Object.entries(r.values).sort())}`;
  return JSON.stringify([
    await statsRepo.count(db, "stats_imports"),
    await orgUnitRepo.count(db),
    await orgRegistryRepo.countImports(db),
    [...values, ...areas].map(key).sort(),
    (await studentRepo.heldInScope(db, WHOLE_TREE))
      .map((p) => `${p.id}|${p.schoolCode}|${p.studentNoIndex}|${p.grade}|${p.status}|${p.schoolYear}`)
      .sort(),
  ]);
}

interface Problem {
  sheet?: string;
  row?: number;
  column?: string;
  message?: string;
}

/** Why a rejection fails to name where, or null when it does. */
function unlocated(body: unknown, fileName: string): string | null {
  const error = (body as { error?: { message?: string; details?: { problems?: Problem[] } } }).error;
  const problems = error?.details?.problems;
  if (!Array.isArray(problems) || problems.length === 0) {
    return (error?.message ?? "").includes(fileName) ? null : `no problems listed: ${error?.message ?? ""}`;
  }
  const bad = problems.find(
    (p) =>
      (p.sheet ?? "") === "" &&
      (p.row ?? 0) <= 0 &&
      (p.column ?? "") === "" &&
      !(p.message ?? "").includes(fileName),
  );
  return bad === undefined ? null : `problem names no place: ${bad.message ?? ""}`;
}

/** Sends `input` to `importer` as `client` and checks the invariants; `stallMs` is the stall bound. */
export async function runFuzzInput(
  server: FuzzServer,
  client: FuzzClient,
  importer: FuzzImporter,
  input: FuzzInput,
  year: number,
  stallMs = 5000,
): Promise<FuzzOutcome> {
  const before = await fingerprint(server);
  const started = performance.now();
  const name = encodeURIComponent(input.fileName);
  let status: number;
  let body: unknown;
  let jobLeftRunning = false;
  // a large file goes as the page sends it (the bytes as the body, a job), not as base64 in JSON
  const kind: FuzzImporter =
    importer === "stats" && input.bytes.length > 1024 * 1024 ? "stats-job" : importer;
  if (kind === "stats") {
    const res = await client.request("POST", "/api/stats/imports", {
      fileName: input.fileName,
      year,
      contentBase64: Buffer.from(input.bytes).toString("base64"),
    });
    status = res.statusCode;
    body = res.json();
  } else if (kind === "stats-job") {
    const res = await client.request(
      "POST",
      `/api/stats/import-jobs?fileName=${name}&year=${year}`,
      Buffer.from(input.bytes),
      { "content-type": "application/octet-stream" },
    );
    status = res.statusCode;
    body = res.json();
    if (status === 202) {
      const jobId = (body as { jobId: string }).jobId;
      const ended = await Promise.race([
        server.importJobs.waitFor(jobId),
        new Promise<null>((resolve) => {
          setTimeout(() => {
            resolve(null);
          }, stallMs * 4);
        }),
      ]);
      if (ended === null) {
        jobLeftRunning = true;
      } else if (ended.phase === "failed") {
        status = ended.error?.code === "internal" ? 500 : 400;
        body = { error: { message: ended.error?.message, details: { problems: ended.error?.problems } } };
      } else {
        status = 201;
      }
    }
  } else if (kind === "students") {
    const res = await client.request("POST", "/api/registry/imports", {
      fileName: input.fileName,
      schoolYear: year,
      term: 1,
      asOf: `${String(year)}-09-30`,
      contentBase64: Buffer.from(input.bytes).toString("base64"),
    });
    status = res.statusCode;
    body = res.json();
  } else {
    const res = await client.request(
      "POST",
      `/api/org-units/registry/preview?fileName=${name}`,
      Buffer.from(input.bytes),
      { "content-type": "application/octet-stream" },
    );
    status = res.statusCode;
    body = res.json();
  }
  const ms = performance.now() - started;
  const failures: string[] = [];
  if (status >= 500) {
    failures.push(`answered ${status}`);
  }
  if (ms > stallMs) {
    failures.push(`took ${Math.round(ms)} ms`);
  }
  if (jobLeftRunning) {
    failures.push("job did not end");
  }
  let partialWrite = false;
  if (status >= 400) {
    const where = unlocated(body, input.fileName);
    if (where !== null && status !== 413) {
      failures.push(where);
    }
    if ((await fingerprint(server)) !== before) {
      partialWrite = true;
      failures.push("refused, yet the database changed");
    }
  }
  return {
    status,
    ms,
    failure: failures.length === 0 ? null : failures.join("; "),
    partialWrite,
    jobLeftRunning,
  };
}
