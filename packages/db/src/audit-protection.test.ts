/**
 * 等保三级 "audit protection" as an assessor tries it on the database: the application's own role cannot
 * change, delete or switch off the audit trail; and what the owner (a database superuser) does behind
 * the application's back is found by the verification, to the row — the chain's hash alone could be
 * recomputed by anyone, the HMAC-SM3 seal only by the holder of the key kept outside the database.
 */
import { afterEach, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { openDatabase, type DatabaseHandle } from "./client.ts";
import { migrate } from "./migrate.ts";
import { auditRepo } from "./repos/audit.repo.ts";
import {
  asOwner,
  createTestDatabase,
  superuserEditsAuditRow,
  TEST_AUDIT_KEY,
  testEngines,
} from "./testing.ts";

async function withTrail(engine: "pglite" | "postgres", rows = 5): Promise<DatabaseHandle> {
  const handle = await createTestDatabase(engine);
  for (let i = 1; i <= rows; i++) {
    await auditRepo.insert(handle.db, {
      actorId: null,
      actorLogin: "synthetic.user",
      actorRole: "bureauPlanner",
      action: "task.report",
      entityType: "task",
      entityId: `t${String(i)}`,
      details: { n: i },
      clientIp: "127.0.0.1",
      requestId: `r${String(i)}`,
    });
  }
  return handle;
}

const verify = (handle: DatabaseHandle, key = TEST_AUDIT_KEY) => auditRepo.verify(handle.db, key);

describe.each(testEngines())("audit protection on %s", { timeout: 180_000 }, (engine) => {
  let handle: DatabaseHandle | undefined;
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });

  it("the application's role cannot update, delete, truncate, alter or switch off the audit tables", async () => {
    handle = await withTrail(engine);
    const { db } = handle;
    const refused = [
      sql`UPDATE audit_log SET action = 'x' WHERE id = 1`,
      sql`DELETE FROM audit_log WHERE id = 1`,
      sql`TRUNCATE audit_log`,
      sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`,
      sql`ALTER TABLE audit_log DISABLE TRIGGER ALL`,
      sql`DROP TRIGGER audit_log_no_update ON audit_log`,
      sql`DROP TABLE audit_log`,
      sql`UPDATE audit_seal SET mac = 'x'`,
      sql`DELETE FROM audit_seal`,
      sql`ALTER TABLE audit_seal DISABLE TRIGGER ALL`,
      sql`SET session_replication_role = replica`,
      sql`CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END; $$`,
    ];
    for (const statement of refused) {
      await expect(statement.execute(db), statement.compile(db).sql).rejects.toThrow(
        /permission denied|must be owner/,
      );
    }
    const role = await sql<{ r: string }>`SELECT current_user AS r`.execute(db);
    expect(role.rows[0]?.r).toBe("luoshi_app");
    expect(await verify(handle)).toEqual({ checked: 5, sealedFrom: 1, broken: null });
  });

  it("writes no audit row without the key, so the action writing it fails", async () => {
    handle = await withTrail(engine, 1);
    const keyless = await openDatabase({ engine: "pglite", dataDir: null });
    try {
      await migrate(keyless);
      await expect(
        auditRepo.insert(keyless.db, {
          actorId: null,
          actorLogin: "synthetic.user",
          actorRole: null,
          action: "task.report",
          entityType: "task",
          entityId: null,
          clientIp: null,
          requestId: null,
        }),
      ).rejects.toThrow(/audit key missing/);
      await expect(auditRepo.verify(keyless.db)).rejects.toThrow(/audit key missing/);
    } finally {
      await keyless.close();
    }
  });

  it("finds a row the owner edited with the triggers off", async () => {
    handle = await withTrail(engine);
    await asOwner(handle.db, async (owner) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(owner);
      await sql`UPDATE audit_log SET details = '{"n": 99}' WHERE id = 3`.execute(owner);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(owner);
    });
    expect((await verify(handle)).broken).toEqual({
      id: 3,
      reason: expect.stringMatching(/被改动/) as string,
    });
  });

  it("finds who did it changed: the seal covers the columns the hash leaves out", async () => {
    handle = await withTrail(engine);
    const id = await superuserEditsAuditRow(handle.db, 2);
    expect((await verify(handle)).broken).toEqual({
      id,
      reason: expect.stringMatching(/HMAC-SM3/) as string,
    });
  });

  it("finds an edit even when the owner recomputed the whole hash chain after it", async () => {
    handle = await withTrail(engine);
    await asOwner(handle.db, async (owner) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(owner);
      await sql`UPDATE audit_log SET action = 'task.view' WHERE id = 2`.execute(owner);
      // rebuild the chain from row 2 on, exactly as the insert trigger would: no key needed for that
      for (const id of [2, 3, 4, 5]) {
        await sql`UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE id = ${id - 1}) WHERE id = ${id}`.execute(
          owner,
        );
        await sql`UPDATE audit_log a SET hash = audit_log_row_hash(a) WHERE id = ${id}`.execute(owner);
      }
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(owner);
    });
    const result = await verify(handle);
    expect(result.broken).toEqual({ id: 2, reason: expect.stringMatching(/HMAC-SM3/) as string });
  });

  it("finds a deleted row, and a wrong key", async () => {
    handle = await withTrail(engine);
    expect((await verify(handle, Buffer.from("another-installation-key-0123456789"))).broken?.id).toBe(1);
    await asOwner(handle.db, async (owner) => {
      await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(owner);
      await sql`DELETE FROM audit_log WHERE id = 4`.execute(owner);
      await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(owner);
    });
    expect((await verify(handle)).broken).toEqual({
      id: 5,
      reason: expect.stringMatching(/不衔接/) as string,
    });
  });

  it("finds seals the owner removed", async () => {
    handle = await withTrail(engine);
    await asOwner(handle.db, async (owner) => {
      await sql`ALTER TABLE audit_seal DISABLE TRIGGER audit_seal_no_update`.execute(owner);
      await sql`DELETE FROM audit_seal`.execute(owner);
      await sql`ALTER TABLE audit_seal ENABLE TRIGGER audit_seal_no_update`.execute(owner);
    });
    expect((await verify(handle)).broken).toEqual({
      id: 0,
      reason: expect.stringMatching(/起始封印/) as string,
    });
  });
});
