import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { runInWorker } from "./run-in-worker.ts";

const fixture = (name: string): URL => new URL(`./fixtures/${name}.worker.ts`, import.meta.url);

describe("runInWorker", () => {
  it("answers with the task's value, bytes transferred", async () => {
    const bytes = new Uint8Array([1, 2, 3, 4]);
    const out = await runInWorker<{ text: string; size: number }>(
      fixture("echo"),
      { text: "abc", bytes },
      "测试",
      { timeoutMs: 20_000, maxHeapMb: 64 },
      [bytes.buffer],
    );
    expect(out).toEqual({ text: "ABC", size: 4 });
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

  // Known defect (issue 14): now and then V8 aborts the whole process instead of ending only the worker
  // when the thread reaches its ceiling (two of four full CI runs on 2026-12-07). Until the task runs in
  // a child process, this runs on request only: LUOSHI_TEST_HEAP_CEILING=1.
  it.runIf(process.env.LUOSHI_TEST_HEAP_CEILING === "1")(
    "stops a task that exceeds its heap ceiling without hurting this process",
    async () => {
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
    },
  );

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
