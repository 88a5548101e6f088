import type { Db } from "../db.ts";

/**
 * The second factor (TOTP) of accounts: the encrypted secret on users, its confirmation and last
 * accepted time step, and the hashed one-time recovery codes.
 */
export const secondFactorRepo = {
  /** Stores a new, not yet confirmed secret (encrypted), replacing any unconfirmed one. */
  async setPendingSecret(db: Db, userId: string, encryptedSecret: string): Promise<void> {
    await db
      .updateTable("users")
      .set({ totp_secret: encryptedSecret, totp_confirmed_at: null, totp_last_step: null })
      .where("id", "=", userId)
      .execute();
  },

  /** The secret counts from now on; `step` is the time step of the code that confirmed it. */
  async confirm(db: Db, userId: string, at: Date, step: number): Promise<void> {
    await db
      .updateTable("users")
      .set({ totp_confirmed_at: at, totp_last_step: step })
      .where("id", "=", userId)
      .execute();
  },

  /**
   * Takes a code's time step as used, only if it is later than the last one used: false when the code
   * (or an earlier one) was already accepted — a replay. One statement, so two requests cannot both win.
   */
  async useStep(db: Db, userId: string, step: number): Promise<boolean> {
    const r = await db
      .updateTable("users")
      .set({ totp_last_step: step })
      .where("id", "=", userId)
      .where((eb) => eb.or([eb("totp_last_step", "is", null), eb("totp_last_step", "<", step)]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  },

  /** Removes the secret and every recovery code (an administrator's reset after a lost device). */
  async clear(db: Db, userId: string): Promise<void> {
    await db
      .updateTable("users")
      .set({ totp_secret: null, totp_confirmed_at: null, totp_last_step: null })
      .where("id", "=", userId)
      .execute();
    await db.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
  },

  /** Replaces the account's recovery codes by these hashes. */
  async replaceRecoveryCodes(db: Db, userId: string, hashes: readonly string[], at: Date): Promise<void> {
    await db.deleteFrom("user_recovery_codes").where("user_id", "=", userId).execute();
    if (hashes.length > 0) {
      await db
        .insertInto("user_recovery_codes")
        .values(hashes.map((h) => ({ user_id: userId, code_hash: h, created_at: at, used_at: null })))
        .execute();
    }
  },

  /** Spends one unused recovery code; false when no unused code has this hash. */
  async useRecoveryCode(db: Db, userId: string, hash: string, at: Date): Promise<boolean> {
    const r = await db
      .updateTable("user_recovery_codes")
      .set({ used_at: at })
      .where("user_id", "=", userId)
      .where("code_hash", "=", hash)
      .where("used_at", "is", null)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) >= 1;
  },

  /** How many recovery codes the account has left. */
  async recoveryCodesLeft(db: Db, userId: string): Promise<number> {
    const r = await db
      .selectFrom("user_recovery_codes")
      .select((eb) => eb.fn.countAll<string | number>().as("n"))
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  },
};
