import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import type { DatabaseHandle } from "./client.ts";
import { auditRepo } from "./repos/audit.repo.ts";
import { WHOLE_TREE } from "./scope.ts";
import { asOwner, createTestDatabase, testEngines } from "./testing.ts";

describe.each(testEngines())("audit trail on %s", (engine) => {
  let handle: DatabaseHandle;
  let freshHoldsOnlyGenesis: boolean;
  beforeAll(async () => {
    handle = await createTestDatabase(engine);
    freshHoldsOnlyGenesis = await auditRepo.holdsOnlyGenesis(handle.db);
    for (const action of ["login", "user.create", "logout"]) {
      await auditRepo.insert(handle.db, {
        actorId: null,
        actorLogin: "zhang",
        actorRole: "systemAdmin",
        action,
        entityType: "user",
        entityId: "u1",
        after: { action },
        clientIp: "127.0.0.1",
        requestId: "r1",
      });
    }
  }, 180_000);
  afterAll(async () => {
    await handle.close();
  });

  it("counts a trail holding only its genesis seal as empty, and one with rows as not", async () => {
    expect(freshHoldsOnlyGenesis).toBe(true);
    expect(await auditRepo.holdsOnlyGenesis(handle.db)).toBe(false);
  });

  it("chains every row to the one before it", async () => {
    const rows = [];
    for await (const row of auditRepo.all(handle.db)) {
      rows.push(row);
    }
    expect(rows.map((r) => r.action)).toEqual(["login", "user.create", "logout"]);
    expect(rows[0]?.prev_hash).toBe("");
    expect(rows[1]?.prev_hash).toBe(rows[0]?.hash);
    expect(rows[2]?.prev_hash).toBe(rows[1]?.hash);
    expect(rows[2]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses UPDATE, DELETE and TRUNCATE in the database itself, to the owner too", async () => {
    // the application's role holds no such right …
    await expect(sql`UPDATE audit_log SET action = 'x'`.execute(handle.db)).rejects.toThrow(
      /permission denied/,
    );
    await expect(sql`DELETE FROM audit_log`.execute(handle.db)).rejects.toThrow(/permission denied/);
    await expect(sql`TRUNCATE audit_log`.execute(handle.db)).rejects.toThrow(/permission denied/);
    // … and the triggers refuse the owner as well
    await asOwner(handle.db, async (owner) => {
      await expect(sql`UPDATE audit_log SET action = 'x'`.execute(owner)).rejects.toThrow(/append-only/);
      await expect(sql`DELETE FROM audit_log`.execute(owner)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE audit_log`.execute(owner)).rejects.toThrow(/append-only/);
    });
    const { total } = await auditRepo.list(handle.db, { scope: WHOLE_TREE, limit: 10, offset: 0 });
    expect(total).toBe(3);
  });

  it("filters by actor, entity and time", async () => {
    const { rows } = await auditRepo.list(handle.db, {
      scope: WHOLE_TREE,
      action: "logout",
      limit: 10,
      offset: 0,
    });
    expect(rows).toHaveLength(1);
    const none = await auditRepo.list(handle.db, {
      scope: WHOLE_TREE,
      from: new Date(Date.now() + 60_000),
      limit: 10,
      offset: 0,
    });
    expect(none.total).toBe(0);
  });
});
