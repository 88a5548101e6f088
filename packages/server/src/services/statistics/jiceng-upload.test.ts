import { zipSync } from "fflate";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { crossSchoolWorkbook, jicengGenerationFor, jicengWorkbook } from "@luoshi/domain/stats";
import { AppError } from "../../errors.ts";
import { gridWorkbookBytes, jicengArchive } from "../../reports/jiceng-workbook.ts";
import { DEFAULT_FILE_LIMITS } from "./file-limits.ts";
import { readStatsUpload } from "./jiceng-upload.ts";

const SCHOOL = {
  code: "1620802999",
  name: "示例县第九十九小学",
  attributes: { schoolType: "primary", ownership: "public", isInclusive: false, urbanRural: "rural" },
} as const;

describe("reading a 基层表 upload", () => {
  it("reads one school's workbook as the template's sheets, with the form's attributes", async () => {
    const bytes = await gridWorkbookBytes(
      jicengWorkbook(SCHOOL, 2023, { "pupils.primary": 120, "equipment.value": 345678 }),
    );
    const { sheets, warnings } = await readStatsUpload(bytes, "一所学校.xlsx", 2023);
    expect(warnings).toEqual([]);
    const basic = sheets.find((s) => s.name === "学校基本情况");
    const cells = basic?.rows[0]?.cells ?? [];
    const at = (h: string) => cells[basic?.headers.indexOf(h) ?? -1];
    expect([at("学校标识码"), at("统计年度"), at("办学类型"), at("城乡分类")]).toEqual([
      SCHOOL.code,
      2023,
      "小学",
      "乡村",
    ]);
    const conditions = sheets.find((s) => s.name === "办学条件");
    const row = conditions?.rows[0]?.cells ?? [];
    // 万元 in the 基层表, 元 in luoshi
    expect(row[conditions?.headers.indexOf("教学仪器设备资产值") ?? -1]).toBe(345678);
  });

  it("reads a county's cross-school export (.xlsx) as the .zip of the schools' own workbooks", async () => {
    const generation = jicengGenerationFor(2023);
    if (generation === undefined) {
      throw new Error("no layout");
    }
    const books = [0, 1, 2].map((i) =>
      jicengWorkbook({ ...SCHOOL, code: `162080299${String(i)}`, name: `示例小学${String(i)}` }, 2023, {
        "pupils.primary": 120 + i,
        "classes.primary": 6,
        "equipment.value": 10000 * (i + 1),
      }),
    );
    const fromZip = await readStatsUpload(await jicengArchive(books), "县.zip", 2023);
    const county = crossSchoolWorkbook(books, generation, "全县基层表.xlsx");
    const fromExport = await readStatsUpload(await gridWorkbookBytes(county), "全县基层表.xlsx", 2023);
    expect(fromExport).toEqual(fromZip);
    expect(fromExport.sheets.find((s) => s.name === "学校基本情况")?.rows).toHaveLength(3);
  });

  it("names a workbook zipped on Windows (GBK name, no UTF-8 flag) in Chinese", async () => {
    const good = await gridWorkbookBytes(jicengWorkbook(SCHOOL, 2023, { "pupils.primary": 120 }));
    const broken = { ...jicengWorkbook(SCHOOL, 2023, { "pupils.primary": 120 }) };
    broken.sheets = broken.sheets.filter((s) => !s.name.startsWith("教基1001"));
    // the name as fflate hands back one written without the UTF-8 flag: one Latin-1 character per GBK byte
    const gbk = iconv.encode("某县第九十九小学.xlsx", "gbk").toString("latin1");
    const zip = zipSync({ "ok.xlsx": good, [gbk]: await gridWorkbookBytes(broken) });
    const error = await readStatsUpload(zip, "县.zip", 2023).catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(/某县第九十九小学\.xlsx：缺少教基1001/);
  });

  it("refuses an archive that would unpack beyond its bounds, and one that is no zip", async () => {
    const big = zipSync({ "a.xlsx": new Uint8Array(21 * 1024 * 1024) }, { level: 9 });
    expect(big.length).toBeLessThan(1024 * 1024);
    const error = await readStatsUpload(big, "大.zip", 2023).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toMatch(/压缩包过大.*a\.xlsx/);
    const notZip = await readStatsUpload(new Uint8Array([1, 2, 3]), "坏.zip", 2023).catch((e: unknown) => e);
    expect((notZip as AppError).message).toBe("文件不是有效的 .zip 压缩包");
  });

  it("bounds an archive by the configured import limits (LUOSHI_IMPORT_MAX_ZIP_ENTRIES, _MAX_UNZIPPED_MB)", async () => {
    const book = await gridWorkbookBytes(jicengWorkbook(SCHOOL, 2023, { "pupils.primary": 120 }));
    const three = zipSync({ "a.xlsx": book, "b.xlsx": book, "c.xlsx": book });
    const fewEntries = { ...DEFAULT_FILE_LIMITS, maxZipEntries: 2 };
    const error = await readStatsUpload(three, "县.zip", 2023, fewEntries).catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(/最多 2 个工作簿.*超出处：c\.xlsx/);
    const fewBytes = { ...DEFAULT_FILE_LIMITS, maxUnzippedBytes: book.length * 2 + 1 };
    const small = await readStatsUpload(three, "县.zip", 2023, fewBytes).catch((e: unknown) => e);
    expect((small as AppError).message).toMatch(/压缩包过大.*超出处：c\.xlsx/);
  });

  it("refuses an archive without any 基层表 workbook", async () => {
    const empty = zipSync({ "说明.txt": new TextEncoder().encode("无") });
    const error = await readStatsUpload(empty, "空.zip", 2023).catch((e: unknown) => e);
    expect((error as AppError).message).toMatch(/压缩包中没有基层表工作簿/);
  });
});
