/**
 * Untrusted work off the request thread. Parsing an uploaded file (a workbook, a policy document) can
 * take unbounded time or memory when the file is hostile or broken: a zip bomb, a million rows, a
 * pathological PDF. Run inside the server's own thread, one such file stalls every other user or ends
 * the process. {@link runInWorker} runs one task in a fresh worker thread with a heap ceiling and a
 * time limit: when either is exceeded the thread is terminated, its memory returned, and the caller
 * gets an {@link AppError} it can show ("文件过于复杂…") — the server itself never notices.
 *
 * A task is a module whose file name ends in `.worker.ts` and whose default export is an async function
 * of one structured-cloneable argument returning a structured-cloneable value. An {@link AppError} the
 * task throws arrives as the same AppError; any other exception as an internal error. At most
 * {@link MAX_PARALLEL_WORKERS} tasks run at once; the others wait their turn (waiting does not count
 * against the time limit).
 */
import { Worker, type Transferable } from "node:worker_threads";
import { AppError, type ErrorCode, type ErrorDetails } from "../errors.ts";

export interface WorkerLimits {
  /** Wall-clock limit for the task once its thread has started. */
  timeoutMs: number;
  /** Ceiling of the worker's old-generation heap. */
  maxHeapMb: number;
}

/** Bounds for parsing one uploaded file: generous for honest files, fatal for hostile ones. */
export const DEFAULT_PARSE_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxHeapMb: 768 };

/** Parsing threads that may run together; the machine luoshi targets has two cores. */
const MAX_PARALLEL_WORKERS = 2;

/** What the host thread posts back: the task's value, or the error it threw. */
export type WorkerReply =
  | { ok: true; value: unknown }
  | { ok: false; appError?: { code: ErrorCode; message: string; details?: ErrorDetails }; message: string };

let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (running < MAX_PARALLEL_WORKERS) {
    running += 1;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running -= 1;
}

const HOST = new URL("./worker-host.ts", import.meta.url);

function tooComplex(subject: string, reason: string): AppError {
  return new AppError(
    "too-complex",
    `${subject}${reason}，已停止处理。请检查文件是否损坏，或拆分后再上传。`,
    {
      reason,
    },
  );
}

/**
 * Runs the default export of `task` (a `*.worker.ts` module URL) on `input` in a fresh worker thread.
 * `subject` names what is being processed in the error a user sees, e.g. `文件“统计.xlsx”`.
 */
export async function runInWorker<O>(
  task: URL,
  input: unknown,
  subject: string,
  limits: WorkerLimits = DEFAULT_PARSE_LIMITS,
  transfer: Transferable[] = [],
): Promise<O> {
  await acquire();
  try {
    return await new Promise<O>((resolve, reject) => {
      const worker = new Worker(HOST, {
        workerData: { task: task.href, input },
        transferList: transfer,
        resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb },
        stdout: false,
        stderr: false,
      });
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(() => {
        settle(() => {
          reject(tooComplex(subject, `处理超过 ${Math.round(limits.timeoutMs / 1000)} 秒仍未完成`));
        });
      }, limits.timeoutMs);
      worker.on("message", (reply: WorkerReply) => {
        settle(() => {
          if (reply.ok) resolve(reply.value as O);
          else if (reply.appError)
            reject(new AppError(reply.appError.code, reply.appError.message, reply.appError.details));
          else reject(new Error(`worker task failed: ${reply.message}`));
        });
      });
      worker.on("error", (error: Error & { code?: string }) => {
        settle(() => {
          reject(
            error.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? tooComplex(subject, `展开后所需内存超过 ${limits.maxHeapMb} MB`)
              : error,
          );
        });
      });
      worker.on("exit", (code) => {
        settle(() => {
          reject(new Error(`worker thread exited with code ${code} before answering`));
        });
      });
    });
  } finally {
    release();
  }
}
