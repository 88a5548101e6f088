/**
 * The entry of every child process {@link runInWorker} starts: for each {@link WorkerRequest}, one at a
 * time, imports the task module it names (cached after the first time), runs its default export on the
 * input and sends back a {@link WorkerReply}. When the server goes away (the IPC channel closes) the child
 * ends too, so no parse outlives the server that asked for it.
 */
import { AppError } from "../errors.ts";
import type { WorkerReply, WorkerRequest } from "./run-in-worker.ts";

type Task = (input: unknown) => Promise<unknown>;

if (process.send === undefined) throw new Error("worker-host.ts runs only as a forked child process");

process.on("disconnect", () => {
  process.exit(0);
});

async function answer(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const module = (await import(request.task)) as { default: Task };
    return { ok: true, value: await module.default(request.input) };
  } catch (error) {
    return error instanceof AppError
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
}

process.on("message", (request: WorkerRequest) => {
  void answer(request).then((reply) => {
    process.send?.(reply);
  });
});
