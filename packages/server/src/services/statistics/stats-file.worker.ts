/** Worker task: reads an uploaded spreadsheet into sheets of cells (see {@link readStatsFileInWorker}). */
import type { FileLimits } from "./file-limits.ts";
import { readStatsFile, type StatsFileSheet } from "./stats-file.service.ts";

export default async function readStatsFileTask(input: {
  bytes: Uint8Array;
  fileName: string;
  limits: FileLimits;
}): Promise<StatsFileSheet[]> {
  return readStatsFile(input.bytes, input.fileName, input.limits);
}
