/**
 * 学区 through the API on both engines: the bureau imports the county's list (all or nothing, errors
 * naming row and column), edits one school, sees the year beside the year before; a school reads only its
 * own catchment and cannot write; another county's school is not found; every write is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const HEADER = "学校,学段,乡镇（街道）,社区/小区/村,类型,路（街）,门牌起,门牌止,多校划片组,对口初中,招生计划";
const body = (rows: string[], year: number, preview = false) => ({
  fileName: "片区.csv",
  schoolYear: year,
  preview,
  contentBase64: Buffer.from(`${[HEADER, ...rows].join("\n")}\n`, "utf8").toString("base64"),
});
const Y2025 = [
  "1620802001,小学,中街街道,东关社区,,,,,,,90",
  "1620802001,小学,中街街道,幸福小区,,解放路,1,99,,,",
  "崆峒区第2小学,小学,中街街道,西关村,,,,,,,45",
];
const Y2026 = [
  "1620802001,小学,中街街道,东关社区,,,,,,,100",
  "崆峒区第2小学,小学,中街街道,西关村,,,,,,,45",
  "崆峒区第2小学,小学,中街街道,幸福小区,,解放路,1,99,,,",
];

interface List {
  areaName: string;
  canEdit: boolean;
  years: number[];
  lastImport: { sha256: string } | null;
  items: { schoolName: string; seats: number | null; units: { text: string }[] }[];
}

describe.each(testEngines())("学区 API (%s)", (engine) => {
  let server: TestServer;
  const clients: Record<string, TestClient> = {};
  const call = async (login: string, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) => {
    if (clients[login] === undefined) {
      const c = new TestClient(server.app);
      expect((await c.login(login)).statusCode).toBe(200);
      clients[login] = c;
    }
    return clients[login].request(method, url, payload);
  };

  beforeAll(async () => {
    server = await createTestServer(engine);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it("refuses a whole file with an error, naming its row and column, and keeps nothing", async () => {
    const bad = await call(
      "bureauplanner",
      "POST",
      "/api/enrolment/catchments/imports",
      body([...Y2025, "泾川县城关小学,小学,中街街道,南关社区,,,,,,,"], 2025),
    );
    expect(bad.statusCode).toBe(400);
    const problems = bad.json<{ error: { details: { problems: { row: number; column: string }[] } } }>().error
      .details.problems;
    expect(problems).toEqual([expect.objectContaining({ row: 5, column: "学校" })]);
    const list = (await call("bureauplanner", "GET", "/api/enrolment/catchments?year=2025")).json<List>();
    expect(list.items).toEqual([]);
  });

  it("imports two years, lists them for the bureau, and shows the change side by side", async () => {
    const preview = await call(
      "bureauplanner",
      "POST",
      "/api/enrolment/catchments/imports",
      body(Y2025, 2025, true),
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ applied: false, schools: 2, units: 3 });
    for (const [rows, year] of [
      [Y2025, 2025],
      [Y2026, 2026],
    ] as const) {
      const res = await call(
        "bureausupervisor",
        "POST",
        "/api/enrolment/catchments/imports",
        body([...rows], year),
      );
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = (await call("bureauplanner", "GET", "/api/enrolment/catchments?year=2026")).json<List>();
    expect(list).toMatchObject({ areaName: "崆峒区", canEdit: true, years: [2026, 2025] });
    expect(list.lastImport?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(list.items.map((i) => [i.schoolName, i.seats, i.units.map((u) => u.text)])).toEqual([
      ["崆峒区第1小学", 100, ["中街街道 东关社区"]],
      ["崆峒区第2小学", 45, ["中街街道 西关村", "中街街道 幸福小区 解放路 1–99 号"]],
    ]);
    const cmp = await call("bureauplanner", "GET", "/api/enrolment/catchments/compare?year=2026");
    expect(cmp.statusCode, cmp.body).toBe(200);
    const items = cmp.json<{
      items: { schoolName: string; status: string; added: string[]; removed: string[] }[];
    }>().items;
    expect(items.map((i) => [i.schoolName, i.status, i.added, i.removed])).toEqual([
      ["崆峒区第1小学", "changed", [], ["中街街道 幸福小区 解放路 1–99 号"]],
      ["崆峒区第2小学", "changed", ["中街街道 幸福小区 解放路 1–99 号"], []],
    ]);
    const audit = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "enrolment.catchment-import",
      limit: 10,
      offset: 0,
    });
    expect(audit.total).toBe(2);
  });

  it("lets a school read only its own catchment, and never write", async () => {
    const res = await call("schooluser", "GET", "/api/enrolment/catchments?year=2026");
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<List>();
    expect(list.canEdit).toBe(false);
    expect(list.items.map((i) => i.schoolName)).toEqual(["崆峒区第1小学"]);
    const school = await server.unitId("1620802001");
    const edit = await call("schooluser", "PUT", `/api/enrolment/catchments/${school}`, {
      schoolYear: 2026,
      stage: "primary",
      multiGroup: null,
      feederId: null,
      seats: 1,
      units: [
        { township: "中街街道", name: "东关社区", kind: "community", street: null, from: null, to: null },
      ],
    });
    expect(edit.statusCode).toBe(403);
    expect(
      (await call("schooluser", "POST", "/api/enrolment/catchments/imports", body(Y2026, 2026, true)))
        .statusCode,
    ).toBe(403);
  });

  it("edits one school, refusing an address another school already has and a school of another county", async () => {
    const first = await server.unitId("1620802001");
    const unit = (name: string) => ({
      township: "中街街道",
      name,
      kind: "community",
      street: null,
      from: null,
      to: null,
    });
    const edit = (units: unknown[]) => ({
      schoolYear: 2026,
      stage: "primary",
      multiGroup: null,
      feederId: null,
      seats: 95,
      units,
    });
    const clash = await call(
      "bureauplanner",
      "PUT",
      `/api/enrolment/catchments/${first}`,
      edit([unit("西关村")]),
    );
    expect(clash.statusCode).toBe(409);
    expect(clash.json<{ error: { message: string } }>().error.message).toContain("崆峒区第2小学");
    const ok = await call(
      "bureauplanner",
      "PUT",
      `/api/enrolment/catchments/${first}`,
      edit([unit("东关社区"), unit("北关社区")]),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ seats: 95, units: [{ name: "东关社区" }, { name: "北关社区" }] });
    const other = await server.unitId("1620821001");
    expect(
      (await call("bureauplanner", "PUT", `/api/enrolment/catchments/${other}`, edit([unit("南关社区")])))
        .statusCode,
    ).toBe(404);
    const audit = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "enrolment.catchment-edit",
      limit: 10,
      offset: 0,
    });
    expect(audit.total).toBe(1);
  });
});
