import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { runInWorker } from "./run-in-worker.ts";

const fixture = (name: string): URL => new URL(`./fixtures/${name}.worker.ts`, import.meta.url);

describe("runInWorker", () => {
  it("answers with the task's value, bytes passed whole", async () => {
    // a slice of a larger buffer, as a request body often is: only the slice's bytes travel
    const pool = Buffer.from([9, 9, 1, 2, 3, 4, 9]);
    const out = await runInWorker<{ text: string; size: number }>(
      fixture("echo"),
      { text: "abc", bytes: pool.subarray(2, 6) },
      "测试",
      { timeoutMs: 20_000, maxHeapMb: 64 },
    );
    expect(out).toEqual({ text: "ABC", size: 4 });
  });

  it("runs the next task in the process the last one answered from, never in one that was stopped", async () => {
    const limits = { timeoutMs: 20_000, maxHeapMb: 80 };
    const first = await runInWorker<number>(fixture("pid"), {}, "测试", limits);
    expect(await runInWorker<number>(fixture("pid"), {}, "测试", limits)).toBe(first);
    // a refusal is an answer: the process stays
    await runInWorker(fixture("refuse"), { row: 1 }, "测试", limits).catch(() => undefined);
    expect(await runInWorker<number>(fixture("pid"), {}, "测试", limits)).toBe(first);
    // a task stopped at its time limit takes its process with it
    await runInWorker(fixture("spin"), {}, "测试", { ...limits, timeoutMs: 500 }).catch(() => undefined);
    const after = await runInWorker<number>(fixture("pid"), {}, "测试", limits);
    expect(after).not.toBe(first);
    expect(() => process.kill(first, 0)).toThrow();
  });

  it("stops a task that runs past its time limit with an error a user can read", async () => {
    const started = Date.now();
    const error = await runInWorker(fixture("spin"), {}, "文件“卡住.xlsx”", {
      timeoutMs: 1_500,
      maxHeapMb: 64,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("too-complex");
    expect((error as AppError).message).toMatch(/^文件“卡住.xlsx”处理超过 2 秒仍未完成/);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  // issue 14: a worker *thread* past its ceiling now and then made V8 abort the whole process (two of
  // four full CI runs on 2026-12-07); in a child process only the child ends
  it("stops a task that exceeds its heap ceiling without hurting this process", async () => {
    const error = await runInWorker(fixture("hog"), {}, "文件“炸弹.docx”", {
      timeoutMs: 60_000,
      maxHeapMb: 48,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/^文件“炸弹.docx”展开后所需内存超过 48 MB/);
    // the host is still fine and the next task runs
    const again = await runInWorker<{ text: string }>(
      fixture("echo"),
      { text: "ok", bytes: new Uint8Array(0) },
      "测试",
    );
    expect(again.text).toBe("OK");
  });

  it("stops many over-ceiling tasks in a row, each with the same clear error", async () => {
    const errors = await Promise.all(
      [1, 2, 3, 4].map(() =>
        runInWorker(fixture("hog"), {}, "文件“炸弹.xlsx”", { timeoutMs: 60_000, maxHeapMb: 32 }).catch(
          (e: unknown) => e,
        ),
      ),
    );
    for (const error of errors) {
      expect((error as AppError).message).toMatch(/^文件“炸弹.xlsx”展开后所需内存超过 32 MB/);
    }
  });

  it("reports a task process that dies without answering as an internal failure", async () => {
    const error = await runInWorker(fixture("die"), {}, "测试").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(AppError);
    expect((error as Error).message).toMatch(/ended \(code 3\) before answering/);
  });

  it("passes a task's AppError through unchanged", async () => {
    const error = await runInWorker(fixture("refuse"), { row: 7 }, "测试").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      code: "validation-failed",
      message: "第 7 行格式不正确",
      details: { row: 7 },
    });
  });

  it("runs at most two tasks at once and queues the rest", async () => {
    const started = Date.now();
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        runInWorker(fixture("spin"), {}, "排队", { timeoutMs: 1_000, maxHeapMb: 64 }).catch(
          () => Date.now() - started,
        ),
      ),
    );
    // two time out after ~1 s; the third only starts then, so it ends after ~2 s
    expect(Math.max(...(results as number[]))).toBeGreaterThanOrEqual(1_900);
  });
});
