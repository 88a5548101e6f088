import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { schoolListSeeds, syntheticSchoolList } from "@luoshi/domain/org";
import { STATS_TEMPLATE, syntheticStatistics } from "@luoshi/domain/stats";
import { writeStatsWorkbook } from "../../reports/stats-workbook.ts";
import { AppError } from "../../errors.ts";
import { DEFAULT_FILE_LIMITS, type FileLimits } from "./file-limits.ts";
import {
  deepXmlWorkbook,
  giantStringWorkbook,
  manyEntriesWorkbook,
  manyRowsCsv,
  manyRowsWorkbook,
  truncated,
  workbook,
} from "./hostile-files.ts";
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

const LIMITS = DEFAULT_FILE_LIMITS;

async function refusal(bytes: Uint8Array, fileName: string, limits: FileLimits = LIMITS): Promise<AppError> {
  const error = await readStatsFile(bytes, fileName, limits).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  const problems = (error as AppError).details?.["problems"] as {
    sheet: string;
    row: number;
    column: string;
    message: string;
  }[];
  expect(problems.length).toBeGreaterThan(0);
  for (const p of problems) {
    // every problem names where: a sheet or row or column, or the file by name
    expect(p.sheet !== "" || p.row > 0 || p.column !== "" || p.message.includes(fileName)).toBe(true);
  }
  return error as AppError;
}

describe("reading a statistics workbook within bounds", () => {
  it("reads a workbook round-tripped by exceljs whose Chinese text crosses inflate chunk boundaries", async () => {
    // many distinct Chinese texts: the shared strings span many inflated chunks, and characters are
    // bound to straddle some (exceljs's streaming reader decoded each chunk alone: "小学音乐专任教��数")
    const texts = Array.from({ length: 6000 }, (_, i) => `小学音乐专任教师数第${i}号学校（合成）`);
    const first = new ExcelJS.Workbook();
    first
      .addWorksheet("学生")
      .addRows([["学校标识码", "小学音乐专任教师数"], ...texts.map((t, i) => [t, i])]);
    const again = new ExcelJS.Workbook();
    await again.xlsx.load(await first.xlsx.writeBuffer());
    // written back, its parts in the order Excel writes them (the workbook part first)
    const parts = await JSZip.loadAsync(await again.xlsx.writeBuffer());
    const names = Object.keys(parts.files).filter((n) => !n.endsWith("/"));
    const ordered = [
      ...names.filter((n) => !n.startsWith("xl/worksheets/") && n !== "xl/sharedStrings.xml"),
      ...names.filter((n) => n.startsWith("xl/worksheets/") || n === "xl/sharedStrings.xml"),
    ];
    const out = new JSZip();
    for (const n of ordered) {
      out.file(n, (await parts.file(n)?.async("uint8array")) ?? new Uint8Array(0));
    }
    const bytes = await out.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const sheets = await readStatsFile(bytes, "round-trip.xlsx");
    expect(sheets[0]?.headers).toEqual(["学校标识码", "小学音乐专任教师数"]);
    expect(sheets[0]?.rows.map((r) => r.cells[0])).toEqual(texts);
  });

  it("refuses a workbook of 10,000 zip parts before inflating any", async () => {
    const error = await refusal(manyEntriesWorkbook("学生", ["学校标识码"], 10_000), "parts.xlsx");
    expect(error.code).toBe("too-complex");
    expect(error.message).toMatch(/^文件“parts.xlsx”包含 \d+ 个压缩部件，超过上限 2000/);
  });

  it("refuses a shared string longer than a cell may be, while reading it", async () => {
    const error = await refusal(giantStringWorkbook("学生", ["学校标识码"], 1_000_000), "giant.xlsx");
    expect(error.code).toBe("too-complex");
    expect(error.message).toMatch(/共享文本超过 32767 个字符/);
  });

  it("stops reading at the row bound and names the sheet and row", async () => {
    const bytes = manyRowsWorkbook("学生", ["学校标识码"], 5_000);
    const error = await refusal(bytes, "rows.xlsx", { ...LIMITS, maxRows: 1_000 });
    expect(error.code).toBe("too-complex");
    expect(error.details?.["problems"]).toEqual([expect.objectContaining({ sheet: "学生", row: 1_001 })]);
  });

  it("stops inflating when the real size passes the bound, whatever the directory claims", async () => {
    const bytes = manyRowsWorkbook("学生", ["学校标识码"], 60_000);
    const error = await refusal(bytes, "bomb.xlsx", { ...LIMITS, maxUnzippedBytes: 1024 * 1024 });
    expect(error.code).toBe("too-complex");
    expect(error.message).toMatch(/解压后超过 1 MB/);
  });

  it("refuses XML nested deeper than the bound", async () => {
    const error = await refusal(deepXmlWorkbook("学生", 100_000), "deep.xlsx");
    expect(error.code).toBe("too-complex");
    expect(error.message).toMatch(/嵌套超过 64 层/);
  });

  it("uses a formula's cached result and names a formula without one by sheet, row and header", async () => {
    const ok = await readStatsFile(
      await workbook({
        学生: [
          ["学校标识码", "小学在校生数"],
          ["1620821001", { formula: "SUM(1,2)", result: 3 }],
        ],
      }),
      "f.xlsx",
    );
    expect(ok[0]?.rows[0]?.cells).toEqual(["1620821001", 3]);
    const error = await refusal(
      await workbook({
        学生: [
          ["学校标识码", "小学在校生数"],
          ["1620821001", { formula: "SUM(1,2)" }],
        ],
      }),
      "f.xlsx",
    );
    expect(error.code).toBe("validation-failed");
    expect(error.details?.["problems"]).toEqual([
      expect.objectContaining({
        sheet: "学生",
        row: 2,
        column: "小学在校生数",
        message: expect.stringMatching(/公式/) as string,
      }),
    ]);
  });

  it("names a cell holding NUL, in a workbook and in a CSV", async () => {
    const x = await refusal(await workbook({ 学生: [["学校标识码"], ["16208\u000021001"]] }), "nul.xlsx");
    expect(x.details?.["problems"]).toEqual([
      expect.objectContaining({ sheet: "学生", row: 2, column: "学校标识码" }),
    ]);
    const c = await refusal(
      new TextEncoder().encode("学校标识码,统计年度\n16208\u000021001,2024\n"),
      "nul.csv",
    );
    expect(c.details?.["problems"]).toEqual([expect.objectContaining({ row: 2, column: "学校标识码" })]);
  });

  it("refuses a CSV of a million lines by counting them first", async () => {
    const bytes = manyRowsCsv("学校标识码,统计年度", (i) => `${i},2024`, 1_000_000);
    const error = await refusal(bytes, "million.csv");
    expect(error.code).toBe("too-complex");
    expect(error.message).toMatch(/数据行超过 300000 行/);
  });

  it("refuses a truncated workbook naming the file", async () => {
    const bytes = await workbook({ 学生: [["学校标识码"], ["1620821001"]] });
    const error = await refusal(truncated(bytes, 0.6), "cut.xlsx");
    expect(error.code).toBe("validation-failed");
    expect(error.message).toMatch(/^文件“cut.xlsx”/);
  });
});
