import type ExcelJS from "exceljs";

/** The cell texts of the first row of a downloaded workbook's sheet that `match` accepts. */
export function findRow(
  sheet: ExcelJS.Worksheet | undefined,
  match: (values: string[]) => boolean,
): string[] | undefined {
  let found: string[] | undefined;
  sheet?.eachRow((row) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => {
      values.push(cell.text);
    });
    if (found === undefined && match(values)) {
      found = values;
    }
  });
  return found;
}
