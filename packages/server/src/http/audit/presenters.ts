import type { AuditEntry } from "@luoshi/contracts";
import type { AuditRow } from "@luoshi/db";
import { ACTION_LABELS } from "../../services/audit/audit.service.ts";

/** The fields of an audit row that the audit page shows. */
export function presentAudit(r: AuditRow): AuditEntry {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actorLogin: r.actor_login,
    actorRole: r.actor_role,
    action: r.action,
    actionLabel: ACTION_LABELS[r.action] ?? r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    result: r.result,
    before: r.before,
    after: r.after,
    details: r.details,
    clientIp: r.client_ip,
    requestId: r.request_id,
    hash: r.hash,
  };
}
