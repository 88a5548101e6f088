import type { AuditEntry } from "@luoshi/contracts";
import type { AuditRow } from "@luoshi/db";
import { ACTION_LABELS, ENTITY_TYPE_LABELS } from "../../services/audit/audit.service.ts";

/**
 * The fields of an audit row that the audit page shows, with people, units, plans and tasks named
 * (`names` by id) rather than left as ids.
 */
export function presentAudit(r: AuditRow, names: ReadonlyMap<string, string> = new Map()): AuditEntry {
  return {
    id: String(r.id),
    at: r.at.toISOString(),
    actorLogin: r.actor_login,
    actorName: r.actor_id === null ? null : (names.get(r.actor_id) ?? null),
    actorRole: r.actor_role,
    action: r.action,
    actionLabel: ACTION_LABELS[r.action] ?? r.action,
    entityType: r.entity_type,
    entityTypeLabel: ENTITY_TYPE_LABELS[r.entity_type] ?? r.entity_type,
    entityId: r.entity_id,
    entityName: r.entity_id === null ? null : (names.get(r.entity_id) ?? null),
    result: r.result,
    before: r.before,
    after: r.after,
    details: r.details,
    clientIp: r.client_ip,
    requestId: r.request_id,
    hash: r.hash,
  };
}
