/**
 * The importers' fuzz corpus, shared by the bounded CI suite (stats-fuzz.test.ts) and the longer run
 * (scripts/bench-fuzz-stats.ts): hand-made hostile files around a valid base file, and random
 * mutations of the base (truncation, flipped bytes, spliced garbage, random bytes). Test and benchmark
 * support only.
 */
import { schoolListCsv, syntheticSchoolList } from "@luoshi/domain/org";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import {
  deepXmlWorkbook,
  flipped,
  gbkCsv,
  giantStringWorkbook,
  manyEntriesWorkbook,
  manyRowsCsv,
  manyRowsWorkbook,
  randomBytes,
  seeded,
  truncated,
  utf16Csv,
  workbook,
  type FuzzCell,
} from "./hostile-files.ts";

/** One upload: what it is, its file name and bytes. */
export interface FuzzInput {
  name: string;
  fileName: string;
  bytes: Uint8Array;
}

/** A valid file of an importer, in both formats, that the corpus is built around. */
export interface FuzzBase {
  /** The sheet name an .xlsx needs ("" when any name will do). */
  sheet: string;
  rows: FuzzCell[][];
}

/** Bounds of a server under fuzz: small enough that the row bomb and a stall end fast. */
export const FUZZ_ENV = {
  LUOSHI_IMPORT_MAX_ROWS: "20000",
  LUOSHI_IMPORT_PARSE_SECONDS: "4",
  LUOSHI_IMPORT_JOB_SECONDS: "4",
};

/** A valid statistics file for the test world's county 620802 (year 2024): two schools' 学生. */
export const STATS_FUZZ_BASE: FuzzBase = {
  sheet: "学生",
  rows: [
    ["学校标识码", "统计年度", "小学在校生数"],
    ["1620802001", 2024, 300],
    ["1620802002", 2024, 200],
  ],
};

/** A valid school list (名录) of four synthetic schools for the test world's county 620802. */
export function registryFuzzBase(): FuzzBase {
  const list = syntheticSchoolList("620802", "崆峒区", [{ code: "620802001", name: "中街街道" }], {
    count: 4,
    seed: 5,
    start: 31,
  });
  const lines = schoolListCsv(list).trim().split(/\r?\n/);
  return { sheet: "学校名录", rows: lines.map((l) => l.split(",")) };
}

/**
 * A valid 学籍 export for the test world's schools 1620802001 and 1620802002 (school year 2024): three
 * synthetic pupils with well-formed 身份证件号 (check character computed).
 */
export function studentsFuzzBase(): FuzzBase {
  const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
  const pupils: [string, string, string, string, string, string][] = [
    [id("62089920160417123"), "欧阳测试甲", "男", "2016-04-17", "1620802001", "二年级"],
    [id("62089920160418124"), "李测试乙", "女", "2016-04-18", "1620802001", "二年级"],
    [id("62089920150301135"), "王测试丙", "男", "2015-03-01", "1620802002", "三年级"],
  ];
  return {
    sheet: "学籍",
    rows: [
      [
        "全国学籍号",
        "身份证件号",
        "姓名",
        "性别",
        "出生日期",
        "学校标识码",
        "年级",
        "班级",
        "户籍地",
        "是否留守儿童",
        "监护人电话",
        "学籍状态",
      ],
      ...pupils.map(([idNumber, name, sex, birth, school, grade]) => [
        `G${idNumber}`,
        idNumber,
        name,
        sex,
        birth,
        school,
        grade,
        "1班",
        "甘肃省平凉市崆峒区中街街道测试路1号",
        "否",
        "10012345678",
        "在读",
      ]),
    ],
  };
}

/** A base file as CSV bytes. */
export const csvBytes = (base: FuzzBase): Uint8Array => new TextEncoder().encode(toCsv(base.rows));

const toCsv = (rows: readonly (readonly FuzzCell[])[]): string =>
  rows
    .map((r) => r.map((c) => (c === null || typeof c === "object" ? "" : String(c))).join(","))
    .join("\r\n");

/**
 * Hand-made hostile files: truncated, random, zip bombs (rows, parts, a giant shared string), deep
 * XML, formula cells, NUL characters, wrong encodings, a million-line CSV, huge cells. `rowBomb` is the
 * row count of the row bomb (above the server's row bound).
 */
export async function hostileCorpus(base: FuzzBase, rowBomb: number): Promise<FuzzInput[]> {
  const xlsx = await workbook({ [base.sheet]: base.rows });
  const csv = toCsv(base.rows);
  const header = base.rows[0]?.map((c) => (c === null || typeof c === "object" ? "" : `${c}`)) ?? [];
  const withCell = (cell: FuzzCell): FuzzCell[][] => [
    base.rows[0] ?? [],
    [...(base.rows[1] ?? []).slice(0, -1), cell],
  ];
  return [
    { name: "empty file", fileName: "empty.xlsx", bytes: new Uint8Array(0) },
    { name: "one byte", fileName: "one.csv", bytes: new Uint8Array([0x50]) },
    { name: "truncated workbook 10%", fileName: "cut10.xlsx", bytes: truncated(xlsx, 0.1) },
    { name: "truncated workbook 50%", fileName: "cut50.xlsx", bytes: truncated(xlsx, 0.5) },
    { name: "truncated workbook 95%", fileName: "cut95.xlsx", bytes: truncated(xlsx, 0.95) },
    { name: "random bytes as .xlsx", fileName: "random.xlsx", bytes: randomBytes(20_000, 1) },
    { name: "random bytes as .csv", fileName: "random.csv", bytes: randomBytes(20_000, 2) },
    {
      name: "zip header then garbage",
      fileName: "pk.xlsx",
      bytes: new Uint8Array([0x50, 0x4b, 3, 4, ...randomBytes(500, 3)]),
    },
    { name: "workbook bytes named .csv", fileName: "book.csv", bytes: xlsx },
    { name: "CSV text named .xlsx", fileName: "text.xlsx", bytes: new TextEncoder().encode(csv) },
    { name: "row bomb", fileName: "rows.xlsx", bytes: manyRowsWorkbook(base.sheet, header, rowBomb) },
    {
      name: "10,000 zip parts",
      fileName: "parts.xlsx",
      bytes: manyEntriesWorkbook(base.sheet, header, 10_000),
    },
    {
      name: "1,000,000-character shared string",
      fileName: "giant.xlsx",
      bytes: giantStringWorkbook(base.sheet, header, 1_000_000),
    },
    { name: "XML nested 100,000 deep", fileName: "deep.xlsx", bytes: deepXmlWorkbook(base.sheet, 100_000) },
    {
      name: "formula without result",
      fileName: "formula.xlsx",
      bytes: await workbook({ [base.sheet]: withCell({ formula: "1/0" }) }),
    },
    {
      name: "NUL in a cell (xlsx)",
      fileName: "nul.xlsx",
      bytes: await workbook({ [base.sheet]: withCell("12\u00003") }),
    },
    {
      name: "NUL in a cell (csv)",
      fileName: "nul.csv",
      bytes: new TextEncoder().encode(toCsv(withCell("12\u00003"))),
    },
    { name: "GBK CSV", fileName: "gbk.csv", bytes: gbkCsv(csv) },
    { name: "UTF-16 CSV", fileName: "utf16.csv", bytes: utf16Csv(csv) },
    { name: "GBK bytes with stray bytes", fileName: "gbk-stray.csv", bytes: flipped(gbkCsv(csv), 6, 4) },
    {
      name: "1,000,000-line CSV",
      fileName: "million.csv",
      bytes: manyRowsCsv(header.join(","), (i) => `${i},2024`, 1_000_000),
    },
    {
      name: "100,000-character cell (csv)",
      fileName: "huge.csv",
      bytes: new TextEncoder().encode(toCsv(withCell("9".repeat(100_000)))),
    },
    {
      name: "CSV cut mid-row",
      fileName: "cut.csv",
      bytes: new TextEncoder().encode(csv.slice(0, csv.length - 3)),
    },
    {
      name: "text where a number belongs",
      fileName: "text.csv",
      bytes: new TextEncoder().encode(toCsv(withCell("=SUM(A1:A9)"))),
    },
  ];
}

/** The kinds of random mutation of a base file. */
const MUTATIONS = ["truncate", "flip", "flip30", "splice", "random"] as const;

/** A random mutation of `base` (its .xlsx or .csv bytes) chosen by `seed`: reproducible. */
export function mutation(base: { xlsx: Uint8Array; csv: Uint8Array }, seed: number): FuzzInput {
  const next = seeded(seed);
  const asXlsx = next() < 0.6;
  const bytes = asXlsx ? base.xlsx : base.csv;
  const fileName = asXlsx ? `m${seed}.xlsx` : `m${seed}.csv`;
  const kind = MUTATIONS[Math.floor(next() * MUTATIONS.length)] ?? "flip";
  switch (kind) {
    case "truncate":
      return { name: `${kind} ${fileName}`, fileName, bytes: truncated(bytes, next()) };
    case "flip":
      return {
        name: `${kind} ${fileName}`,
        fileName,
        bytes: flipped(bytes, 1 + Math.floor(next() * 5), seed),
      };
    case "flip30":
      return { name: `${kind} ${fileName}`, fileName, bytes: flipped(bytes, 30, seed) };
    case "splice": {
      const at = Math.floor(next() * bytes.length);
      const junk = randomBytes(1 + Math.floor(next() * 200), seed);
      const out = new Uint8Array(bytes.length + junk.length);
      out.set(bytes.subarray(0, at), 0);
      out.set(junk, at);
      out.set(bytes.subarray(at), at + junk.length);
      return { name: `${kind} ${fileName}`, fileName, bytes: out };
    }
    case "random":
      return {
        name: `${kind} ${fileName}`,
        fileName,
        bytes: randomBytes(1 + Math.floor(next() * 5000), seed),
      };
  }
}
