/**
 * Reading the cells of an .xlsx (Office Open XML workbook) within {@link FileLimits}: its parts come from
 * zip-parts.ts (central directory first, streamed inflation with size, CRC and depth checks), and rows,
 * cells and cell lengths are counted while the sheets are parsed. Nothing of a hostile file is expanded
 * past a bound before it is refused.
 *
 * Text is decoded with one streaming TextDecoder per part, so a UTF-8 character split across two
 * inflated chunks stays whole (exceljs's streaming reader decodes each chunk on its own and garbled
 * it). The parts are found by name in the central directory, so a workbook whose zip lists the sheets
 * before xl/workbook.xml (streaming writers, exceljs's own) reads the same as any other — it no longer
 * falls back to exceljs's whole-file load.
 *
 * Cell values: numbers, text (shared, inline or formula string), booleans and error codes (#DIV/0!) as
 * text; a formula gives its cached result. A formula without a cached result, and text with control
 * characters (NUL …), are problems located by sheet, row and column.
 */
import type { Cell } from "@luoshi/domain/stats";
import type { FileLimits } from "./file-limits.ts";
import {
  fileRefusal,
  limitRefusal,
  parsePart,
  readCentralDirectory,
  type Budget,
  type CellProblem,
  type ZipEntry,
} from "./zip-parts.ts";

/** One sheet's rows as read: row number → cells (column A first). */
export interface XlsxSheet {
  name: string;
  rows: { row: number; cells: Cell[] }[];
}

/** Rejections list at most this many located problems. */
const MAX_LISTED = 200;

/** Control characters no statistics or registry cell holds (tab, line feed and return are fine). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;

/** True when `text` holds a control character such as NUL: a damaged file or a binary pasted in. */
export const hasControlChar = (text: string): boolean => CONTROL.test(text);

/** Column letters (A, B … XFD) → 0-based index; -1 when not a column of a sheet. */
function columnIndex(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) {
      break;
    }
    n = n * 26 + (c - 64);
    if (n > 16_384) {
      return -1;
    }
  }
  return i === 0 ? -1 : n - 1;
}

/** 0-based column index → letters. */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  }
  return s;
}

/** Resolves a relationship target against the folder of the part that names it (xl/). */
function resolveTarget(target: string): string {
  if (target.startsWith("/")) {
    return target.slice(1);
  }
  const parts = ["xl"];
  for (const seg of target.split("/")) {
    if (seg === "..") {
      parts.pop();
    } else if (seg !== "." && seg !== "") {
      parts.push(seg);
    }
  }
  return parts.join("/");
}

/** Counts shared by all sheets of a file. */
interface Totals {
  rows: number;
  cells: number;
}

/**
 * Reads every worksheet of an .xlsx (in the workbook's sheet order) into rows of cells, within `limits`.
 * Throws `validation-failed` for a broken file or for located cell problems (formula without a result,
 * control characters), `too-complex` for a file past a bound — either with `details.problems`.
 */
export async function readXlsxCells(
  bytes: Uint8Array,
  fileName: string,
  limits: FileLimits,
): Promise<{ sheets: XlsxSheet[]; problems: CellProblem[] }> {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(zip, fileName, limits);
  const budget: Budget = { left: limits.maxUnzippedBytes };
  const book = entries.get("xl/workbook.xml");
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (book === undefined || rels === undefined) {
    throw fileRefusal(fileName, "不是有效的 Excel（.xlsx）文件（缺少 xl/workbook.xml）");
  }
  const declared: { name: string; rid: string }[] = [];
  await parsePart(zip, book, budget, fileName, limits, {
    open(name, attrs) {
      if (name === "sheet" && declared.length < limits.maxZipEntries) {
        const rid = attrs["r:id"] ?? Object.entries(attrs).find(([k]) => k.endsWith(":id"))?.[1] ?? "";
        declared.push({ name: (attrs["name"] ?? "").trim(), rid });
      }
    },
    text() {},
    close() {},
  });
  const targets = new Map<string, string>();
  await parsePart(zip, rels, budget, fileName, limits, {
    open(name, attrs) {
      if (name === "Relationship" && attrs["Id"] !== undefined && attrs["Target"] !== undefined) {
        targets.set(attrs["Id"], resolveTarget(attrs["Target"]));
      }
    },
    text() {},
    close() {},
  });
  const totals: Totals = { rows: 0, cells: 0 };
  const shared = await readSharedStrings(zip, entries, budget, fileName, limits, totals);
  const sheets: XlsxSheet[] = [];
  const problems: CellProblem[] = [];
  for (const d of declared) {
    const path = targets.get(d.rid);
    const entry = path === undefined ? undefined : entries.get(path);
    if (entry === undefined) {
      throw fileRefusal(fileName, `的表“${d.name}”在文件中找不到（文件已损坏）`, d.name);
    }
    sheets.push(await readSheet(zip, entry, d.name, shared, budget, fileName, limits, totals, problems));
  }
  return { sheets, problems };
}

/** xl/sharedStrings.xml: each <si>'s text (runs joined, phonetic runs left out), length bounded. */
async function readSharedStrings(
  zip: Buffer,
  entries: Map<string, ZipEntry>,
  budget: Budget,
  fileName: string,
  limits: FileLimits,
  totals: Totals,
): Promise<string[]> {
  const entry = entries.get("xl/sharedStrings.xml");
  const out: string[] = [];
  if (entry === undefined) {
    return out;
  }
  let current: string[] | null = null;
  let length = 0;
  let inText = false;
  let phonetic = 0;
  await parsePart(zip, entry, budget, fileName, limits, {
    open(name) {
      if (name === "si") {
        current = [];
        length = 0;
      } else if (name === "rPh") {
        phonetic++;
      } else if (name === "t") {
        inText = true;
      }
    },
    text(text) {
      if (current !== null && inText && phonetic === 0) {
        length += text.length;
        if (length > limits.maxCellChars) {
          throw limitRefusal(fileName, `的第 ${out.length + 1} 个共享文本超过 ${limits.maxCellChars} 个字符`);
        }
        current.push(text);
      }
    },
    close(name) {
      if (name === "si" && current !== null) {
        out.push(current.join(""));
        current = null;
        totals.cells++;
        if (totals.cells > limits.maxCells) {
          throw limitRefusal(fileName, `的文本单元格超过 ${limits.maxCells} 个`);
        }
      } else if (name === "rPh") {
        phonetic--;
      } else if (name === "t") {
        inText = false;
      }
    },
  });
  // shared strings are stored once however often used: they count once against the cells
  totals.cells -= out.length;
  return out;
}

/** One worksheet's rows within the bounds; cell problems are added to `problems`. */
async function readSheet(
  zip: Buffer,
  entry: ZipEntry,
  sheetName: string,
  shared: readonly string[],
  budget: Budget,
  fileName: string,
  limits: FileLimits,
  totals: Totals,
  problems: CellProblem[],
): Promise<XlsxSheet> {
  const rows: { row: number; cells: Cell[] }[] = [];
  let rowNumber = 0;
  let cells: Cell[] = [];
  let col = -1;
  let type = "";
  let value: string[] = [];
  let valueLength = 0;
  let capture = false;
  let hasFormula = false;
  let hasValue = false;
  const where = (): Partial<CellProblem> => ({
    sheet: sheetName,
    row: rowNumber,
    column: columnLetters(col),
  });
  const problem = (message: string): void => {
    if (problems.length < MAX_LISTED) {
      problems.push({ sheet: sheetName, row: rowNumber, column: columnLetters(col), message });
    }
  };
  await parsePart(
    zip,
    entry,
    budget,
    fileName,
    limits,
    {
      open(name, attrs) {
        if (name === "row") {
          const r = attrs["r"] === undefined ? rowNumber + 1 : Number(attrs["r"]);
          if (!Number.isInteger(r) || r < 1 || r > 1_048_576 || r <= rowNumber) {
            throw fileRefusal(
              fileName,
              `的表“${sheetName}”行号“${attrs["r"] ?? ""}”无效（文件已损坏）`,
              sheetName,
            );
          }
          rowNumber = r;
          cells = [];
          col = -1;
        } else if (name === "c") {
          const ref = attrs["r"];
          const c = ref === undefined ? col + 1 : columnIndex(ref);
          if (c < 0 || c <= col) {
            throw fileRefusal(
              fileName,
              `的表“${sheetName}”第 ${rowNumber} 行单元格“${ref ?? ""}”无效（文件已损坏）`,
              sheetName,
            );
          }
          col = c;
          type = attrs["t"] ?? "n";
          value = [];
          valueLength = 0;
          hasFormula = false;
          hasValue = false;
        } else if (name === "v" || name === "t") {
          capture = true;
          hasValue = true;
        } else if (name === "f") {
          hasFormula = true;
        } else if (name === "rPh") {
          capture = false;
        }
      },
      text(text) {
        if (capture) {
          valueLength += text.length;
          if (valueLength > limits.maxCellChars) {
            throw limitRefusal(fileName, `的单元格超过 ${limits.maxCellChars} 个字符`, where());
          }
          value.push(text);
        }
      },
      close(name) {
        if (name === "v" || name === "t") {
          capture = false;
        } else if (name === "c") {
          const raw = value.join("");
          let cell: Cell = null;
          if (hasFormula && !hasValue) {
            problem("单元格是公式，但文件中没有它的计算结果；请在 Excel 中打开并保存后再导入");
          } else if (type === "s") {
            cell = shared[Number(raw)] ?? null;
            if (cell === null && raw !== "") {
              problem("单元格引用的共享文本不存在（文件已损坏）");
            }
          } else if (type === "b") {
            cell = raw === "1";
          } else if (type === "n" || type === "d") {
            cell = raw.trim() === "" ? null : type === "d" ? raw.slice(0, 10) : Number(raw);
            if (typeof cell === "number" && !Number.isFinite(cell)) {
              cell = raw;
            }
          } else {
            // str, inlineStr, e (an error code such as #DIV/0!): the text as shown
            cell = raw;
          }
          if (typeof cell === "string" && hasControlChar(cell)) {
            problem("单元格含有控制字符（如 NUL），文件可能已损坏");
            cell = null;
          }
          if (cell !== null && !(typeof cell === "string" && cell === "")) {
            if (col >= limits.maxCells) {
              throw limitRefusal(fileName, "的单元格超过上限", where());
            }
            cells[col] = cell;
          }
        } else if (name === "row") {
          if (cells.length > 0) {
            totals.rows++;
            totals.cells += cells.length;
            if (totals.rows > limits.maxRows) {
              throw limitRefusal(fileName, `的数据行超过 ${limits.maxRows} 行`, {
                sheet: sheetName,
                row: rowNumber,
              });
            }
            if (totals.cells > limits.maxCells) {
              throw limitRefusal(fileName, `的单元格超过 ${limits.maxCells} 个`, {
                sheet: sheetName,
                row: rowNumber,
              });
            }
            rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
          }
        }
      },
    },
    sheetName,
  );
  return { name: sheetName, rows };
}
