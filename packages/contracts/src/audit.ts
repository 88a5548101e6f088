import { z } from "zod";
import { PageQuery, pageOf } from "./common.ts";

/** GET /api/audit filters. Dates are ISO dates (YYYY-MM-DD), `to` inclusive. */
export const AuditListQuery = PageQuery.extend({
  actor: z.string().trim().max(64).optional(),
  entityType: z.string().trim().max(64).optional(),
  entityId: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  from: z.iso.date({ error: "起始日期格式应为 YYYY-MM-DD" }).optional(),
  to: z.iso.date({ error: "截止日期格式应为 YYYY-MM-DD" }).optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

/** One audit row as the audit administrator reads it. */
export const AuditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorLogin: z.string().nullable(),
  /** The actor's name as the accounts list shows it (null: the system, or an account since removed). */
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  /** 对象类型 in Chinese. */
  entityTypeLabel: z.string(),
  entityId: z.string().nullable(),
  /** The object's name (person, unit, plan, task) when it has one. */
  entityName: z.string().nullable(),
  result: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  details: z.unknown(),
  clientIp: z.string().nullable(),
  requestId: z.string().nullable(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = pageOf(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;
