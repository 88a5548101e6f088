/**
 * 统计数据文件: reading an uploaded statistics file (.xlsx or .csv in the template layout) into cells by
 * sheet and row. No validation here — that is the domain's. The empty template is stats-template.service.
 */
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { readCsv } from "@luoshi/common";
import type { Cell } from "@luoshi/domain/stats";
import { AppError } from "../../errors.ts";
import { decodeTextBytes, looksBinary } from "../../documents/text-encoding.ts";

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

/** exceljs cell values: formulas, rich text, hyperlinks and dates reduced to what a person sees. */
function plainCell(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) {
    return null;
  }
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
    return v;
  }
  if (v instanceof Date) {
    return v.toISOString().slice(0, 10);
  }
  if ("result" in v) {
    const r = v.result;
    return r === undefined || r instanceof Date || typeof r === "object" ? null : r;
  }
  if ("richText" in v) {
    return v.richText.map((t) => t.text).join("");
  }
  if ("text" in v) {
    return typeof v.text === "string" ? v.text : null;
  }
  return null;
}

const isBlank = (cells: readonly Cell[]): boolean =>
  cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));

const notXlsx = () =>
  new AppError("validation-failed", "文件不是有效的 Excel（.xlsx）文件", {
    problems: [{ sheet: "", row: 0, column: "", message: "文件不是有效的 Excel（.xlsx）文件" }],
  });

type RowValues = ExcelJS.CellValue[] | Record<string, ExcelJS.CellValue>;

/** Adds one row to a sheet being read: row 1 is the header, blank rows are dropped. */
function addRow(sheet: StatsFileSheet, number: number, values: RowValues): void {
  const cells = Array.isArray(values) ? Array.from(values.slice(1), (v) => plainCell(v)) : [];
  if (number === 1) {
    sheet.headers = cells;
  } else if (!isBlank(cells)) {
    sheet.rows.push({ row: number, cells });
  }
}

/**
 * True when the zip holds xl/workbook.xml and its relationships before the first worksheet. Streaming
 * writers (exceljs's own among them) put the workbook part last; exceljs's streaming reader then names
 * the sheets "Sheet1", "Sheet2" … without an error. A zip's local file headers carry the part names
 * uncompressed, in the order of the parts.
 */
function workbookPartFirst(bytes: Uint8Array): boolean {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const sheet = zip.indexOf("xl/worksheets/sheet");
  const book = zip.indexOf("xl/workbook.xml");
  const rels = zip.indexOf("xl/_rels/workbook.xml.rels");
  return sheet === -1 || (book !== -1 && rels !== -1 && book < sheet && rels < sheet);
}

/**
 * exceljs's streaming reader: cell values only (no styles, no in-memory model), about half the time and
 * a fraction of the memory of `xlsx.load` on a province's file. It cannot read a workbook whose zip
 * lists a sheet before xl/workbook.xml (streaming writers do); null then, and the caller loads it whole.
 */
async function readXlsxStreaming(bytes: Uint8Array): Promise<StatsFileSheet[] | null> {
  if (!workbookPartFirst(bytes)) {
    return null;
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  const sheets: StatsFileSheet[] = [];
  try {
    for await (const ws of reader) {
      const name = (ws as unknown as { name?: unknown }).name;
      const sheet: StatsFileSheet = {
        name: typeof name === "string" ? name.trim() : "",
        headers: [],
        rows: [],
      };
      for await (const row of ws) {
        addRow(sheet, row.number, row.values);
      }
      sheets.push(sheet);
    }
  } catch {
    return null;
  }
  return sheets;
}

async function readXlsx(bytes: Uint8Array): Promise<StatsFileSheet[]> {
  // A zip starts with "PK"; anything else would only fail deeper in the unzipper.
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw notXlsx();
  }
  const streamed = await readXlsxStreaming(bytes);
  if (streamed !== null) {
    return streamed;
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    throw notXlsx();
  }
  return wb.worksheets.map((ws) => {
    const sheet: StatsFileSheet = { name: ws.name.trim(), headers: [], rows: [] };
    for (let r = 1; r <= ws.rowCount; r++) {
      addRow(sheet, r, ws.getRow(r).values);
    }
    return sheet;
  });
}

function readCsvSheets(bytes: Uint8Array): StatsFileSheet[] {
  if (looksBinary(bytes)) {
    throw new AppError("validation-failed", "文件不是文本格式的 CSV", {
      problems: [{ sheet: "", row: 0, column: "", message: "文件不是文本格式的 CSV" }],
    });
  }
  const decoded = decodeTextBytes(bytes);
  // the one CSV reader; a line of empty cells (",,,") counts as blank here as it does in a sheet
  const [header, ...rows] = readCsv(decoded.ok ? decoded.text : "")
    .records.filter((r) => !isBlank(r.fields))
    .map((r): SheetRow => ({ row: r.line, cells: r.fields }));
  // A CSV holds one sheet; its headers tell which (the caller matches them against the template).
  return header === undefined ? [] : [{ name: "", headers: header.cells, rows }];
}

/**
 * Reads an uploaded statistics file into sheets of cells. Throws `validation-failed` for an empty or
 * unreadable file and for a type other than .xlsx / .csv.
 */
export async function readStatsFile(bytes: Uint8Array, fileName: string): Promise<StatsFileSheet[]> {
  const empty = () =>
    new AppError("validation-failed", "文件为空，没有可导入的数据", {
      problems: [{ sheet: "", row: 0, column: "", message: "文件为空，没有可导入的数据" }],
    });
  if (bytes.length === 0) {
    throw empty();
  }
  if (bytes.length > MAX_STATS_FILE_BYTES) {
    throw new AppError("payload-too-large", `文件超过 ${MAX_STATS_FILE_BYTES / 1024 / 1024} MB`);
  }
  const lower = fileName.toLowerCase();
  let sheets: StatsFileSheet[];
  if (lower.endsWith(".xlsx")) {
    sheets = await readXlsx(bytes);
  } else if (lower.endsWith(".csv")) {
    sheets = readCsvSheets(bytes);
  } else {
    throw new AppError("validation-failed", "只支持 .xlsx 或 .csv 格式的统计数据文件");
  }
  if (sheets.every((s) => s.rows.length === 0)) {
    throw empty();
  }
  return sheets;
}
