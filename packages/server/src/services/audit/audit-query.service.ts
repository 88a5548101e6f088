import { csvLine, writeCsv } from "@luoshi/common";
import { auditRepo, type AuditRow, type AuditVerification } from "@luoshi/db";
import type { AuditListQuery } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { ACTION_LABELS, ENTITY_TYPE_LABELS, recordAudit, toAuditQuery } from "./audit.service.ts";
import { authorize } from "../access/authorize.ts";

/**
 * 审计日志查询 — for the audit administrator, within its scope (docs/security-requirements.md: the
 * actions of accounts in its jurisdiction; rows no account wrote only for the whole installation's
 * auditor); the search itself is recorded too.
 */
export async function searchAudit(
  deps: ServiceDeps,
  actor: Actor,
  q: AuditListQuery,
): Promise<{ rows: AuditRow[]; total: number; names: Map<string, string> }> {
  authorize(actor, "audit.read");
  const result = await auditRepo.list(deps.handle.db, toAuditQuery(actor.scope, q));
  const idsOf = (type: string) =>
    result.rows.flatMap((r) => (r.entity_type === type && r.entity_id !== null ? [r.entity_id] : []));
  const names = await auditRepo.names(deps.handle.db, {
    users: [...idsOf("user"), ...result.rows.flatMap((r) => (r.actor_id === null ? [] : [r.actor_id]))],
    orgUnits: idsOf("org_unit"),
    plans: idsOf("plan"),
    tasks: idsOf("task"),
  });
  await recordAudit(deps.handle.db, actor, {
    action: "audit.search",
    entityType: "audit_log",
    entityId: null,
    details: { filters: { ...q } },
  });
  return { ...result, names };
}

const CSV_HEADER = [
  "序号",
  "时间",
  "操作人",
  "角色",
  "操作",
  "对象类型",
  "对象",
  "结果",
  "来源地址",
  "请求号",
  "详情",
  "校验值",
];

/**
 * One audit row as a CSV line, without its line end. Cells go through the one CSV writer, so text a
 * spreadsheet would run as a formula is prefixed with an apostrophe (CSV injection).
 */
export function auditCsvLine(r: AuditRow): string {
  return csvLine([
    r.id,
    r.at.toISOString(),
    r.actor_login,
    r.actor_role,
    ACTION_LABELS[r.action] ?? r.action,
    ENTITY_TYPE_LABELS[r.entity_type] ?? r.entity_type,
    r.entity_id,
    r.result === "success" ? "成功" : "失败",
    r.client_ip,
    r.request_id,
    // the JSON columns go out as one JSON text: CSV cells hold text and numbers only
    JSON.stringify({ before: r.before, after: r.after, details: r.details }),
    r.hash,
  ]);
}

/**
 * 导出审计日志 as CSV (UTF-8 with BOM so that Excel reads the Chinese), oldest first, in pages so that a
 * large trail streams. The export is itself recorded.
 */
export async function* exportAuditCsv(
  deps: ServiceDeps,
  actor: Actor,
  q: Omit<AuditListQuery, "page" | "pageSize">,
): AsyncGenerator<string> {
  authorize(actor, "audit.export");
  await recordAudit(deps.handle.db, actor, {
    action: "audit.export",
    entityType: "audit_log",
    entityId: null,
    details: { filters: { ...q } },
  });
  yield writeCsv([CSV_HEADER]);
  const pageSize = 1000;
  const first = await auditRepo.list(
    deps.handle.db,
    toAuditQuery(actor.scope, { ...q, page: 1, pageSize: 1 }),
  );
  const pages = Math.ceil(first.total / pageSize);
  for (let page = pages; page >= 1; page--) {
    const { rows } = await auditRepo.list(
      deps.handle.db,
      toAuditQuery(actor.scope, { ...q, page, pageSize }),
    );
    yield rows
      .reverse()
      .map((r) => `${auditCsvLine(r)}\r\n`)
      .join("");
  }
}

/**
 * 审计日志完整性校验: the whole trail checked — hash chain, links and HMAC-SM3 seals under the
 * installation's key — reporting the first broken row. The check itself goes into the trail.
 */
export async function verifyAuditTrail(deps: ServiceDeps, actor: Actor): Promise<AuditVerification> {
  authorize(actor, "audit.read");
  const result = await auditRepo.verify(deps.handle.db);
  await recordAudit(deps.handle.db, actor, {
    action: "audit.verify",
    entityType: "audit_log",
    entityId: null,
    result: result.broken === null ? "success" : "failure",
    details: { checked: result.checked, brokenId: result.broken?.id ?? null },
  });
  return result;
}
