import type { Db } from "../db.ts";
import type { AuditRow } from "../schema.ts";

/** One audit entry as the application writes it; the database adds id, time and the hash chain. */
export interface AuditEntry {
  actorId: string | null;
  actorLogin: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  result?: "success" | "failure";
  before?: unknown;
  after?: unknown;
  details?: unknown;
  clientIp: string | null;
  requestId: string | null;
}

/** Filters for reading the audit trail. */
export interface AuditQuery {
  actorId?: string;
  actorLogin?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/** The audit trail: insert and read only — the database refuses anything else. */
export const auditRepo = {
  async insert(db: Db, e: AuditEntry): Promise<void> {
    await db
      .insertInto("audit_log")
      .values({
        actor_id: e.actorId,
        actor_login: e.actorLogin,
        actor_role: e.actorRole,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        result: e.result ?? "success",
        before: json(e.before),
        after: json(e.after),
        details: json(e.details),
        client_ip: e.clientIp,
        request_id: e.requestId,
      })
      .execute();
  },

  async list(db: Db, q: AuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
    let query = db.selectFrom("audit_log");
    if (q.actorId !== undefined) {
      query = query.where("actor_id", "=", q.actorId);
    }
    if (q.actorLogin !== undefined) {
      query = query.where("actor_login", "=", q.actorLogin);
    }
    if (q.entityType !== undefined) {
      query = query.where("entity_type", "=", q.entityType);
    }
    if (q.entityId !== undefined) {
      query = query.where("entity_id", "=", q.entityId);
    }
    if (q.action !== undefined) {
      query = query.where("action", "=", q.action);
    }
    if (q.from !== undefined) {
      query = query.where("at", ">=", q.from);
    }
    if (q.to !== undefined) {
      query = query.where("at", "<", q.to);
    }
    const [rows, count] = await Promise.all([
      query.selectAll().orderBy("id", "desc").limit(q.limit).offset(q.offset).execute(),
      query.select((eb) => eb.fn.countAll<string | number>().as("n")).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },

  /** Every row in chain order, for verification and export. */
  async *all(db: Db, batch = 1000): AsyncGenerator<AuditRow> {
    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom("audit_log")
        .selectAll()
        .where("id", ">", after)
        .orderBy("id")
        .limit(batch)
        .execute();
      yield* rows;
      const last = rows.at(-1);
      if (last === undefined || rows.length < batch) {
        return;
      }
      after = last.id;
    }
  },
};
