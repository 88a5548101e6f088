import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { schoolListSeeds, syntheticSchoolList } from "@luoshi/domain/org";
import { STATS_TEMPLATE, syntheticStatistics } from "@luoshi/domain/stats";
import { writeStatsWorkbook } from "../../reports/stats-workbook.ts";
import { readStatsFile } from "./stats-file.service.ts";

const TOWNS = [
  { code: "620821100", name: "城关镇" },
  { code: "620821101", name: "玉都镇" },
];
const LIST = syntheticSchoolList("620821", "泾川县", TOWNS, { count: 30, seed: 1 });
const SEEDS = schoolListSeeds("620821", "泾川县", TOWNS, LIST);
const DATA = {
  year: 2024,
  names: new Map(SEEDS.map((s) => [s.code, s.name])),
  ...syntheticStatistics(SEEDS, [2024]),
};
const SHEETS = STATS_TEMPLATE.map((t) => t.name);

describe("reading a statistics workbook", () => {
  it("keeps the sheet names of a workbook written by a streaming writer (workbook part last)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "luoshi-stats-file-"));
    try {
      const filename = join(dir, "streamed.xlsx");
      await writeStatsWorkbook(DATA, filename);
      const bytes = readFileSync(filename);
      expect(bytes.indexOf("xl/worksheets/sheet1.xml")).toBeLessThan(bytes.indexOf("xl/workbook.xml"));
      const sheets = await readStatsFile(bytes, "streamed.xlsx");
      expect(sheets.map((s) => s.name)).toEqual(SHEETS);
      expect(sheets[0]?.rows.map((r) => r.cells[0])).toEqual(LIST.rows.map((r) => r[0]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads a workbook written whole (workbook part first) the same way", async () => {
    const wb = new ExcelJS.Workbook();
    for (const name of SHEETS) {
      wb.addWorksheet(name).addRows([
        ["学校标识码", "统计年度"],
        ["1620821001", 2024],
      ]);
    }
    const sheets = await readStatsFile(new Uint8Array(await wb.xlsx.writeBuffer()), "whole.xlsx");
    expect(sheets.map((s) => s.name)).toEqual(SHEETS);
    expect(sheets[1]?.rows[0]?.cells).toEqual(["1620821001", 2024]);
  });
});
