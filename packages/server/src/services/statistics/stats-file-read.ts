/**
 * Reading an uploaded spreadsheet off the request thread: {@link readStatsFile} (or, for a statistics
 * import, {@link readStatsUpload} with its 基层表 workbooks and .zip files) runs in a child process
 * with the configured time limit and heap ceiling, so one hostile or broken file never stalls the server
 * or other users. Past either limit the read ends with `too-complex` (422), located at the file.
 */
import type { ImportLimits } from "../../config.ts";
import { AppError } from "../../errors.ts";
import { runInWorker } from "../../workers/run-in-worker.ts";
import type { FileLimits } from "./file-limits.ts";
import type { StatsFileSheet } from "./stats-file.service.ts";
import type { StatsUpload } from "./jiceng-upload.ts";

const READ_FILE = new URL("./stats-file.worker.ts", import.meta.url);
const READ_UPLOAD = new URL("./stats-upload.worker.ts", import.meta.url);

/** Runs `task` on the file in a child process within `limits`, every refusal located at least at the file. */
async function inWorker<O>(
  task: URL,
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
  extra: Record<string, unknown> = {},
): Promise<O> {
  const fileLimits: FileLimits = {
    maxUnzippedBytes: limits.maxUnzippedBytes,
    maxZipEntries: limits.maxZipEntries,
    maxRows: limits.maxRows,
    maxCells: limits.maxCells,
    maxCellChars: limits.maxCellChars,
    maxXmlDepth: limits.maxXmlDepth,
  };
  try {
    return await runInWorker<O>(
      task,
      { ...extra, bytes, fileName, limits: fileLimits },
      `文件“${fileName}”`,
      { timeoutMs: limits.parseTimeoutMs, maxHeapMb: limits.parseHeapMb },
    );
  } catch (error) {
    if (error instanceof AppError && error.details?.["problems"] === undefined) {
      // the worker's own limits: locate the refusal at the file like every other
      throw new AppError(error.code, error.message, {
        ...error.details,
        problems: [{ sheet: "", row: 0, column: "", message: error.message }],
        problemCount: 1,
      });
    }
    throw error;
  }
}

/** {@link readStatsFile} of `bytes` in a child process, within `limits`. */
export async function readStatsFileInWorker(
  bytes: Uint8Array,
  fileName: string,
  limits: ImportLimits,
): Promise<StatsFileSheet[]> {
  return inWorker<StatsFileSheet[]>(READ_FILE, bytes, fileName, limits);
}

/**
 * {@link readStatsUpload} in a child process, within `limits`: a template file, one 基层表 workbook or a
 * .zip of them, as the template's sheets for statistical year `year`.
 */
export async function readStatsUploadInWorker(
  bytes: Uint8Array,
  fileName: string,
  year: number,
  limits: ImportLimits,
): Promise<StatsUpload> {
  return inWorker<StatsUpload>(READ_UPLOAD, bytes, fileName, limits, { year });
}
