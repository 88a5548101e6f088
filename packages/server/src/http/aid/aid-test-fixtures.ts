/** Synthetic pupils, cards and files of the 学生资助 API test (aid-api.test.ts). */
import ExcelJS from "exceljs";
import { backupRepo, type Db } from "@luoshi/db";
import { idNumberCheckChar } from "@luoshi/domain/pii";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
export const P1 = id("62089920160417123");
export const P2 = id("62089920160418124");
const P3 = id("62089920160419125");
const P4 = id("62089920160420126");
const P5 = id("62089920160421127");
export const CARD1 = "6222021234567890123";
export const CARD4 = "6228480011223344";
export const CARD4_NEW = "6228480099887766";
export const CARD5 = "6217000099887766554";
export const DAY = 86_400_000;

export const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");
export const registryCsv = (p4status: string) =>
  [
    "全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级,学籍状态",
    `G${P1},${P1},王测试安,男,2016-04-17,1620802001,二年级,1班,在读`,
    `G${P2},${P2},李测试宁,女,2016-04-18,1620802001,二年级,1班,在读`,
    `G${P3},${P3},赵测试平,男,2016-04-19,1620802001,二年级,2班,在读`,
    `G${P4},${P4},钱测试乐,女,2016-04-20,1620802001,二年级,2班,${p4status}`,
    `G${P5},${P5},孙测试远,男,2016-04-21,1620802002,二年级,1班,在读`,
  ].join("\n");

export async function xlsx(rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("名单");
  rows.forEach((r) => ws.addRow(r));
  return b64(Buffer.from(await wb.xlsx.writeBuffer()));
}

export const programme = (code: string, over: Record<string, unknown> = {}) => ({
  schoolYear: 2026,
  code,
  name: "义务教育家庭经济困难学生生活费补助",
  kind: "living",
  stages: ["primary", "junior"],
  target: "义务教育阶段家庭经济困难学生（寄宿生、非寄宿生）",
  basis: "《学生资助资金管理办法》（财教〔2021〕310号）",
  quota: 10,
  budget: 20000,
  tiers: [
    { code: "A", label: "一档", amountPerTerm: 625 },
    { code: "B", label: "二档", amountPerTerm: 500 },
  ],
  ...over,
});

/** What must never leave the server in clear but in the bank file: ID numbers, cards, holder, a reason. */
export const SECRETS = [
  P1,
  P2,
  P3,
  P4,
  P5,
  CARD1,
  CARD4,
  CARD4_NEW,
  CARD5,
  "王测试家长",
  "家庭已由民政全额供养",
];

/** The rows of an .xlsx answer's first sheet, header left out (cells from column 1). */
export async function xlsxRows(payload: Buffer): Promise<(string | number)[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return (wb.worksheets[0]?.getSheetValues() ?? []).slice(2) as (string | number)[][];
}

/** Every row of every table as text: what a database dump would hold. */
export async function databaseText(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const table of await backupRepo.listTables(db)) {
    parts.push(...(await backupRepo.readRows(db, table)).map((row) => row.join("\t")));
  }
  return parts.join("\n");
}

/** A county fund of the same kind as the national 生活补助: a pupil aided by both is a duplicate. */
export const LOCAL_PROGRAMME = programme("LOCAL", {
  name: "县级困难学生生活补助",
  basis: "县政府常务会议纪要（测试）",
  tiers: [{ code: "A", label: "一档", amountPerTerm: 300 }],
});

/** The 民政 list: three pupils of the registry (低保, 孤儿, 特困) and one child who is not in it. */
export const CIVIL_LIST = [
  ["身份证件号", "姓名", "类别"],
  [P1, "王测试安", "低保"],
  [P2, "李测试宁", "孤儿"],
  [P3, "赵测试平", "特困"],
  [id("62089920100101111"), "周测试", "低保"],
];
