/**
 * 等保三级 audit coverage: every file the API hands out — xlsx, docx and csv exports, attachments and
 * evidence served back — leaves a row in the audit trail naming who took it. The operations come from
 * the endpoint × role matrix rows (so a new export is covered as soon as it has its row), each called by
 * a role that may, on its own county's records planted by the matrix world.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { can, type Role } from "@luoshi/domain/auth";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { ADMIN_READ_ROWS } from "./endpoint-matrix.admin-rows.ts";
import { READ_ROWS, type Row, type Target } from "./endpoint-matrix.rows.ts";
import { createMatrixWorld, type MatrixWorld, type Side } from "./endpoint-matrix.world.ts";
import { WRITE_ROWS } from "./endpoint-matrix.write-rows.ts";

/** Files that carry no records: blank import forms with synthetic examples. */
const BLANK_FORMS = new Set(["GET /api/stats/template.xlsx", "GET /api/org-units/registry/template.xlsx"]);

const FILES = [...READ_ROWS, ...ADMIN_READ_ROWS, ...WRITE_ROWS].filter(
  (r) => r.body !== undefined && r.body !== "json" && r.op.startsWith("GET ") && !BLANK_FORMS.has(r.op),
);

const allows = (row: Row, role: Role): boolean =>
  row.need === "authenticated" ||
  (row.need !== "public" && (typeof row.need === "string" ? can(role, row.need) : row.need.includes(role)));

function targetFor(side: Side, role: Role): Target {
  const bySchool = role === "schoolUser";
  return {
    ...side,
    home: role === "unitUser" ? side.department : bySchool ? side.school : side.county,
    task: bySchool ? side.schoolTask : side.departmentTask,
    attachment: bySchool ? side.schoolAttachment : side.departmentAttachment,
  };
}

describe.each(testEngines())("every export is audited on %s", { timeout: 600_000 }, (engine) => {
  let world: MatrixWorld;
  beforeAll(async () => {
    world = await createMatrixWorld(engine);
  }, 600_000);
  afterAll(async () => {
    await world.server.close();
  });

  it("knows the file downloads of the API", () => {
    expect(FILES.map((r) => r.op)).toEqual(
      expect.arrayContaining([
        "GET /api/audit/export.csv",
        "GET /api/tasks/export.xlsx",
        "GET /api/ledger/bulletin.docx",
        "GET /api/indicators/table.xlsx",
        "GET /api/evaluations/balance/report.docx",
        "GET /api/attachments/{id}",
      ]),
    );
  });

  it.each(FILES.map((r) => [r.op, r] as const))("%s leaves a row naming its taker", async (_op, row) => {
    const account = world.accounts.find(
      (a) => a.side === "A" && allows(row, a.role) && !(row.ownRefused ?? []).includes(a.role),
    );
    expect(account, "an account that may take the file").toBeDefined();
    if (account === undefined) {
      return;
    }
    const before = await auditRepo.list(world.server.handle.db, { scope: WHOLE_TREE, limit: 1, offset: 0 });
    const res = await account.client.request("GET", row.req(targetFor(world.sides.A, account.role)).url);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers["cache-control"]).toBe("no-store");
    const after = await auditRepo.list(world.server.handle.db, {
      scope: WHOLE_TREE,
      actorLogin: account.name.toLowerCase(),
      limit: 5,
      offset: 0,
    });
    const fresh = after.rows.filter((r) => r.id > (before.rows[0]?.id ?? 0));
    expect(fresh.length, `${row.op} by ${account.name}`).toBeGreaterThan(0);
    expect(fresh.every((r) => r.result === "success")).toBe(true);
  });
});
