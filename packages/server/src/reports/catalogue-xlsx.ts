/**
 * 指标总表.xlsx: every catalogue indicator for every unit and year of a {@link CatalogueTables} — one
 * row per unit and year, one column per indicator (values rounded as published, numbers not text), and
 * a second sheet that explains each column. Written with exceljs's streaming writer: a province is
 * hundreds of thousands of rows, which the in-memory model cannot hold.
 */
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { roundHalfUp } from "@luoshi/common";
import { citationOf } from "@luoshi/domain/indicators";
import { ORG_KIND_LABELS } from "@luoshi/domain/org";
import type { CatalogueTables } from "../services/statistics/stats-catalogue.service.ts";

/** The key columns before the indicators. */
const KEY_HEADERS = ["单位代码", "单位名称", "单位类型", "上级单位代码", "统计年度"] as const;

/** Writes the workbook to a file path or a stream; resolves when it is complete. */
export async function writeCatalogueXlsx(
  result: CatalogueTables,
  output: { filename: string } | { stream: Writable },
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...output, useSharedStrings: true, useStyles: true });
  wb.creator = "落实 luoshi";
  const ws = wb.addWorksheet("指标总表", { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  const { indicators } = result;
  ws.columns = [
    { header: KEY_HEADERS[0], width: 14 },
    { header: KEY_HEADERS[1], width: 28 },
    { header: KEY_HEADERS[2], width: 12 },
    { header: KEY_HEADERS[3], width: 14 },
    { header: KEY_HEADERS[4], width: 10 },
    ...indicators.map((d) => ({
      header: d.unit === "" ? d.name : `${d.name}（${d.unit}）`,
      width: Math.min(30, Math.max(12, d.name.length * 2)),
    })),
  ];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for (const u of result.units) {
    for (const year of result.years) {
      const cells: (string | number | null)[] = [
        u.code,
        u.name,
        ORG_KIND_LABELS[u.kind],
        u.parentCode ?? "",
        year,
      ];
      for (const d of indicators) {
        const v = result.cell(d.code, u.code, year).value;
        cells.push(v === null ? null : roundHalfUp(v, d.decimals));
      }
      ws.addRow(cells).commit();
    }
  }
  ws.commit();
  const about = wb.addWorksheet("指标说明");
  about.columns = [
    { header: "指标代码", width: 30 },
    { header: "指标名称", width: 30 },
    { header: "单位", width: 8 },
    { header: "计算公式", width: 60 },
    { header: "依据", width: 30 },
    { header: "计算规则", width: 60 },
  ];
  about.getRow(1).font = { bold: true };
  about.getRow(1).commit();
  for (const d of indicators) {
    const basis = result.bases.get(d.code)?.label ?? null;
    about.addRow([d.code, d.name, d.unit, d.expression, citationOf(d.source), basis]).commit();
  }
  about.addRow([]).commit();
  about
    .addRow([
      `范围：${result.root.name}（${result.root.code}）及其下属单位，${result.years[0] ?? ""}–${result.years.at(-1) ?? ""} 年；空白表示无数据或分母为 0`,
    ])
    .commit();
  about.commit();
  await wb.commit();
}
