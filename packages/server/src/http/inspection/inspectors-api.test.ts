/**
 * 督学 and 责任区 through the API on both engines: the 督导室 puts a 督学 on the roster with the schools
 * of the 责任区; from then on the 督学's scope is those schools only (the 挂牌 cards, the org tree, the
 * tasks); the card as a page and a .docx; who may write; schools of another county refused.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

interface Roster {
  items: { userId: string; name: string; schools: { id: string; name: string }[]; overRatio: number }[];
  unrostered: { userId: string; name: string }[];
  schoolsWithout: number;
}

describe.each(testEngines())("督学 and 责任区 (%s)", (engine) => {
  let server: TestServer;
  const clients: Record<string, TestClient> = {};
  const as = async (login: string) => {
    if (clients[login] === undefined) {
      const c = new TestClient(server.app);
      expect((await c.login(login)).statusCode).toBe(200);
      clients[login] = c;
    }
    return clients[login];
  };
  let school1 = "";
  let school2 = "";
  let otherCounty = "";
  let inspectorId = "";

  beforeAll(async () => {
    server = await createTestServer(engine);
    school1 = await server.unitId("1620802001");
    school2 = await server.unitId("1620802002");
    otherCounty = await server.unitId("1620821001");
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it("lists the 督学 accounts not yet on the roster to the 督导室, and every school as without a 督学", async () => {
    const res = await (await as("bureausupervisor")).request("GET", "/api/inspection/inspectors");
    expect(res.statusCode, res.body).toBe(200);
    const roster = res.json<Roster>();
    expect(roster.items).toEqual([]);
    expect(roster.unrostered.map((u) => u.name)).toEqual(["inspector"]);
    expect(roster.schoolsWithout).toBe(2);
    inspectorId = roster.unrostered[0]?.userId ?? "";
  });

  it("lets only the 督导室 name a 督学's 责任区, with schools of its own jurisdiction", async () => {
    const body = {
      kind: "partTime",
      zoneName: "第一责任区",
      phone: "0933-0000001",
      duties: "",
      schoolIds: [school1],
    };
    const denied = await (
      await as("inspector")
    ).request("PUT", `/api/inspection/inspectors/${inspectorId}`, body);
    expect(denied.statusCode).toBe(403);
    const foreign = await (
      await as("bureausupervisor")
    ).request("PUT", `/api/inspection/inspectors/${inspectorId}`, { ...body, schoolIds: [otherCounty] });
    expect(foreign.statusCode).toBe(403);
    const notSchool = await (
      await as("bureausupervisor")
    ).request("PUT", `/api/inspection/inspectors/${inspectorId}`, {
      ...body,
      schoolIds: [await server.unitId("620802001")],
    });
    expect(notSchool.statusCode).toBe(400);
    const ok = await (
      await as("bureausupervisor")
    ).request("PUT", `/api/inspection/inspectors/${inspectorId}`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    const roster = ok.json<Roster>();
    expect(roster.items.map((p) => [p.name, p.schools.map((s) => s.name), p.overRatio])).toEqual([
      ["inspector", ["崆峒区第1小学"], 0],
    ]);
    expect(roster.schoolsWithout).toBe(1);
  });

  it("limits the 责任督学 to the schools of the 责任区", async () => {
    const inspector = await as("inspector");
    const list = await inspector.request("GET", "/api/inspection/schools");
    expect(list.statusCode).toBe(200);
    expect(list.json<{ items: { school: { id: string } }[] }>().items.map((c) => c.school.id)).toEqual([
      school1,
    ]);
    expect((await inspector.request("GET", `/api/inspection/schools/${school2}/card`)).statusCode).toBe(403);
    const card = await inspector.request("GET", `/api/inspection/schools/${school1}/card`);
    expect(card.json()).toMatchObject({
      school: { name: "崆峒区第1小学" },
      inspector: { name: "inspector", kind: "partTime", phone: "0933-0000001" },
    });
    expect(card.json<{ matters: string[] }>().matters).toHaveLength(8);
    // the org tree and the roster: the other school of the county is out of reach
    const units = await inspector.request("GET", "/api/org-units/?q=崆峒区第&pageSize=50");
    expect(units.statusCode, units.body).toBe(200);
    expect(units.body).toContain("崆峒区第1小学");
    expect(units.body).not.toContain("崆峒区第2小学");
    const roster = (await inspector.request("GET", "/api/inspection/inspectors")).json<Roster>();
    expect(roster.items.map((p) => p.userId)).toEqual([inspectorId]);
    expect(roster.unrostered).toEqual([]);
  });

  it("shows a school its own card and the bureau every school's", async () => {
    const school = await (await as("schooluser")).request("GET", "/api/inspection/schools");
    expect(school.json<{ items: { school: { id: string } }[] }>().items.map((c) => c.school.id)).toEqual([
      school1,
    ]);
    const bureau = await (await as("bureauplanner")).request("GET", "/api/inspection/schools");
    const items = bureau.json<{ items: { school: { id: string }; inspector: unknown }[] }>().items;
    expect(items.map((c) => [c.school.id, c.inspector !== null])).toEqual([
      [school1, true],
      [school2, false],
    ]);
    expect((await (await as("unituser")).request("GET", "/api/inspection/schools")).statusCode).toBe(403);
  });

  it("prints the sign as a .docx with the 督学, the phone and the 8 督导事项", async () => {
    const res = await (await as("inspector")).request("GET", `/api/inspection/schools/${school1}/card.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("wordprocessingml");
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("崆峒区第1小学责任督学挂牌督导公示牌");
    expect(xml).toContain("0933-0000001");
    expect(xml).toContain("食堂、食品、饮水及宿舍卫生");
  });
});
