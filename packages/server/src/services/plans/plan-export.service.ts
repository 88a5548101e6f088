import ExcelJS from "exceljs";
import type { PlanNodeRow, PlanTree } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { getPlan } from "./plan-detail.service.ts";

/** exceljs names A4 as paper size 9 in a `const enum`, which isolated modules cannot read as a value. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- the value 9 is ExcelJS.PaperSize.A4
const A4 = 9 as ExcelJS.PaperSize;

const COMPARATOR_TEXT: Record<string, string> = {
  ">=": "≥",
  "<=": "≤",
  "=": "=",
  ">": ">",
  "<": "<",
  increase: "提高",
  decrease: "下降",
};

/** One row of the 任务分解表 (序号, 任务, 牵头单位, 责任单位, 目标, 时限). */
export interface TaskRow {
  path: string;
  title: string;
  lead: string;
  units: string;
  targets: string;
  deadline: string;
}

/** 任务 rows are task nodes with no task below them: section headings like 二、主要任务 are not tasks. */
export function isLeafTask(node: PlanNodeRow, nodes: readonly PlanNodeRow[]): boolean {
  return node.role === "task" && !nodes.some((c) => c.parent_path === node.path && c.role === "task");
}

/**
 * The task table of a plan: every leaf task node in document order. 时限 is the node's own deadline, else
 * the latest year its targets name, else the end of the plan period.
 */
export function taskRows(tree: PlanTree): TaskRow[] {
  return tree.nodes
    .filter((n) => isLeafTask(n, tree.nodes))
    .map((n) => {
      const units = tree.units.filter((u) => u.node_id === n.id);
      const targets = tree.targets.filter((t) => t.path === n.path && t.kind === "target");
      const years = targets.map((t) => t.year).filter((y): y is number => y !== null);
      const deadline =
        n.deadline ??
        (years.length > 0
          ? `${Math.max(...years)}年`
          : tree.plan.period_end === null
            ? ""
            : `${tree.plan.period_end}年底`);
      return {
        path: n.path,
        title: n.title,
        lead: units.find((u) => u.is_lead)?.name ?? "",
        units: units.map((u) => u.name).join("、"),
        targets: targets.map((t) => t.text).join("；"),
        deadline,
      };
    });
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { name: "黑体", bold: true };
  row.alignment = { vertical: "middle", horizontal: "center", wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  });
}

function borderAll(sheet: ExcelJS.Worksheet, fromRow: number): void {
  for (let r = fromRow; r <= sheet.rowCount; r++) {
    sheet.getRow(r).eachCell({ includeEmpty: true }, (cell) => {
      cell.border = {
        top: { style: "thin" },
        left: { style: "thin" },
        bottom: { style: "thin" },
        right: { style: "thin" },
      };
      cell.alignment = { ...cell.alignment, vertical: "middle", wrapText: true };
    });
  }
}

function addTitle(sheet: ExcelJS.Worksheet, title: string, columns: number): void {
  sheet.mergeCells(1, 1, 1, columns);
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { name: "方正小标宋简体", size: 16 };
  cell.alignment = { horizontal: "center", vertical: "middle" };
  sheet.getRow(1).height = 32;
}

/**
 * 导出 Excel: the 任务分解表 and the 目标指标 table in the layout offices exchange — a merged title row,
 * a header row repeated on every printed page, A4 landscape, thin borders, wrapped text.
 */
export async function exportPlanXlsx(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
): Promise<{ fileName: string; buffer: Buffer }> {
  const view = await getPlan(deps, actor, planId);
  const book = new ExcelJS.Workbook();
  book.creator = "luoshi";
  book.created = deps.now();

  const tasks = book.addWorksheet("任务分解表", {
    pageSetup: { paperSize: A4, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 2 }],
  });
  tasks.columns = [
    { key: "path", width: 9 },
    { key: "title", width: 48 },
    { key: "lead", width: 18 },
    { key: "units", width: 36 },
    { key: "targets", width: 40 },
    { key: "deadline", width: 12 },
  ];
  addTitle(tasks, `${view.plan.title} 任务分解表`, 6);
  styleHeader(tasks.addRow(["序号", "任务", "牵头单位", "责任单位", "目标", "时限"]));
  for (const row of taskRows(view)) {
    tasks.addRow(row);
  }
  borderAll(tasks, 2);
  tasks.pageSetup.printTitlesRow = "2:2";

  const targets = book.addWorksheet("目标指标", {
    pageSetup: { paperSize: A4, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: "frozen", ySplit: 2 }],
  });
  targets.columns = [
    { width: 9 },
    { width: 24 },
    { width: 8 },
    { width: 10 },
    { width: 8 },
    { width: 8 },
    { width: 8 },
    { width: 48 },
  ];
  addTitle(targets, `${view.plan.title} 目标指标`, 8);
  styleHeader(targets.addRow(["条目", "指标", "比较", "目标值", "单位", "年份", "类型", "原文"]));
  for (const t of view.targets) {
    const value = t.value === null ? "" : t.value_max === null ? t.value : `${t.value}–${t.value_max}`;
    targets.addRow([
      t.path,
      t.metric,
      COMPARATOR_TEXT[t.comparator] ?? t.comparator,
      value,
      t.unit,
      t.year ?? "",
      t.kind === "target" ? "目标" : "现状",
      t.text,
    ]);
  }
  borderAll(targets, 2);
  targets.pageSetup.printTitlesRow = "2:2";

  const buffer = Buffer.from(await book.xlsx.writeBuffer());
  await recordAudit(deps.handle.db, actor, { action: "plan.export", entityType: "plan", entityId: planId });
  const safeTitle = view.plan.title.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);
  return { fileName: `${safeTitle}-任务分解表.xlsx`, buffer };
}
