import { createHmac, timingSafeEqual } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { auditKeyOf } from "../audit-key.ts";
import type { Db } from "../db.ts";
import type { AuditRow, Database } from "../schema.ts";
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

/** What the verification of the whole trail found. */
export interface AuditVerification {
  /** Rows checked before the first broken one (all of them when none is). */
  checked: number;
  /** The first audit id under the key's seal (rows before it predate sealing), null without a genesis seal. */
  sealedFrom: number | null;
  /** The first broken row (id 0: the genesis seal itself) and why, or null. */
  broken: { id: number; reason: string } | null;
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

/** HMAC-SM3 (GB/T 32905) of an audit row's chain hash: what only the key's holder can compute. */
const sealOf = (key: Buffer, r: SealedFields): string =>
  createHmac("sm3", key)
    .update(JSON.stringify(["row", r.hash, r.actor_login, r.actor_role, r.client_ip, r.request_id]))
    .digest("hex");

/**
 * What the seal covers: the chain hash (which covers id, time, actor id, action, object, result and
 * the before/after/details) and the columns the hash leaves out — who by name and role, from where.
 */
type SealedFields = Pick<AuditRow, "hash" | "actor_login" | "actor_role" | "client_ip" | "request_id">;

/** The audit id the genesis seal is kept under in audit_seal (no audit row has it). */
export const GENESIS_AUDIT_ID = 0;

/** The genesis seal: which audit id sealing starts at, under the key. */
const genesisSeal = (key: Buffer, firstId: number): string =>
  createHmac("sm3", key)
    .update(`genesis|${String(firstId)}`)
    .digest("hex");

const safeEqual = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The audit trail: insert and read only — the database refuses anything else. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const auditRepo = {
  /**
   * Appends one row and its seal (HMAC-SM3 of the row's chain hash under the database's audit key), in
   * one transaction: the caller's, or one of its own. Without a key the write fails, and with it the
   * caller's action (security.md: no action without its trace).
   */
  async insert(db: Db, e: AuditEntry): Promise<void> {
    const key = auditKeyOf(db);
    if (key === undefined) {
      throw new Error("audit key missing: no audit row is written unsealed");
    }
    const write = async (trx: Db) => {
      const row = await trx
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
        .returning(["id", "hash", "actor_login", "actor_role", "client_ip", "request_id"])
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("audit_seal")
        .values({ audit_id: row.id, mac: sealOf(key, row), first_id: null })
        .execute();
    };
    if (db.isTransaction) {
      await write(db);
    } else {
      await db.transaction().execute(async (trx) => {
        await write(trx);
      });
    }
  },

  /**
   * Writes the genesis seal when there is none: sealing covers every audit row from the next one on
   * (earlier rows predate the key and are checked by the hash chain alone). Run once the key is known.
   */
  async ensureGenesis(db: Kysely<Database>, key: Buffer): Promise<void> {
    const existing = await db
      .selectFrom("audit_seal")
      .select("audit_id")
      .where("audit_id", "=", GENESIS_AUDIT_ID)
      .executeTakeFirst();
    if (existing !== undefined) {
      return;
    }
    await db.transaction().execute(async (trx) => {
      // the chain's lock: no audit row slips in between reading the last id and writing the genesis
      await sql`SELECT pg_advisory_xact_lock(7460001)`.execute(trx);
      const last = await trx
        .selectFrom("audit_log")
        .select((eb) => eb.fn.max<number | string | null>("id").as("id"))
        .executeTakeFirstOrThrow();
      const firstId = Number(last.id ?? 0) + 1;
      await trx
        .insertInto("audit_seal")
        .values({ audit_id: GENESIS_AUDIT_ID, mac: genesisSeal(key, firstId), first_id: firstId })
        .onConflict((oc) => oc.column("audit_id").doNothing())
        .execute();
    });
  },

  /**
   * True when the trail holds no row and no seal but the genesis seal: what a fresh instance writes on
   * its first start, so such a trail still counts as empty (a backup may be restored into it).
   */
  async holdsOnlyGenesis(db: Db): Promise<boolean> {
    const { rows } = await sql<{ logged: number; seals: number; genesis: number }>`
      SELECT (SELECT count(*)::int FROM audit_log) AS logged,
             (SELECT count(*)::int FROM audit_seal) AS seals,
             (SELECT count(*)::int FROM audit_seal WHERE audit_id = ${GENESIS_AUDIT_ID}) AS genesis`.execute(
      db,
    );
    const r = rows[0];
    return r !== undefined && r.logged === 0 && r.seals === 1 && r.genesis === 1;
  },

  /**
   * Checks the whole trail: each row's hash recomputed by the database, each row linked to the one
   * before, the genesis seal, and each sealed row's HMAC-SM3 under `key`. Returns the first broken row
   * (by id, with the reason) or null, and how many rows were checked.
   */
  async verify(db: Db, key: Buffer | undefined = auditKeyOf(db), batch = 2000): Promise<AuditVerification> {
    if (key === undefined) {
      throw new Error("audit key missing: the trail cannot be verified without it");
    }
    const genesis = await db
      .selectFrom("audit_seal")
      .selectAll()
      .where("audit_id", "=", GENESIS_AUDIT_ID)
      .executeTakeFirst();
    const firstId = genesis?.first_id ?? null;
    const genesisOk =
      genesis !== undefined && firstId !== null && safeEqual(genesis.mac, genesisSeal(key, firstId));
    let after = 0;
    let previous = "";
    let checked = 0;
    for (;;) {
      const rows = await db
        .selectFrom("audit_log as a")
        .leftJoin("audit_seal as s", "s.audit_id", "a.id")
        .select([
          "a.id",
          "a.prev_hash",
          "a.hash",
          "a.actor_login",
          "a.actor_role",
          "a.client_ip",
          "a.request_id",
          "s.mac",
          sql<string>`audit_log_row_hash(a)`.as("recomputed"),
        ])
        .where("a.id", ">", after)
        .orderBy("a.id")
        .limit(batch)
        .execute();
      for (const r of rows) {
        const broken = (reason: string) => ({ checked, sealedFrom: firstId, broken: { id: r.id, reason } });
        if (r.prev_hash !== previous) {
          return broken("与上一行不衔接（prev_hash 不符：有行被删除、插入或改动）");
        }
        if (r.recomputed !== r.hash) {
          return broken("内容与哈希不符（该行被改动）");
        }
        if (!genesisOk && r.mac !== null) {
          return broken("起始封印缺失或无效（封印被删除或改动，或密钥不对）");
        }
        if (firstId !== null && r.id >= firstId) {
          if (r.mac === null) {
            return broken("缺少封印（HMAC-SM3）");
          }
          if (!safeEqual(r.mac, sealOf(key, r))) {
            return broken("封印（HMAC-SM3）不符：该行被改动，或密钥不对");
          }
        }
        previous = r.hash;
        checked += 1;
      }
      const last = rows.at(-1);
      if (last === undefined || rows.length < batch) {
        break;
      }
      after = last.id;
    }
    if (!genesisOk && checked > 0) {
      return {
        checked,
        sealedFrom: firstId,
        broken: { id: 0, reason: "起始封印缺失或无效（封印被删除或改动，或密钥不对）" },
      };
    }
    return { checked, sealedFrom: firstId, broken: null };
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

  /**
   * What the audit page names instead of ids: people by their names (actors and user objects), units,
   * plans and tasks by name or title. Ids that are not UUIDs, or no longer exist, are left out.
   */
  async names(
    db: Db,
    ids: {
      users: readonly string[];
      orgUnits: readonly string[];
      plans: readonly string[];
      tasks: readonly string[];
    },
  ): Promise<Map<string, string>> {
    const uuid = (list: readonly string[]) => [...new Set(list)].filter((id) => UUID.test(id));
    const [users, units, plans, tasks] = [
      uuid(ids.users),
      uuid(ids.orgUnits),
      uuid(ids.plans),
      uuid(ids.tasks),
    ];
    const none = Promise.resolve([] as { id: string; name: string }[]);
    const found = await Promise.all([
      users.length === 0
        ? none
        : db.selectFrom("users").select(["id", "display_name as name"]).where("id", "in", users).execute(),
      units.length === 0
        ? none
        : db.selectFrom("org_units").select(["id", "name"]).where("id", "in", units).execute(),
      plans.length === 0
        ? none
        : db.selectFrom("plans").select(["id", "title as name"]).where("id", "in", plans).execute(),
      tasks.length === 0
        ? none
        : db.selectFrom("tasks").select(["id", "title as name"]).where("id", "in", tasks).execute(),
    ]);
    return new Map(found.flat().map((r) => [r.id, r.name]));
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
