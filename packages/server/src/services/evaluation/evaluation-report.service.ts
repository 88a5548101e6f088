/**
 * 优质均衡 资源配置 evaluation as files (.xlsx tables, .docx 公文 report with charts): the same
 * evaluation as GET /api/evaluations/balance, written by reports/balance-xlsx.ts and balance-docx.ts.
 * Exports are recorded in the audit trail like other exports.
 */
import type { Actor, ServiceDeps } from "../../context.ts";
import { balanceDocx } from "../../reports/balance-docx.ts";
import { balanceReportTitle } from "../../reports/balance-report-text.ts";
import { balanceXlsx } from "../../reports/balance-xlsx.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { type BalanceInput, evaluateBalance } from "./evaluation.service.ts";

/** File formats of the report. */
export type BalanceReportFormat = "xlsx" | "docx";

/** MIME types of {@link BalanceReportFormat}. */
const REPORT_CONTENT_TYPES: Record<BalanceReportFormat, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** A generated report file. */
export interface ReportFile {
  fileName: string;
  contentType: string;
  buffer: Buffer;
}

/**
 * Evaluates the county (same rules as {@link evaluateBalance}: `evaluation.read`, scope, 400/404) and
 * writes the report in `format`. The file name is the report title, e.g.
 * 崆峒区义务教育优质均衡发展资源配置评估报告（2024年度）.docx; the workbook's ends in 评估表.
 */
export async function balanceReportFile(
  deps: ServiceDeps,
  actor: Actor,
  input: BalanceInput,
  format: BalanceReportFormat,
): Promise<ReportFile> {
  const evaluated = await evaluateBalance(deps, actor, input);
  const data = { ...evaluated, generatedAt: deps.now() };
  const buffer = format === "xlsx" ? await balanceXlsx(data) : await balanceDocx(data);
  await recordAudit(deps.handle.db, actor, {
    action: "evaluation.report-export",
    entityType: "org_unit",
    entityId: evaluated.orgUnit.id,
    details: {
      format,
      year: evaluated.year,
      ruleSet: { id: evaluated.ruleSet.id, version: evaluated.ruleSet.version },
      teachingPointPolicy: evaluated.teachingPointPolicy,
    },
  });
  const title = balanceReportTitle(evaluated.orgUnit.name, evaluated.year);
  const fileName = format === "xlsx" ? `${title.replace("评估报告", "评估表")}.xlsx` : `${title}.docx`;
  return { fileName, contentType: REPORT_CONTENT_TYPES[format], buffer };
}
