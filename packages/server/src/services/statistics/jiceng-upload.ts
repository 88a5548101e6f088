/**
 * 基层表 uploads: a .zip of per-school 教育事业统计 workbooks (with supplements), or one such workbook,
 * turned into the template's sheets by the domain so the ordinary import checks and stores them. A
 * template file passes through untouched. Reading the zip is bounded: entries, sizes, total unpacked.
 */
import { unzipSync, zipSync, type UnzipFileInfo } from "fflate";
import iconv from "iconv-lite";
import type { Issue } from "@luoshi/domain";
import { isJicengWorkbook, readJicengUpload, type Cell, type GridWorkbook } from "@luoshi/domain/stats";
import type { StatsProblem } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import { DEFAULT_FILE_LIMITS, type FileLimits } from "./file-limits.ts";
import { MAX_STATS_FILE_BYTES, readStatsFile, type StatsFileSheet } from "./stats-file.service.ts";

/** What an upload became: the template's sheets, and findings that do not stop the import. */
export interface StatsUpload {
  sheets: StatsFileSheet[];
  warnings: StatsProblem[];
}

const refused = (message: string, problems: StatsProblem[] = []) =>
  new AppError("validation-failed", message, {
    problems: problems.length > 0 ? problems : [{ sheet: "", row: 0, column: "", message }],
    problemCount: Math.max(1, problems.length),
  });

/** A sheet as read back into a grid: row 1 is the header row, blank rows stay blank. */
function toGrid(sheet: StatsFileSheet): Cell[][] {
  const rows: Cell[][] = [sheet.headers];
  for (const r of sheet.rows) {
    while (rows.length < r.row - 1) {
      rows.push([]);
    }
    rows[r.row - 1] = r.cells;
  }
  return rows;
}

const toProblem = (i: Issue): StatsProblem => ({
  sheet: [i.where?.file, i.where?.sheet].filter((s) => s !== undefined && s !== "").join(" "),
  row: i.where?.row ?? 0,
  column: i.where?.column ?? "",
  message: i.message,
});

/**
 * An entry's name as people wrote it. fflate decodes a name without the zip's UTF-8 flag byte by byte
 * (Latin-1); Windows writes such names in GBK and macOS in UTF-8 without the flag. Those bytes are
 * read as UTF-8 when they are valid UTF-8, else as GB18030.
 */
function entryName(name: string): string {
  const codes = Array.from({ length: name.length }, (_, i) => name.charCodeAt(i));
  if (codes.every((c) => c < 0x80) || codes.some((c) => c > 0xff)) {
    return name;
  }
  const bytes = Buffer.from(name, "latin1");
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(bytes, "gb18030");
  }
}

/**
 * The .xlsx entries of an archive (folders, macOS metadata and Office lock files skipped), within the
 * configured bounds of an uploaded zip (`LUOSHI_IMPORT_MAX_ZIP_ENTRIES` workbooks, unpacking to
 * `LUOSHI_IMPORT_MAX_UNZIPPED_MB` in all), and no workbook above the upload's own size.
 */
function unpack(bytes: Uint8Array, limits: FileLimits): { name: string; bytes: Uint8Array }[] {
  let entries = 0;
  let unpacked = 0;
  // set inside the filter below: the first entry beyond a bound
  const over: { name: string | null } = { name: null };
  const wanted = (f: UnzipFileInfo): boolean => {
    const base = f.name.split("/").pop() ?? "";
    if (
      f.name.endsWith("/") ||
      f.name.startsWith("__MACOSX/") ||
      base.startsWith("~$") ||
      base.startsWith(".")
    ) {
      return false;
    }
    if (!base.toLowerCase().endsWith(".xlsx")) {
      return false;
    }
    entries++;
    unpacked += f.originalSize;
    if (
      f.originalSize > MAX_STATS_FILE_BYTES ||
      unpacked > limits.maxUnzippedBytes ||
      entries > limits.maxZipEntries
    ) {
      over.name ??= f.name;
      return false;
    }
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: wanted });
  } catch {
    throw refused("文件不是有效的 .zip 压缩包");
  }
  if (over.name !== null) {
    throw refused(
      `压缩包过大：最多 ${limits.maxZipEntries} 个工作簿、单个不超过 ${MAX_STATS_FILE_BYTES / 1024 / 1024} MB、合计解压后不超过 ${Math.floor(limits.maxUnzippedBytes / 1024 / 1024)} MB（超出处：${over.name}）`,
    );
  }
  return Object.entries(files)
    .map(([name, data]) => ({ name: entryName(name), bytes: data }))
    .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
}

/** Reads one workbook of an archive; a problem in it names the entry. */
async function readEntry(name: string, bytes: Uint8Array, limits: FileLimits): Promise<GridWorkbook> {
  const fileName = name.split("/").pop() ?? name;
  try {
    const sheets = await readStatsFile(bytes, fileName, limits);
    return { fileName, sheets: sheets.map((s) => ({ name: s.name, rows: toGrid(s) })) };
  } catch (error) {
    if (error instanceof AppError && error.code === "validation-failed") {
      throw refused(`${fileName}：${error.message}`);
    }
    throw error;
  }
}

/** The template's sheets from 基层表 workbooks, or `validation-failed` naming 表号/行代码/栏号. */
function fromJiceng(workbooks: readonly GridWorkbook[], year: number): StatsUpload {
  const read = readJicengUpload(workbooks, year);
  const errors = read.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw new AppError(
      "validation-failed",
      `基层表有 ${errors.length} 处错误，未导入：${errors[0]?.message ?? ""}`,
      { problems: errors.slice(0, 200).map(toProblem), problemCount: errors.length },
    );
  }
  if (read.workbooks === 0) {
    throw refused("压缩包中没有基层表工作簿（工作表名应为“教基1001_…”或“基础基111”等）");
  }
  return {
    sheets: read.sheets.map((s) => ({ name: s.name, headers: s.headers, rows: s.rows })),
    warnings: read.issues.filter((i) => i.severity === "warning").map(toProblem),
  };
}

/**
 * Reads an upload for 统计年度 `year`: a .zip is a set of 基层表 workbooks plus supplements; an .xlsx
 * whose sheets are 基层表 sheets is one school; anything else is read as the template.
 */
export async function readStatsUpload(
  bytes: Uint8Array,
  fileName: string,
  year: number,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<StatsUpload> {
  if (fileName.toLowerCase().endsWith(".zip")) {
    if (bytes.length > MAX_STATS_FILE_BYTES) {
      throw new AppError("payload-too-large", `文件超过 ${MAX_STATS_FILE_BYTES / 1024 / 1024} MB`);
    }
    const workbooks: GridWorkbook[] = [];
    for (const entry of unpack(bytes, limits)) {
      workbooks.push(await readEntry(entry.name, entry.bytes, limits));
    }
    return fromJiceng(workbooks, year);
  }
  const sheets = await readStatsFile(bytes, fileName, limits);
  if (isJicengWorkbook(sheets.map((s) => s.name))) {
    return fromJiceng([{ fileName, sheets: sheets.map((s) => ({ name: s.name, rows: toGrid(s) })) }], year);
  }
  return { sheets, warnings: [] };
}

/** Packs files (a folder's workbooks) into one .zip for {@link readStatsUpload}. */
export function zipWorkbooks(files: readonly { name: string; bytes: Uint8Array }[]): Uint8Array {
  return zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes])), { level: 0 });
}
