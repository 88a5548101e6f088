/**
 * A workbook as document text: every sheet's rows as lines, cells separated by tabs, so the parser reads a
 * 任务分解表 row by row (line breaks inside a cell become spaces; several sheets are headed by their
 * names). Read with the statistics importer's bounded reader: the same caps on parts, nesting and cells.
 */
import { AppError } from "../errors.ts";
import { DEFAULT_FILE_LIMITS } from "../services/statistics/file-limits.ts";
import { readXlsxCells } from "../services/statistics/xlsx-cells.ts";

/** A task table has a few hundred rows; these bounds keep a hostile workbook small. */
const MAX_ROWS = 20_000;
const MAX_CELLS = 400_000;

/** The text, or a refusal naming the file. */
export async function workbookText(
  bytes: Uint8Array,
  fileName: string,
  maxUnzippedBytes: number,
): Promise<{ text: string } | { refused: string }> {
  try {
    const { sheets } = await readXlsxCells(bytes, fileName, {
      ...DEFAULT_FILE_LIMITS,
      maxUnzippedBytes,
      maxRows: MAX_ROWS,
      maxCells: MAX_CELLS,
    });
    const lines: string[] = [];
    for (const sheet of sheets) {
      if (sheets.length > 1 && sheet.rows.length > 0) {
        lines.push(sheet.name, "");
      }
      for (const row of sheet.rows) {
        lines.push(
          row.cells
            .map((c) => (c === null || c === undefined ? "" : String(c).replace(/\s*\n\s*/g, " ")))
            .join("\t"),
        );
      }
      lines.push("");
    }
    return { text: lines.join("\n") };
  } catch (error) {
    const message = error instanceof AppError ? error.message : "已损坏或不是有效的 Excel（.xlsx）文件";
    return { refused: message.includes(fileName) ? message : `文件“${fileName}”：${message}` };
  }
}
