/**
 * 台账导出 .xlsx in the layout offices exchange: 序号, 任务内容, 牵头单位, 责任单位, 完成时限, 进展情况,
 * 状态, 亮灯.
 */
import ExcelJS from "exceljs";
import { TASK_STATE_LABELS } from "@luoshi/domain/ledger";
import type { TaskList } from "../services/ledger/list-tasks.ts";
import { unitsOf } from "../services/ledger/list-tasks.ts";

const LIGHTS = { red: "红", yellow: "黄", blue: "蓝", green: "绿", grey: "灰" } as const;

/** The listed tasks as the 督办台账 workbook. */
export async function ledgerXlsx({ items, bundle }: TaskList): Promise<Buffer> {
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
  items.forEach((x, i) => {
    const units = unitsOf(bundle, x.row.id);
    sheet.addRow([
      i + 1,
      x.row.title,
      units.find((u) => u.role === "lead")?.name ?? "",
      units.map((u) => u.name).join("、"),
      x.row.deadline,
      `已完成 ${x.row.progress}%${x.row.last_reported_period === null ? "，尚未报送" : `（最近报送 ${x.row.last_reported_period}）`}`,
      TASK_STATE_LABELS[x.task.state],
      `${LIGHTS[x.light.light]}（${x.light.reason}）`,
    ]);
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
