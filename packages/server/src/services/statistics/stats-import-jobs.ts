/**
 * 统计数据导入任务: an import run in the background so the page can show how far it has got. Jobs live
 * in this server's memory only, belong to the account that started them (anyone else gets 404, as if
 * the job did not exist) and are forgotten a while after they end. The import itself is the ordinary
 * {@link importStatistics}: all or nothing, in one transaction. The page polls a job over HTTP; code in
 * the same process (tests, the CLI) awaits its end with {@link StatsImportJobs.waitFor} instead. A job
 * that runs past the configured limit (`LUOSHI_IMPORT_JOB_SECONDS`) ends with an error and writes nothing.
 */
import { randomUUID } from "node:crypto";
import type { StatsProblem } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { importStatistics, type StatsImportResult, type StatsImportStage } from "./stats-import.service.ts";
import { authorize } from "../access/authorize.ts";

/** How long a finished job can still be read. */
const KEEP_FINISHED_MS = 30 * 60 * 1000;
/** Jobs one account may have running at once (each holds its file in memory). */
const MAX_RUNNING_PER_OWNER = 2;

/** Why a job failed: the error's code and message, and the file's problems when the file was at fault. */
interface StatsImportFailure {
  code: string;
  message: string;
  /** The problems listed (the first ones). */
  problems: StatsProblem[];
  /** All problems found, also those beyond the list. */
  problemCount: number;
}

/** A job as it stands when read: a copy, since the job goes on changing in the background. */
export interface StatsImportJobSnapshot {
  id: string;
  fileName: string;
  year: number;
  phase: StatsImportStage | "done" | "failed";
  /** Progress within the phase: `done` of `total`. */
  done: number;
  total: number;
  result: StatsImportResult | null;
  error: StatsImportFailure | null;
  /** For a failed job, the stage it failed in. */
  failedIn: StatsImportStage | null;
}

interface JobState extends StatsImportJobSnapshot {
  owner: string;
  finishedAt: number | null;
}

const ownerOf = (actor: Actor): string => actor.userId ?? `login:${actor.login ?? ""}`;

function toJobError(error: unknown): StatsImportFailure {
  if (error instanceof AppError) {
    const raw = error.details?.["problems"];
    const problems = Array.isArray(raw) ? (raw as StatsProblem[]) : [];
    const count = error.details?.["problemCount"];
    return {
      code: error.code,
      message: error.message,
      problems,
      problemCount: typeof count === "number" ? count : problems.length,
    };
  }
  return { code: "internal", message: "导入时发生内部错误，未导入任何数据", problems: [], problemCount: 0 };
}

/** The import jobs of one server: start one, read one. */
export class StatsImportJobs {
  private readonly jobs = new Map<string, JobState>();
  /** Settles when the job of that id has ended (done or failed); forgotten with the job. */
  private readonly ends = new Map<string, Promise<void>>();
  private readonly deps: ServiceDeps;
  private readonly onInternalError: (error: unknown) => void;

  private readonly importer: typeof importStatistics;

  /**
   * `onInternalError` hears errors that are not the file's fault (they would otherwise vanish with the
   * job); `importer` is the import a job runs (tests give one that never ends).
   */
  constructor(
    deps: ServiceDeps,
    onInternalError: (error: unknown) => void = () => undefined,
    importer: typeof importStatistics = importStatistics,
  ) {
    this.deps = deps;
    this.onInternalError = onInternalError;
    this.importer = importer;
  }

  /**
   * Starts importing `input` for `actor` and returns the job at once (phase `reading`). Checks the
   * permission before anything runs; refuses a third concurrent job of the same account. With
   * `preview`, the job checks the file and ends with what it would change, writing nothing.
   */
  start(
    actor: Actor,
    input: { fileName: string; year: number; bytes: Uint8Array; preview?: boolean },
  ): StatsImportJobSnapshot {
    authorize(actor, "stats.write");
    this.sweep();
    const owner = ownerOf(actor);
    const running = [...this.jobs.values()].filter((j) => j.owner === owner && j.finishedAt === null);
    if (running.length >= MAX_RUNNING_PER_OWNER) {
      throw new AppError("rate-limited", "您已有导入正在进行，请等其完成后再导入");
    }
    const job: JobState = {
      id: randomUUID(),
      owner,
      fileName: input.fileName,
      year: input.year,
      phase: "reading",
      done: 0,
      total: 1,
      result: null,
      error: null,
      failedIn: null,
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    const limitMs = this.deps.config.importLimits.jobTimeoutMs;
    const run = async (): Promise<void> => {
      // A job past its time limit is stopped: the import checks the signal before and while writing, so
      // it rolls back, and the job ends at once with an error, freeing the account's slot.
      const stop = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const overtime = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          const minutes =
            limitMs >= 60_000 ? `${Math.round(limitMs / 60_000)} 分钟` : `${Math.ceil(limitMs / 1000)} 秒`;
          const error = new AppError(
            "too-complex",
            `文件“${input.fileName}”的导入超过 ${minutes}仍未完成，已停止，未导入任何数据。请检查文件是否损坏，或拆分后再导入。`,
            {
              problems: [
                {
                  sheet: "",
                  row: 0,
                  column: "",
                  message: `文件“${input.fileName}”的导入超过 ${minutes}仍未完成，已停止`,
                },
              ],
              problemCount: 1,
            },
          );
          stop.abort(error);
          reject(error);
        }, limitMs);
      });
      try {
        const importing = this.importer(
          this.deps,
          actor,
          input,
          (done, total, stage) => {
            if (job.finishedAt === null) {
              job.phase = stage;
              job.done = done;
              job.total = total;
            }
          },
          stop.signal,
          { preview: input.preview === true },
        );
        // the import may still be unwinding after the job ended; its outcome is the job's no more
        importing.catch(() => undefined);
        job.result = await Promise.race([importing, overtime]);
        job.phase = "done";
        job.done = job.total;
      } catch (error) {
        job.failedIn = job.phase === "done" || job.phase === "failed" ? null : job.phase;
        job.phase = "failed";
        job.error = toJobError(error);
        if (!(error instanceof AppError)) {
          this.onInternalError(error);
        }
      } finally {
        clearTimeout(timer);
        job.finishedAt = this.deps.now().getTime();
      }
    };
    // Let the request answer 202 first; the import runs on the next turn of the event loop. `run`
    // catches everything, so the promise only ever resolves.
    this.ends.set(
      job.id,
      new Promise<void>((resolve) => {
        setImmediate(() => {
          void run().then(resolve);
        });
      }),
    );
    return this.snapshot(job);
  }

  /** The job `id` if `actor` started it; otherwise `not-found` (another user's job is not disclosed). */
  get(actor: Actor, id: string): StatsImportJobSnapshot {
    this.sweep();
    const job = this.jobs.get(id);
    if (job === undefined || job.owner !== ownerOf(actor)) {
      throw new AppError("not-found", "导入任务不存在或已过期");
    }
    return this.snapshot(job);
  }

  /**
   * Resolves with the job `id` as it ended (phase `done` or `failed`) once it has ended: no polling.
   * `not-found` for a job this registry does not hold (never started, or already forgotten).
   */
  async waitFor(id: string): Promise<StatsImportJobSnapshot> {
    const ended = this.ends.get(id);
    const job = this.jobs.get(id);
    if (ended === undefined || job === undefined) {
      throw new AppError("not-found", "导入任务不存在或已过期");
    }
    await ended;
    return this.snapshot(job);
  }

  private snapshot(job: JobState): StatsImportJobSnapshot {
    return {
      id: job.id,
      fileName: job.fileName,
      year: job.year,
      phase: job.phase,
      done: job.done,
      total: job.total,
      result: job.result,
      error: job.error,
      failedIn: job.failedIn,
    };
  }

  private sweep(): void {
    const now = this.deps.now().getTime();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) {
        this.jobs.delete(id);
        this.ends.delete(id);
      }
    }
  }
}
