import type { Db } from "../db.ts";
import type { SessionRow } from "../schema.ts";

/** Server-side sessions; the row id is the SHA-256 of the cookie token. */
export const sessionRepo = {
  async insert(
    db: Db,
    row: {
      id: string;
      userId: string;
      createdAt: Date;
      expiresAt: Date;
      clientIp: string | null;
      userAgent: string | null;
      /** The password was right but a second factor is still owed. */
      secondFactorPending?: boolean;
    },
  ): Promise<void> {
    await db
      .insertInto("sessions")
      .values({
        id: row.id,
        user_id: row.userId,
        created_at: row.createdAt,
        last_seen_at: row.createdAt,
        expires_at: row.expiresAt,
        client_ip: row.clientIp,
        user_agent: row.userAgent,
        second_factor_pending: row.secondFactorPending ?? false,
      })
      .execute();
  },

  async findLive(db: Db, id: string): Promise<SessionRow | undefined> {
    return db
      .selectFrom("sessions")
      .selectAll()
      .where("id", "=", id)
      .where("ended_at", "is", null)
      .executeTakeFirst();
  },

  /** The second factor was given: the session becomes a full one. */
  async completeSecondFactor(db: Db, id: string): Promise<void> {
    await db.updateTable("sessions").set({ second_factor_pending: false }).where("id", "=", id).execute();
  },

  async touch(db: Db, id: string, at: Date): Promise<void> {
    await db.updateTable("sessions").set({ last_seen_at: at }).where("id", "=", id).execute();
  },

  async end(db: Db, id: string, at: Date, reason: string | null = null): Promise<void> {
    await db.updateTable("sessions").set({ ended_at: at, end_reason: reason }).where("id", "=", id).execute();
  },

  /** Why a session ended, when it did (null: unknown id, or still live). */
  async endReason(db: Db, id: string): Promise<string | null> {
    const row = await db
      .selectFrom("sessions")
      .select("end_reason")
      .where("id", "=", id)
      .where("ended_at", "is not", null)
      .executeTakeFirst();
    return row?.end_reason ?? null;
  },

  /**
   * The user's sessions still in force at `now` — not ended, not past their absolute limit, seen since
   * `activeSince` — oldest first.
   */
  async listLiveForUser(db: Db, userId: string, now: Date, activeSince: Date): Promise<SessionRow[]> {
    return db
      .selectFrom("sessions")
      .selectAll()
      .where("user_id", "=", userId)
      .where("ended_at", "is", null)
      .where("expires_at", ">", now)
      .where("last_seen_at", ">=", activeSince)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
  },

  /** Ends every live session of a user (password reset, disabling). */
  async endAllForUser(db: Db, userId: string, at: Date, reason: string | null = null): Promise<void> {
    await db
      .updateTable("sessions")
      .set({ ended_at: at, end_reason: reason })
      .where("user_id", "=", userId)
      .where("ended_at", "is", null)
      .execute();
  },

  /** Ends every live session of these users (their accounts were disabled with their unit). */
  async endAllForUsers(db: Db, userIds: readonly string[], at: Date): Promise<void> {
    if (userIds.length === 0) {
      return;
    }
    await db
      .updateTable("sessions")
      .set({ ended_at: at })
      .where("user_id", "in", userIds)
      .where("ended_at", "is", null)
      .execute();
  },
};
