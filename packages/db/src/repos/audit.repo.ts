import type { Db } from "../db.ts";
import type { AuditRow } from "../schema.ts";
import { inScope, type Scope } from "../scope.ts";

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
  /**
   * The reader's scope: rows whose acting account sits (now) in a unit within it, and the rows no
   * account wrote (system, CLI, unknown login) only when no org unit lies outside it — the whole
   * installation's auditor. The system's own reads (tests, the CLI) pass WHOLE_TREE.
   */
  scope: Scope;
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
    {
      const scope = q.scope;
      query = query.where((eb) =>
        eb.or([
          eb(
            "actor_id",
            "in",
            eb
              .selectFrom("users")
              .innerJoin("org_units", "org_units.id", "users.org_unit_id")
              .select("users.id")
              .where(inScope("org_units.path", scope)),
          ),
          eb.not(
            eb.exists(
              eb
                .selectFrom("org_units")
                .select("id")
                .where(eb.not(inScope("org_units.path", scope))),
            ),
          ),
        ]),
      );
    }
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
