import { describe, expect, it } from "vitest";
import { parseConfig } from "../../config.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { StatsImportJobs } from "./stats-import-jobs.ts";

const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-test-unused", LUOSHI_IMPORT_JOB_SECONDS: "1" });
if (parsed.config === undefined) {
  throw new Error(parsed.problems.join("; "));
}
// the jobs never touch the database here: the import they run is the stuck one below
const deps = { handle: null, config: parsed.config, now: () => new Date() } as unknown as ServiceDeps;
const actor: Actor = {
  userId: "00000000-0000-4000-8000-000000000001",
  login: "planner",
  role: "bureauPlanner",
  orgUnitId: null,
  scope: { path: "/" },
  clientIp: null,
  requestId: null,
};

describe("a stuck statistics import job", () => {
  it("ends with an error at the time limit and frees the account's slot", async () => {
    // an import that never ends, as a corrupted workbook once gave
    const stuck = () => new Promise<never>(() => undefined);
    const jobs = new StatsImportJobs(deps, () => undefined, stuck);
    const file = { fileName: "坏文件.xlsx", year: 2024, bytes: new Uint8Array([1]) };
    const a = jobs.start(actor, file);
    const b = jobs.start(actor, file);
    // two running: a third is refused, as before
    expect(() => jobs.start(actor, file)).toThrow(/您已有导入正在进行/);
    const ended = await Promise.all([jobs.waitFor(a.id), jobs.waitFor(b.id)]);
    for (const job of ended) {
      expect(job.phase).toBe("failed");
      expect(job.error).toMatchObject({
        code: "too-complex",
        message: expect.stringMatching(/^文件“坏文件.xlsx”的导入超过 1 秒仍未完成，已停止/) as string,
      });
      expect(job.error?.problems[0]?.message).toMatch(/坏文件.xlsx/);
    }
    // the slots are free again
    expect(jobs.start(actor, file).phase).toBe("reading");
  });
});
