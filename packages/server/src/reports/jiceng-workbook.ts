/**
 * 基层表 files from grids: one .xlsx per school workbook, and a .zip of them as a bureau would upload
 * it. The grids come from the domain's generator (synthetic workbooks for tests and demos).
 */
import ExcelJS from "exceljs";
import type { GridWorkbook } from "@luoshi/domain/stats";
import { zipWorkbooks } from "../services/statistics/jiceng-upload.ts";

/** One grid workbook as .xlsx bytes: a sheet per grid, cells as given (empty cells left out). */
export async function gridWorkbookBytes(workbook: GridWorkbook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of workbook.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        if (cell !== null && cell !== undefined && cell !== "") {
          ws.getCell(r + 1, c + 1).value = cell;
        }
      });
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The workbooks as one .zip, each under its file name. */
export async function jicengArchive(workbooks: readonly GridWorkbook[]): Promise<Uint8Array> {
  const files: { name: string; bytes: Uint8Array }[] = [];
  for (const w of workbooks) {
    files.push({ name: w.fileName, bytes: await gridWorkbookBytes(w) });
  }
  return zipWorkbooks(files);
}
