/**
 * 名录导入模板: the workbook a bureau fills in — 学校名录 (the header of a real 教育事业统计 export and two
 * synthetic example rows), 责任单位 (the county's departments as they stand) and 填写说明 (each column,
 * the allowed 办学类型 / 城乡分类 codes and this county's 乡镇 with their codes).
 */
import ExcelJS from "exceljs";
import { SCHOOL_TYPE_CODES, URBAN_RURAL_CODES } from "@luoshi/common";
import { DEPARTMENT_COLUMNS, syntheticSchoolList } from "@luoshi/domain/org";
import type { Actor, ServiceDeps } from "../../context.ts";
import { countyRegistry, resolveCounty } from "./registry-common.ts";

/** Rows of the 学校名录 sheet that get drop-down lists. */
const VALIDATED_ROWS = 1000;

const COLUMN_HELP: [string, string][] = [
  [
    "学校标识码",
    "必填。教育部门户网站分配的 10 位学校标识码；再次导入时按它匹配学校，已有学校更新、不会重复新增",
  ],
  ["学校名称", "必填。学校全称；与现有名称不同即为“更名”"],
  ["办学类型", "必填。填代码或名称（见下表），如 211 或 小学；附设班不是独立单位，不导入"],
  ["举办者", "选填。如 县级教育部门、民办、企业；含“民办”“个人”“企业”“公司”的视为民办，其余为公办"],
  ["城乡分类", "必填。统计用城乡分类代码或名称（见下表），也可填 城区 / 镇区 / 乡村"],
  ["所在乡镇", "必填。本县乡镇（街道）的名称或 9 位代码（见下表）；与现有不同即为“调整隶属”"],
  ["地址", "选填"],
  ["校长", "选填。校长（负责人）姓名"],
  ["联系电话", "选填。座机或手机号"],
  ["所属学校标识码", "教学点选填：其所属中心校或完小的学校标识码（须在本文件或本县现有学校中）"],
  ["办学性质（可加列）", "选填。公办 / 民办；填写时优先于举办者"],
  ["普惠性（可加列）", "选填。幼儿园填 是 / 否；不填时公办园为普惠"],
];

function addHeader(ws: ExcelJS.Worksheet, headers: readonly string[]): void {
  ws.columns = headers.map((h) => ({ header: h, width: Math.max(12, h.length * 2 + 4) }));
  ws.getRow(1).font = { bold: true };
}

function addHelp(
  wb: ExcelJS.Workbook,
  countyName: string,
  townships: { code: string; name: string }[],
): void {
  const ws = wb.addWorksheet("填写说明");
  ws.columns = [{ width: 22 }, { width: 30 }, { width: 60 }];
  const title = (text: string) => {
    ws.addRow([]);
    ws.addRow([text]).font = { bold: true };
  };
  ws.addRow([`${countyName}单位名录导入模板`]).font = { bold: true, size: 14 };
  ws.addRow([
    "删除“学校名录”表中的示例行后填写；表头可在前 5 行内（可保留标题行）；也可直接上传教育事业统计导出的学校名录",
  ]);
  ws.addRow([
    "整个文件有任何一行有误则全部不导入，并列出有误的表、行和列；文件中缺少的现有学校只列出，不会撤销",
  ]);
  title("学校名录各列");
  for (const [column, meaning] of COLUMN_HELP) {
    ws.addRow([column, meaning]);
  }
  title("责任单位各列");
  ws.addRow(["单位名称", "必填。本县部门（如 县教育局）或其股室；按单位代码、无代码时按名称匹配"]);
  ws.addRow(["单位代码", "选填。不填则系统按“县代码-序号”编号"]);
  ws.addRow(["简称/别名", "选填。多个用“、”分隔，如 县教育局、教育局"]);
  ws.addRow(["上级单位", "选填。另一部门的名称或代码（股室填所属局）；不填即直属本县"]);
  title("办学类型代码（教育部 JY/T 1001 教育管理基础代码）");
  ws.addRow(["代码", "名称", "说明"]).font = { bold: true };
  for (const c of SCHOOL_TYPE_CODES) {
    ws.addRow([c.code, c.name, c.schoolType === null ? "附设班，不作为单独单位导入" : ""]);
  }
  title("城乡分类代码（国家统计局 统计用区划代码和城乡划分代码）");
  ws.addRow(["代码", "名称"]).font = { bold: true };
  for (const c of URBAN_RURAL_CODES) {
    ws.addRow([c.code, c.name]);
  }
  title(`${countyName}的乡镇（街道）`);
  ws.addRow(["代码", "名称"]).font = { bold: true };
  for (const t of townships) {
    ws.addRow([t.code, t.name]);
  }
}

/** The template workbook for the actor's county (or `countyId`). */
export async function registryTemplateXlsx(
  deps: ServiceDeps,
  actor: Actor,
  countyId: string | undefined,
): Promise<{ bytes: Buffer; countyName: string }> {
  const { db } = deps.handle;
  const county = await resolveCounty(db, actor, countyId);
  const { units } = await countyRegistry(db, county);
  const townships = units
    .filter((u) => u.kind === "township" && u.parentId === county.id && u.closedOn === null)
    .map((u) => ({ code: u.code, name: u.name }));
  const example = syntheticSchoolList(county.code, county.name, townships, { count: 2, seed: 1, start: 998 });
  const wb = new ExcelJS.Workbook();
  wb.creator = "落实 luoshi";
  const schools = wb.addWorksheet("学校名录", { views: [{ state: "frozen", ySplit: 1 }] });
  addHeader(schools, example.headers);
  for (const r of example.rows) {
    schools.addRow(r);
  }
  const list = (values: string[]): ExcelJS.DataValidation => ({
    type: "list",
    allowBlank: true,
    formulae: [`"${values.join(",")}"`],
  });
  const typeCodes = SCHOOL_TYPE_CODES.filter((c) => c.schoolType !== null).map((c) => c.code);
  const townNames = townships.map((t) => t.name);
  const townList = townNames.join(",").length < 250 && townNames.length > 0 ? list(townNames) : null;
  for (let r = 2; r <= VALIDATED_ROWS; r++) {
    schools.getCell(r, 3).dataValidation = list(typeCodes);
    schools.getCell(r, 5).dataValidation = list(URBAN_RURAL_CODES.map((c) => c.code));
    if (townList !== null) {
      schools.getCell(r, 6).dataValidation = townList;
    }
  }
  const departments = wb.addWorksheet("责任单位", { views: [{ state: "frozen", ySplit: 1 }] });
  addHeader(
    departments,
    DEPARTMENT_COLUMNS.map((c) => c.header),
  );
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  for (const d of units.filter((u) => u.kind === "department" && u.closedOn === null)) {
    const parent = d.parentId === county.id || d.parentId === null ? "" : (nameOf.get(d.parentId) ?? "");
    departments.addRow([d.name, d.code, d.aliases.join("、"), parent]);
  }
  addHelp(wb, county.name, townships);
  return { bytes: Buffer.from(await wb.xlsx.writeBuffer()), countyName: county.name };
}
