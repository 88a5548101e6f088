import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
const year = Number(month.slice(0, 4));

// Issue 12: a county with no tasks yet, and every school account, must see empty views — not a 500.
describe.each(testEngines())("the ledger views of an empty ledger on %s", (engine) => {
  let server: TestServer;
  const clients: Record<"bureauplanner" | "schooluser", TestClient | undefined> = {
    bureauplanner: undefined,
    schooluser: undefined,
  };
  const as = (login: keyof typeof clients): TestClient => {
    const c = clients[login];
    if (c === undefined) {
      throw new Error(`no client for ${login}`);
    }
    return c;
  };

  beforeAll(async () => {
    server = await createTestServer(engine);
    for (const login of ["bureauplanner", "schooluser"] as const) {
      const c = new TestClient(server.app);
      await c.login(login);
      clients[login] = c;
    }
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(["bureauplanner", "schooluser"] as const)(
    "answers %s's 月调度 with an empty board",
    async (login) => {
      const res = await as(login).request("GET", `/api/ledger/dispatch?month=${month}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ month, rows: [], totals: { due: 0, missing: 0 } });
    },
  );

  it("sends no 催报 reminders for an empty ledger", async () => {
    const res = await as("bureauplanner").request("POST", "/api/ledger/reminders", { month });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sent: 0 });
  });

  it.each(["bureauplanner", "schooluser"] as const)("answers %s's 月通报 with zeros", async (login) => {
    const res = await as(login).request("GET", `/api/ledger/bulletin?month=${month}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      month,
      summary: { total: 0, closed: 0, dueReports: 0 },
      perUnit: [],
      overdueList: [],
      instructions: [],
    });
  });

  it("writes an empty ledger's 月通报 .docx", async () => {
    const res = await as("bureauplanner").request("GET", `/api/ledger/bulletin.docx?month=${month}`);
    expect(res.statusCode).toBe(200);
    const { value: text } = await mammoth.extractRawText({ buffer: res.rawPayload });
    expect(text).toMatch(/全局共督办重点任务0项/);
  });

  it.each(["bureauplanner", "schooluser"] as const)("answers %s's 年度考核 with no units", async (login) => {
    const res = await as(login).request("GET", `/api/ledger/scoreboard?year=${year}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([]);
  });
});
