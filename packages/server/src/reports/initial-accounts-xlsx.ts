/**
 * 初始账号.xlsx — the one-time file of a bulk account creation: a title, a warning that the file is
 * made once and the passwords are kept nowhere else, then 序号, 单位名称, 单位代码, 登录名, 初始密码,
 * 角色, 说明. The same rows as CSV for the command line.
 */
import ExcelJS from "exceljs";
import { chinaDate } from "@luoshi/common";
import { ROLE_LABELS } from "@luoshi/domain/auth";
import type { CreatedBulkAccount } from "../services/accounts/bulk-accounts.service.ts";

export const INITIAL_ACCOUNT_HEADERS = ["序号", "单位名称", "单位代码", "登录名", "初始密码", "角色", "说明"];
const NOTE = "首次登录须修改密码";

/** The table rows (without the header). */
export function initialAccountRows(accounts: readonly CreatedBulkAccount[]): (string | number)[][] {
  return accounts.map((a, i) => [
    i + 1,
    a.unitName,
    a.unitCode,
    a.login,
    a.initialPassword,
    ROLE_LABELS[a.role],
    NOTE,
  ]);
}

/** "初始账号_<单位>_<yyyy-mm-dd>.xlsx". */
export function initialAccountsFileName(unitName: string, now: Date, extension: "xlsx" | "csv"): string {
  return `初始账号_${unitName}_${chinaDate(now)}.${extension}`;
}

/** The workbook as bytes. */
export async function initialAccountsXlsx(
  unitName: string,
  accounts: readonly CreatedBulkAccount[],
  now: Date,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "落实 luoshi";
  const sheet = book.addWorksheet("初始账号", { views: [{ state: "frozen", ySplit: 3 }] });
  sheet.columns = [
    { width: 6 },
    { width: 30 },
    { width: 16 },
    { width: 18 },
    { width: 18 },
    { width: 10 },
    { width: 20 },
  ];
  sheet.addRow([`${unitName} 初始账号（${chinaDate(now)} 开通，共 ${accounts.length} 个）`]);
  sheet.mergeCells(1, 1, 1, INITIAL_ACCOUNT_HEADERS.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow([
    "本文件只在开通时生成一次，系统不保存初始密码，也不会再次提供。请通过安全渠道分发给各单位联系人，分发后删除本文件。",
  ]);
  sheet.mergeCells(2, 1, 2, INITIAL_ACCOUNT_HEADERS.length);
  sheet.getRow(2).font = { color: { argb: "FFC00000" } };
  sheet.addRow(INITIAL_ACCOUNT_HEADERS);
  sheet.getRow(3).font = { bold: true };
  for (const row of initialAccountRows(accounts)) {
    sheet.addRow(row);
  }
  // Codes, logins and passwords are text: a leading zero or digits-only login must survive Excel.
  for (const col of [3, 4, 5]) {
    sheet.getColumn(col).numFmt = "@";
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
