import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, encryptField, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { ROLES, can, type Role } from "@luoshi/domain/auth";
import type { Actor } from "../../context.ts";
import { createTestServer, type TestServer } from "../../testing.ts";
import { revealPersonal } from "./reveal.service.ts";

const ID = "620102201503071236";
const PHONE = "13812345678";

describe.each(testEngines())("revealPersonal (%s)", (engine) => {
  let server: TestServer;
  const actorOf = (role: Role): Actor => ({
    userId: null,
    login: role.toLowerCase(),
    role,
    orgUnitId: null,
    scope: WHOLE_TREE,
    clientIp: "127.0.0.1",
    requestId: "r-reveal",
  });
  const subject = { type: "pupil", id: "p-0001" };
  let stored: { idNumber: string; phone: string; address: string | null };
  beforeAll(async () => {
    server = await createTestServer(engine);
    stored = {
      idNumber: encryptField(server.handle.db, ID),
      phone: encryptField(server.handle.db, PHONE),
      address: null,
    };
  }, 180_000);
  afterAll(async () => {
    await server.close();
  });
  const trail = async () =>
    (
      await auditRepo.list(server.handle.db, {
        scope: WHOLE_TREE,
        action: "pii.reveal",
        limit: 50,
        offset: 0,
      })
    ).rows;

  it("gives full values to a role holding pupil.unmasked and records who, whose, which fields, why", async () => {
    const values = await revealPersonal(
      server.deps,
      actorOf("bureauSupervisor"),
      subject,
      stored,
      " 核对控辍名单 ",
    );
    expect(values).toEqual({ idNumber: ID, phone: PHONE, address: null });
    const rows = await trail();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor_login: "bureausupervisor",
      actor_role: "bureauSupervisor",
      entity_type: "pupil",
      entity_id: "p-0001",
    });
    expect(rows[0]?.details).toEqual({ fields: ["idNumber", "phone", "address"], reason: "核对控辍名单" });
    // the trail never holds the values
    expect(JSON.stringify(rows[0])).not.toContain(ID);
    expect(JSON.stringify(rows[0])).not.toContain(PHONE);
  });

  it("refuses every other role and leaves no trace of a value", async () => {
    for (const role of ROLES.filter((r) => !can(r, "pupil.unmasked"))) {
      await expect(revealPersonal(server.deps, actorOf(role), subject, stored, "核对")).rejects.toMatchObject(
        {
          code: "forbidden",
        },
      );
    }
    expect(await trail()).toHaveLength(1);
  });

  it("requires a reason", async () => {
    await expect(
      revealPersonal(server.deps, actorOf("bureauSupervisor"), subject, stored, "  "),
    ).rejects.toThrow(/须填写理由/);
    expect(await trail()).toHaveLength(1);
  });

  it("answers a value that does not open with a Chinese message, after the trace", async () => {
    const broken = { idNumber: `${stored.idNumber.slice(0, -4)}AAAA` };
    await expect(
      revealPersonal(server.deps, actorOf("bureauSupervisor"), subject, broken, "核对"),
    ).rejects.toThrow(/字段 idNumber 无法解密/);
  });
});
