/**
 * Untrusted work off the server's process. Parsing an uploaded file (a workbook, a policy document) can
 * take unbounded time or memory when the file is hostile or broken: a zip bomb, a million rows, a
 * pathological PDF. Run inside the server, one such file stalls every other user or ends the process.
 * {@link runInWorker} runs one task in a child process (`child_process.fork`) with a heap ceiling
 * (`--max-old-space-size`) and a time limit: past the time limit the child is killed; past the ceiling
 * V8 ends the child (and only the child — a worker thread past its ceiling sometimes took the whole
 * process down with it, issue 14). Either way its memory goes back to the system and the caller gets an
 * {@link AppError} it can show ("文件过于复杂…") — the server itself never notices.
 *
 * A task is a module whose file name ends in `.worker.ts` and whose default export is an async function
 * of one argument returning a value, both passed by V8's structured serialisation (typed arrays, Maps,
 * Dates survive). An {@link AppError} the task throws arrives as the same AppError; any other exception
 * as an internal error. At most {@link MAX_PARALLEL_WORKERS} tasks run at once; the others wait their
 * turn (waiting does not count against the time limit).
 */
import { fork, type ChildProcess } from "node:child_process";
import { Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { AppError, type ErrorCode, type ErrorDetails } from "../errors.ts";

export interface WorkerLimits {
  /** Wall-clock limit for the task once its process has started. */
  timeoutMs: number;
  /** Ceiling of the child process's old-generation heap. */
  maxHeapMb: number;
}

/** Bounds for parsing one uploaded file: generous for honest files, fatal for hostile ones. */
export const DEFAULT_PARSE_LIMITS: WorkerLimits = { timeoutMs: 60_000, maxHeapMb: 768 };

/** Parsing processes that may run together; the machine luoshi targets has two cores. */
const MAX_PARALLEL_WORKERS = 2;

/** What the child posts back: the task's value, or the error it threw. */
export type WorkerReply =
  | { ok: true; value: unknown }
  | { ok: false; appError?: { code: ErrorCode; message: string; details?: ErrorDetails }; message: string };

/** What the child is sent: the task module's URL and its input. */
export interface WorkerRequest {
  task: string;
  input: unknown;
}

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

const HOST = fileURLToPath(new URL("./worker-host.ts", import.meta.url));

/** The last bytes of the child's stderr kept to tell an out-of-memory end from another crash. */
const STDERR_TAIL = 4096;

function tooComplex(subject: string, reason: string): AppError {
  return new AppError(
    "too-complex",
    `${subject}${reason}，已停止处理。请检查文件是否损坏，或拆分后再上传。`,
    {
      reason,
    },
  );
}

/** The server's own flags minus those a child must not share (a debugger port, its heap size). */
function childFlags(maxHeapMb: number): string[] {
  const own = process.execArgv.filter(
    (flag) => !/^--(max-old-space-size|max-semi-space-size|inspect|debug)/.test(flag),
  );
  return [...own, `--max-old-space-size=${String(maxHeapMb)}`];
}

/**
 * Children that answered their last task and wait for the next, by heap ceiling. Starting a child means
 * loading the parsers' modules again (a second or more on a busy machine), so a child that ended its task
 * normally is kept for the next one; a child that timed out, crashed or ran out of memory never is.
 */
const idle = new Map<number, ChildProcess[]>();

function takeIdle(maxHeapMb: number): ChildProcess | undefined {
  const pool = idle.get(maxHeapMb) ?? [];
  let child = pool.pop();
  while (child !== undefined && (child.exitCode !== null || child.signalCode !== null || !child.connected)) {
    child = pool.pop();
  }
  return child;
}

function keepIdle(child: ChildProcess, maxHeapMb: number): void {
  const pool = idle.get(maxHeapMb) ?? [];
  if (pool.length >= MAX_PARALLEL_WORKERS || !child.connected) {
    child.kill("SIGKILL");
    return;
  }
  // an idle child does not keep the server's process alive
  child.removeAllListeners("message");
  child.removeAllListeners("exit");
  child.removeAllListeners("error");
  child.stderr?.removeAllListeners("data");
  child.on("error", () => undefined);
  child.unref();
  child.channel?.unref();
  // the stderr pipe is a handle of its own: left referenced, it keeps a finished CLI command running
  pipeOf(child)?.unref();
  pool.push(child);
  idle.set(maxHeapMb, pool);
}

/** The child's stderr pipe as the socket it is (stdio "pipe"), to ref and unref with the child. */
function pipeOf(child: ChildProcess): Socket | undefined {
  return child.stderr instanceof Socket ? child.stderr : undefined;
}

function startChild(maxHeapMb: number): ChildProcess {
  const child = takeIdle(maxHeapMb);
  if (child !== undefined) {
    child.removeAllListeners("error");
    child.ref();
    child.channel?.ref();
    pipeOf(child)?.ref();
    return child;
  }
  return fork(HOST, [], {
    execArgv: childFlags(maxHeapMb),
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
}

/**
 * Runs the default export of `task` (a `*.worker.ts` module URL) on `input` in a child process (one
 * kept from an earlier task when there is one). `subject` names what is being processed in the error a
 * user sees, e.g. `文件“统计.xlsx”`.
 */
export async function runInWorker<O>(
  task: URL,
  input: unknown,
  subject: string,
  limits: WorkerLimits = DEFAULT_PARSE_LIMITS,
): Promise<O> {
  await acquire();
  try {
    return await new Promise<O>((resolve, reject) => {
      const child = startChild(limits.maxHeapMb);
      let stderr = "";
      child.stderr?.setEncoding("utf8");
      child.stderr?.on("data", (chunk: string) => {
        stderr = (stderr + chunk).slice(-STDERR_TAIL);
      });
      let settled = false;
      /** Ends the task; the child is kept for the next task only when it answered (`reusable`). */
      const settle = (fn: () => void, reusable = false): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        if (reusable) keepIdle(child, limits.maxHeapMb);
        else if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      };
      const timer = setTimeout(() => {
        settle(() => {
          reject(tooComplex(subject, `处理超过 ${Math.round(limits.timeoutMs / 1000)} 秒仍未完成`));
        });
      }, limits.timeoutMs);
      child.on("message", (reply: WorkerReply) => {
        settle(() => {
          if (reply.ok) resolve(reply.value as O);
          else if (reply.appError)
            reject(new AppError(reply.appError.code, reply.appError.message, reply.appError.details));
          else reject(new Error(`worker task failed: ${reply.message}`));
        }, true);
      });
      child.on("error", (error) => {
        settle(() => {
          reject(error);
        });
      });
      child.on("exit", (code, signal) => {
        settle(() => {
          // V8 past --max-old-space-size prints "JavaScript heap out of memory" and aborts
          const outOfMemory =
            /heap out of memory|Reached heap limit|Allocation failed/.test(stderr) || signal === "SIGABRT";
          reject(
            outOfMemory
              ? tooComplex(subject, `展开后所需内存超过 ${limits.maxHeapMb} MB`)
              : new Error(
                  `worker process ended (${signal ?? `code ${String(code)}`}) before answering: ${stderr.trim()}`,
                ),
          );
        });
      });
      const request: WorkerRequest = { task: task.href, input };
      child.send(request, (error) => {
        if (error) {
          settle(() => {
            reject(error);
          });
        }
      });
    });
  } finally {
    release();
  }
}
