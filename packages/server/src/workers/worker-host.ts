/**
 * The entry of every worker thread {@link runInWorker} starts: imports the task module named in
 * `workerData`, runs its default export on the input and posts back a {@link WorkerReply}.
 */
import { parentPort, workerData } from "node:worker_threads";
import { AppError } from "../errors.ts";
import type { WorkerReply } from "./run-in-worker.ts";

interface HostData {
  task: string;
  input: unknown;
}

type Task = (input: unknown) => Promise<unknown>;

const data = workerData as HostData;
const port = parentPort;
if (!port) throw new Error("worker-host.ts runs only as a worker thread");

let reply: WorkerReply;
try {
  const module = (await import(data.task)) as { default: Task };
  reply = { ok: true, value: await module.default(data.input) };
} catch (error) {
  reply =
    error instanceof AppError
      ? {
          ok: false,
          appError: {
            code: error.code,
            message: error.message,
            ...(error.details === undefined ? {} : { details: error.details }),
          },
          message: error.message,
        }
      : { ok: false, message: error instanceof Error ? error.message : String(error) };
}
port.postMessage(reply);
