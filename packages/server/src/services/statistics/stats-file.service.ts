/**
 * 统计数据文件: reading an uploaded statistics file (.xlsx or .csv in the template layout) into cells by
 * sheet and row. No validation here — that is the domain's. The empty template is stats-template.service.
 */
import { readCsv } from "@luoshi/common";
import type { Cell } from "@luoshi/domain/stats";
import { AppError } from "../../errors.ts";
import { decodeTextBytes, looksBinary } from "../../documents/text-encoding.ts";
import { DEFAULT_FILE_LIMITS, type FileLimits } from "./file-limits.ts";
import { columnLetters, hasControlChar, readXlsxCells } from "./xlsx-cells.ts";
import { fileRefusal, limitRefusal, type CellProblem } from "./zip-parts.ts";

/** One data row: its 1-based row number in the sheet and its cells (column A first). */
interface SheetRow {
  row: number;
  cells: Cell[];
}

/** One sheet as read: its name (a template sheet name for .xlsx; "" for .csv), header row and data rows. */
export interface StatsFileSheet {
  name: string;
  headers: Cell[];
  rows: SheetRow[];
}

/** The largest statistics file accepted (a county's full year is well under 5 MB). */
export const MAX_STATS_FILE_BYTES = 20 * 1024 * 1024;

const isBlank = (cells: readonly Cell[]): boolean =>
  cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));

/** Splits a sheet's rows into its header (row 1) and data rows; blank rows are dropped. */
function toSheet(name: string, rows: readonly SheetRow[]): StatsFileSheet {
  const sheet: StatsFileSheet = { name, headers: [], rows: [] };
  for (const r of rows) {
    if (r.row === 1) {
      sheet.headers = r.cells;
    } else if (!isBlank(r.cells)) {
      sheet.rows.push(r);
    }
  }
  return sheet;
}

/** Located cell problems as one refusal, each named by its column's header where the sheet has one. */
function refuseCells(
  fileName: string,
  sheets: readonly StatsFileSheet[],
  problems: readonly CellProblem[],
): never {
  const located = problems.map((p) => {
    const headers = sheets.find((s) => s.name === p.sheet)?.headers ?? [];
    const index = p.column === "" ? -1 : columnNumber(p.column);
    const header = p.row > 1 && index >= 0 ? headers[index] : undefined;
    const column =
      header === null || header === undefined || String(header).trim() === "" ? p.column : String(header);
    const place = `${p.sheet === "" ? "" : `表“${p.sheet}”`}第 ${p.row} 行“${column}”列`;
    return { ...p, column, message: `${place}：${p.message}` };
  });
  throw new AppError(
    "validation-failed",
    `文件“${fileName}”有 ${located.length} 处单元格无法读取，未导入：${located[0]?.message ?? ""}`,
    { problems: located, problemCount: located.length },
  );
}

/** Column letters → 0-based index. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) {
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n - 1;
}

async function readXlsx(bytes: Uint8Array, fileName: string, limits: FileLimits): Promise<StatsFileSheet[]> {
  // A zip starts with "PK"; anything else is not a workbook at all.
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw fileRefusal(fileName, "不是有效的 Excel（.xlsx）文件");
  }
  const { sheets, problems } = await readXlsxCells(bytes, fileName, limits);
  const out = sheets.map((s) => toSheet(s.name, s.rows));
  if (problems.length > 0) {
    refuseCells(fileName, out, problems);
  }
  return out;
}

function readCsvSheets(bytes: Uint8Array, fileName: string, limits: FileLimits): StatsFileSheet[] {
  if (looksBinary(bytes)) {
    throw fileRefusal(fileName, "不是文本格式的 CSV（含有大量二进制字节）");
  }
  // Lines are counted before the text is parsed: a million-line file is refused at once.
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) {
    lines++;
    if (lines > limits.maxRows + 1) {
      throw limitRefusal(fileName, `的数据行超过 ${limits.maxRows} 行`, { row: limits.maxRows + 2 });
    }
  }
  const decoded = decodeTextBytes(bytes);
  if (!decoded.ok) {
    throw fileRefusal(fileName, "不是文本格式的 CSV");
  }
  // the one CSV reader; a line of empty cells (",,,") counts as blank here as it does in a sheet
  const records = readCsv(decoded.text).records.filter((r) => !isBlank(r.fields));
  const problems: CellProblem[] = [];
  let cells = 0;
  for (const r of records) {
    cells += r.fields.length;
    if (cells > limits.maxCells) {
      throw limitRefusal(fileName, `的单元格超过 ${limits.maxCells} 个`, { row: r.line });
    }
    r.fields.forEach((f, i) => {
      if (f.length > limits.maxCellChars) {
        problems.push({
          sheet: "",
          row: r.line,
          column: columnLetters(i),
          message: `单元格超过 ${limits.maxCellChars} 个字符`,
        });
      } else if (hasControlChar(f)) {
        problems.push({
          sheet: "",
          row: r.line,
          column: columnLetters(i),
          message: "单元格含有控制字符（如 NUL），文件可能已损坏或编码不对",
        });
      }
    });
  }
  const [header, ...rows] = records.map((r): SheetRow => ({ row: r.line, cells: r.fields }));
  // A line shorter than the header is a file cut short (or a broken line): reading it would blank the
  // columns it lacks.
  const width = header?.cells.length ?? 0;
  for (const r of rows) {
    if (r.cells.length < width && problems.length < 200) {
      problems.push({
        sheet: "",
        row: r.row,
        column: columnLetters(r.cells.length),
        message: `这一行只有 ${r.cells.length} 列，表头有 ${width} 列：文件可能被截断或这一行断开了`,
      });
    }
  }
  // A CSV holds one sheet; its headers tell which (the caller matches them against the template).
  const sheets = header === undefined ? [] : [{ name: "", headers: header.cells, rows }];
  if (problems.length > 0) {
    refuseCells(fileName, sheets, problems.slice(0, 200));
  }
  return sheets;
}

/**
 * Reads an uploaded statistics file into sheets of cells. Throws `validation-failed` for an empty or
 * unreadable file and for a type other than .xlsx / .csv.
 */
export async function readStatsFile(
  bytes: Uint8Array,
  fileName: string,
  limits: FileLimits = DEFAULT_FILE_LIMITS,
): Promise<StatsFileSheet[]> {
  const empty = () => fileRefusal(fileName, "为空，没有可导入的数据");
  if (bytes.length === 0) {
    throw empty();
  }
  if (bytes.length > MAX_STATS_FILE_BYTES) {
    throw new AppError("payload-too-large", `文件超过 ${MAX_STATS_FILE_BYTES / 1024 / 1024} MB`);
  }
  const lower = fileName.toLowerCase();
  let sheets: StatsFileSheet[];
  if (lower.endsWith(".xlsx")) {
    sheets = await readXlsx(bytes, fileName, limits);
  } else if (lower.endsWith(".csv")) {
    sheets = readCsvSheets(bytes, fileName, limits);
  } else {
    throw fileRefusal(fileName, "不是 .xlsx 或 .csv 格式；只支持这两种格式的统计数据文件");
  }
  if (sheets.every((s) => s.rows.length === 0)) {
    throw empty();
  }
  return sheets;
}
