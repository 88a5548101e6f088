/** Worker task: reads a statistics upload — template, 基层表 workbook or .zip — (see {@link readStatsUploadInWorker}). */
import type { FileLimits } from "./file-limits.ts";
import { readStatsUpload, type StatsUpload } from "./jiceng-upload.ts";

export default async function readStatsUploadTask(input: {
  bytes: Uint8Array;
  fileName: string;
  year: number;
  limits: FileLimits;
}): Promise<StatsUpload> {
  return readStatsUpload(input.bytes, input.fileName, input.year, input.limits);
}
