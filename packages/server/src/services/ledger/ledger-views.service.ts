import ExcelJS from "exceljs";
import {
  dispatchBoard,
  monthlyBulletin,
  unitScoreboard,
  TASK_STATE_LABELS,
  type Instruction,
  type LedgerUnit,
} from "@luoshi/domain/ledger";
import { taskRepo } from "@luoshi/db";
import type { TaskListQuery } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { bulletinDocx } from "../../reports/bulletin-docx.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { scopeRoot } from "../plans/plan-import.service.ts";
import {
  bundleIndex,
  chinaToday,
  listTasks,
  taskScopeFor,
  toLedgerTask,
  toProgressReports,
} from "./task.service.ts";
import { authorize } from "../access/authorize.ts";

/** Everything the monthly views need, loaded set-based for the actor's scope. */
async function ledgerData(deps: ServiceDeps, actor: Actor, since: Date) {
  authorize(actor, "task.read");
  const scope = taskScopeFor(actor);
  const { db } = deps.handle;
  const [bundle, reportRows, instructionRows] = await Promise.all([
    taskRepo.loadBundle(db, scope),
    taskRepo.reportsSince(db, scope, since),
    taskRepo.openingInstructions(db, scope),
  ]);
  const tasks = bundle.tasks.map((row) => toLedgerTask(row, bundle));
  const units: LedgerUnit[] = [
    ...new Map(bundle.units.map((u) => [u.org_unit_id, { id: u.org_unit_id, name: u.name }])).values(),
  ];
  const instructions: Instruction[] = instructionRows.map((r) => ({
    taskId: r.task_id,
    author: r.display_name ?? "",
    at: r.at,
    text: r.text,
  }));
  return { tasks, units, reports: toProgressReports(reportRows), instructions };
}

const monthStart = (month: string) => new Date(`${month}-01T00:00:00+08:00`);
const asOfFor = (deps: ServiceDeps, month: string) => {
  const today = chinaToday(deps.now());
  const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0))
    .toISOString()
    .slice(0, 10);
  return today < end ? today : end;
};

/** 月通报 data for a month. */
export async function bulletinFor(deps: ServiceDeps, actor: Actor, month: string) {
  const d = await ledgerData(deps, actor, new Date(monthStart(month).getTime() - 400 * 86_400_000));
  return monthlyBulletin(d.tasks, d.reports, d.instructions, month, d.units, { asOf: asOfFor(deps, month) });
}

/** 月通报 as a .docx in 公文 layout. */
export async function bulletinDocxFor(deps: ServiceDeps, actor: Actor, month: string): Promise<Buffer> {
  const bulletin = await bulletinFor(deps, actor, month);
  const root = await scopeRoot(deps.handle.db, actor);
  const buffer = await bulletinDocx(bulletin, { county: root.name, issuer: `${root.name}教育局`, month });
  await recordAudit(deps.handle.db, actor, {
    action: "ledger.bulletin-export",
    entityType: "bulletin",
    entityId: month,
  });
  return buffer;
}

/** 月调度 board for a month. */
export async function dispatchFor(deps: ServiceDeps, actor: Actor, month: string) {
  const d = await ledgerData(deps, actor, new Date(monthStart(month).getTime() - 100 * 86_400_000));
  return dispatchBoard(d.tasks, d.reports, month, d.units, { asOf: asOfFor(deps, month) });
}

/** 一键催报: an in-app reminder to every unit whose report for the month is missing. */
export async function remindMissing(deps: ServiceDeps, actor: Actor, month: string): Promise<number> {
  authorize(actor, "task.review");
  const board = await dispatchFor(deps, actor, month);
  const missing = board.rows.filter((r) => r.status === "missing");
  if (missing.length === 0) {
    return 0;
  }
  await deps.handle.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("notifications")
      .values(
        missing.map((r) => ({
          org_unit_id: r.unit.id,
          task_id: r.taskId,
          kind: "report-reminder",
          text: `请尽快报送“${r.taskTitle}”${r.periodLabel}进展`,
          created_by: actor.userId,
        })),
      )
      .execute();
    await recordAudit(trx, actor, {
      action: "ledger.remind",
      entityType: "notification",
      entityId: month,
      details: { count: missing.length },
    });
  });
  return missing.length;
}

/** 年度考核 scoreboard. */
export async function scoreboardFor(deps: ServiceDeps, actor: Actor, year: number) {
  const d = await ledgerData(deps, actor, new Date(`${year - 1}-01-01T00:00:00+08:00`));
  return unitScoreboard(d.tasks, d.reports, year, d.units, { asOf: asOfFor(deps, `${year}-12`) });
}

/** 台账导出 in the layout offices exchange: 序号, 任务内容, 牵头单位, 责任单位, 完成时限, 进展情况, 状态, 亮灯. */
export async function exportLedgerXlsx(deps: ServiceDeps, actor: Actor, q: TaskListQuery): Promise<Buffer> {
  const { items, bundle } = await listTasks(deps, actor, { ...q, page: 1, pageSize: 100_000 });
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("督办台账", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "序号", width: 6 },
    { header: "任务内容", width: 50 },
    { header: "牵头单位", width: 18 },
    { header: "责任单位", width: 30 },
    { header: "完成时限", width: 12 },
    { header: "进展情况", width: 40 },
    { header: "状态", width: 12 },
    { header: "亮灯", width: 8 },
  ];
  sheet.getRow(1).font = { bold: true };
  const lights = { red: "红", yellow: "黄", blue: "蓝", green: "绿", grey: "灰" };
  items.forEach((x, i) => {
    const units = bundleIndex(bundle).units.get(x.row.id) ?? [];
    sheet.addRow([
      i + 1,
      x.row.title,
      units.find((u) => u.role === "lead")?.name ?? "",
      units.map((u) => u.name).join("、"),
      x.row.deadline,
      `已完成 ${x.row.progress}%${x.row.last_reported_period === null ? "，尚未报送" : `（最近报送 ${x.row.last_reported_period}）`}`,
      TASK_STATE_LABELS[x.task.state],
      `${lights[x.light.light]}（${x.light.reason}）`,
    ]);
  });
  await recordAudit(deps.handle.db, actor, {
    action: "ledger.export",
    entityType: "task",
    entityId: null,
    details: { rows: items.length },
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
