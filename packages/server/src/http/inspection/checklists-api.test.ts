/**
 * Checklists as versioned data through the API on both engines: the shipped 8-area 经常性督导 checklist,
 * a 校园安全 排查表 imported from a sheet all or nothing with problems named by row and column, a second
 * import as the next version, and who may import.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { SUPERVISION_MATTERS } from "@luoshi/domain/inspection";
import { addTestAccount, createTestServer, TestClient, type TestServer } from "../../testing.ts";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const SAFETY = [
  "编号,排查类别,检查内容,评判方式,满分,须拍照,依据",
  "S1,消防安全,疏散通道畅通、安全出口标志完好,是否,,是,消防法",
  "S2,消防安全,灭火器在有效期内的比例（评分）,评分,10,否,",
  "S3,食品安全,明厨亮灶设施运行,是否,,是,",
  "S4,设施设备,发现的设施隐患处数,计数,,是,",
].join("\n");
const body = (csv: string, preview = false) => ({
  fileName: "校园安全排查表.csv",
  code: "safety-sweep",
  title: "校园安全隐患排查表",
  kind: "safety",
  basis: "校园安全隐患排查整治",
  preview,
  contentBase64: b64(csv),
});

interface Listed {
  id: string;
  code: string;
  version: number;
  current: boolean;
  itemCount: number;
  areaName: string | null;
}

describe.each(testEngines())("检查表 (%s)", (engine) => {
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

  beforeAll(async () => {
    server = await createTestServer(engine);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it("ships the 经常性督导 checklist covering the 8 督导事项", async () => {
    const list = (await (await as("schooluser")).request("GET", "/api/inspection/checklists")).json<{
      items: Listed[];
    }>();
    const shipped = list.items.find((c) => c.code === "regular-8");
    expect(shipped).toMatchObject({ version: 1, current: true, itemCount: 16, areaName: null });
    const detail = await (
      await as("inspector")
    ).request("GET", `/api/inspection/checklists/${shipped?.id ?? ""}`);
    expect(detail.statusCode).toBe(200);
    const items = detail.json<{ items: { area: string; judge: string; photoRequired: boolean }[] }>().items;
    expect([...new Set(items.map((i) => i.area))]).toEqual(SUPERVISION_MATTERS);
    expect(new Set(items.map((i) => i.judge))).toEqual(new Set(["yesNo", "score", "count"]));
    expect(items.some((i) => i.photoRequired)).toBe(true);
  });

  it("refuses a sheet with problems, naming row and column, and writes nothing", async () => {
    const bad = [
      SAFETY,
      "S1,消防安全,重复编号,是否,,,",
      "S9,食品安全,留样,打钩,,,",
      "S10,设施,评分无满分,评分,,,",
    ].join("\n");
    const res = await (
      await as("bureausupervisor")
    ).request("POST", "/api/inspection/checklists/imports", body(bad));
    expect(res.statusCode).toBe(400);
    const problems = res.json<{ error: { details: { problems: { row: number; column: string }[] } } }>().error
      .details.problems;
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [6, "编号"],
      [7, "评判方式"],
      [8, "满分"],
    ]);
    const list = (await (await as("bureausupervisor")).request("GET", "/api/inspection/checklists")).json<{
      items: Listed[];
    }>();
    expect(list.items.filter((c) => c.code === "safety-sweep")).toEqual([]);
  });

  it("previews, imports, and imports again as the next version", async () => {
    const supervisor = await as("bureausupervisor");
    const preview = await supervisor.request(
      "POST",
      "/api/inspection/checklists/imports",
      body(SAFETY, true),
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ applied: false, id: null });
    expect(preview.json<{ items: unknown[] }>().items).toHaveLength(4);
    const first = await supervisor.request("POST", "/api/inspection/checklists/imports", body(SAFETY));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ applied: true, version: 1 });
    const second = await supervisor.request(
      "POST",
      "/api/inspection/checklists/imports",
      body(`${SAFETY}\nS5,交通安全,校车和接送车辆登记,是否,,否,`),
    );
    expect(second.json()).toMatchObject({ applied: true, version: 2 });
    const list = (await supervisor.request("GET", "/api/inspection/checklists")).json<{ items: Listed[] }>();
    expect(
      list.items
        .filter((c) => c.code === "safety-sweep")
        .map((c) => [c.version, c.current, c.itemCount, c.areaName]),
    ).toEqual([
      [2, true, 5, "崆峒区"],
      [1, false, 4, "崆峒区"],
    ]);
    const detail = await supervisor.request(
      "GET",
      `/api/inspection/checklists/${first.json<{ id: string }>().id}`,
    );
    expect(
      detail.json<{ items: { code: string; judge: string; maxScore: number | null }[] }>().items,
    ).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: "S2", judge: "score", maxScore: 10 })]),
    );
  });

  it("lets only the 督导室 import, and hides another county's checklists", async () => {
    const denied = await (
      await as("inspector")
    ).request("POST", "/api/inspection/checklists/imports", body(SAFETY));
    expect(denied.statusCode).toBe(403);
    await addTestAccount(server, { login: "jcsupervisor", role: "bureauSupervisor", unitCode: "620821-jyj" });
    const other = (await (await as("jcsupervisor")).request("GET", "/api/inspection/checklists")).json<{
      items: Listed[];
    }>();
    expect(other.items.map((c) => c.code)).toEqual(["regular-8"]);
  });
});
