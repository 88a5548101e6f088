import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changeLedgerBench, seedLedgerBench } from "@luoshi/db/bench";
import { testEngines } from "@luoshi/db/testing";
import { IssuedBulletin, IssuedBulletinList } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const DAY = 86_400_000;
/** Twelve months that have ended (the seeded reports run from 2021-12 for five years). */
const MONTHS = Array.from({ length: 12 }, (_, i) =>
  new Date(Date.UTC(2025, 11 + i, 1)).toISOString().slice(0, 7),
);

// Issue 12, "Done when": at 60 tasks × 12 months every issued bulletin is identical when downloaded
// again — through the API, after titles, unit names and half a year of reports changed, months later.
// (scripts/bench-bulletins.ts runs the same size and prints the times.)
describe.each(testEngines())("a year of issued bulletins through the API on %s", (engine) => {
  let server: TestServer;
  let bureau: TestClient;

  beforeAll(async () => {
    server = await createTestServer(engine);
    const admin = new TestClient(server.app);
    await admin.login("systemadmin");
    const county = await server.unitId("620802");
    // the seed spreads tasks over 30 departments of the county: the test county has three
    for (let i = 0; i < 28; i += 1) {
      const res = await admin.request("POST", "/api/org-units", {
        parentId: county,
        kind: "department",
        code: `620802-x${String(i).padStart(2, "0")}`,
        name: `崆峒区合成部门${String(i + 1)}`,
      });
      expect(res.statusCode).toBe(201);
    }
    await seedLedgerBench(server.handle, county, { tasks: 60, periods: 60 });
    bureau = new TestClient(server.app);
    await bureau.login("bureauplanner");
  }, 300_000);
  afterAll(async () => {
    await server.close();
  });

  it("issues 12 months, numbered in order, and downloads each unchanged after the data changed", async () => {
    const issued: { month: string; id: string; bytes: Buffer }[] = [];
    for (const month of MONTHS) {
      const res = await bureau.request("POST", "/api/ledger/bulletins", { month });
      expect(res.statusCode, res.body).toBe(201);
      const row = IssuedBulletin.parse(res.json());
      const file = await bureau.request("GET", `/api/ledger/bulletins/${row.id}/docx`);
      expect(file.statusCode).toBe(200);
      issued.push({ month, id: row.id, bytes: file.rawPayload });
    }
    const list = IssuedBulletinList.parse((await bureau.request("GET", "/api/ledger/bulletins")).json());
    expect(list).toHaveLength(12);
    expect(new Set(list.map((b) => b.docNumber)).size).toBe(12);

    await changeLedgerBench(server.handle);
    // months on (within the 90 days after which an unused account counts as dormant)
    server.advance(80 * DAY);
    await bureau.login("bureauplanner");
    for (const entry of issued) {
      const again = await bureau.request("GET", `/api/ledger/bulletins/${entry.id}/docx`);
      expect(again.statusCode).toBe(200);
      expect(again.rawPayload.equals(entry.bytes), entry.month).toBe(true);
    }
  }, 600_000);
});
