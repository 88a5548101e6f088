/** 统计数据导入模板: the empty template workbook users download and fill in. */
import ExcelJS from "exceljs";
import { STATS_TEMPLATE } from "@luoshi/domain/stats";

/** The empty template workbook: one sheet per template sheet, Chinese headers in row 1, frozen. */
export async function statsTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "落实 luoshi";
  for (const t of STATS_TEMPLATE) {
    const ws = wb.addWorksheet(t.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = t.columns.map((c) => ({
      header: c.header,
      width: Math.min(40, Math.max(10, c.header.length * 2 + 2)),
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    t.columns.forEach((c, i) => {
      if (c.isRequired) {
        header.getCell(i + 1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
      }
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
