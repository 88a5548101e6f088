/**
 * 报名 and 资格审核 through the API on both engines: the bureau imports a portal export for its county
 * (all or nothing), a school enters one application and sees only its own, masked; a child applying at two
 * schools is found by blind index; decisions carry a reason and are audited; a new version of the 类别
 * rules classes the applications entered after it; full values only through the audited reveal.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
const A = id("62080220190301123");
const B = id("62080220190402124");
const C = id("62080220190503135");
const HEADER = "报名学校,姓名,身份证件号,户籍在片区,房产在片区,居住证,社保月数";
const file = (rows: string[], preview = false) => ({
  fileName: "报名.csv",
  schoolYear: 2026,
  preview,
  contentBase64: Buffer.from(`${[HEADER, ...rows].join("\n")}\n`, "utf8").toString("base64"),
});
const docs = {
  hukou: false,
  property: false,
  lease: false,
  residencePermit: true,
  socialMonths: 24,
  sibling: false,
  policy: false,
};

interface List {
  total: number;
  items: {
    id: string;
    name: string;
    idNumber: string;
    schoolName: string;
    category: string;
    otherSchools: number;
    status: string;
    ruleVersion: number;
  }[];
}

describe.each(testEngines())("报名 API (%s)", (engine) => {
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

  it("refuses a file with a wrong ID number, naming row and column, masked", async () => {
    const bad = await call(
      "bureauplanner",
      "POST",
      "/api/enrolment/applications/imports",
      file([`1620802001,欧阳测试明,${A},是,是,否,0`, "1620802001,李测试安,620802201904021240,是,否,否,0"]),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("第 3 行");
    expect(bad.body).not.toContain("620802201904021240");
  });

  it("imports a portal export, classes each application and lists it masked", async () => {
    const res = await call(
      "bureauplanner",
      "POST",
      "/api/enrolment/applications/imports",
      file([
        `1620802001,欧阳测试明,${A},是,是,否,0`,
        `1620802001,李测试安,${B},是,否,否,0`,
        `1620802002,李测试安,${B},否,否,是,14`,
      ]),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ applications: 3, byCategory: { A: 1, B: 1, C: 1 }, ruleVersion: 1 });
    const list = (await call("bureauplanner", "GET", "/api/enrolment/applications?year=2026")).json<List>();
    expect(list.total).toBe(3);
    expect(list.items.map((i) => [i.schoolName, i.name, i.category, i.otherSchools])).toEqual([
      ["崆峒区第1小学", "欧阳***", "A", 0],
      ["崆峒区第1小学", "李**安", "B", 1],
      ["崆峒区第2小学", "李**安", "C", 1],
    ]);
    expect(JSON.stringify(list)).not.toContain(A);
    const dupes = (
      await call("bureauplanner", "GET", "/api/enrolment/applications?year=2026&duplicates=true")
    ).json<List>();
    expect(dupes.total).toBe(2);
  });

  it("lets a school enter and see only its own applications", async () => {
    const res = await call("schooluser", "POST", "/api/enrolment/applications", {
      schoolYear: 2026,
      name: "王测试宁",
      idNumber: C,
      documents: docs,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ applicationNo: "2026-1620802001-0003", category: "C" });
    const again = await call("schooluser", "POST", "/api/enrolment/applications", {
      schoolYear: 2026,
      name: "王测试宁",
      idNumber: C,
      documents: docs,
    });
    expect(again.statusCode).toBe(409);
    const list = (await call("schooluser", "GET", "/api/enrolment/applications?year=2026")).json<List>();
    expect(list.items.map((i) => i.schoolName)).toEqual(["崆峒区第1小学", "崆峒区第1小学", "崆峒区第1小学"]);
    const school2 = await server.unitId("1620802002");
    expect(
      (await call("schooluser", "GET", `/api/enrolment/applications?year=2026&unitId=${school2}`)).statusCode,
    ).toBe(403);
    expect((await call("unituser", "GET", "/api/enrolment/applications?year=2026")).statusCode).toBe(403);
  });

  it("records each decision with its reason, audited; another school's application is not found", async () => {
    const all = (await call("bureauplanner", "GET", "/api/enrolment/applications?year=2026")).json<List>();
    const own = all.items.find((i) => i.schoolName === "崆峒区第1小学");
    const other = all.items.find((i) => i.schoolName === "崆峒区第2小学");
    const ok = await call("schooluser", "POST", `/api/enrolment/applications/${own?.id}/decision`, {
      decision: "approved",
      reason: "户籍、房产材料齐全",
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const refused = await call("schooluser", "POST", `/api/enrolment/applications/${other?.id}/decision`, {
      decision: "rejected",
      reason: "材料不全",
    });
    expect(refused.statusCode).toBe(404);
    const noReason = await call(
      "bureauplanner",
      "POST",
      `/api/enrolment/applications/${other?.id}/decision`,
      {
        decision: "rejected",
        reason: "",
      },
    );
    expect(noReason.statusCode).toBe(400);
    const { rows } = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "enrolment.application-decide",
      limit: 10,
      offset: 0,
    });
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).toContain("户籍、房产材料齐全");
  });

  it("classes later applications by a new version of the rules, and reveals only through the audited path", async () => {
    const put = await call("bureauplanner", "PUT", "/api/enrolment/category-rules", {
      categories: [
        { code: "A", label: "户籍在片区", when: [[{ doc: "hukou" }]] },
        { code: "B", label: "其他", when: [[]] },
      ],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ version: 2 });
    const rulesBody = { categories: put.json<{ categories: unknown[] }>().categories };
    expect((await call("schooluser", "PUT", "/api/enrolment/category-rules", rulesBody)).statusCode).toBe(
      403,
    );
    const school2 = await server.unitId("1620802002");
    const res = await call("bureauplanner", "POST", "/api/enrolment/applications", {
      schoolYear: 2026,
      unitId: school2,
      name: "欧阳测试明",
      idNumber: A,
      documents: { ...docs, hukou: true },
    });
    expect(res.json()).toMatchObject({ category: "A" });
    const list = (
      await call("bureauplanner", "GET", `/api/enrolment/applications?year=2026&unitId=${school2}`)
    ).json<List>();
    expect(list.items.map((i) => [i.category, i.ruleVersion])).toEqual([
      ["C", 1],
      ["A", 2],
    ]);
    const target = list.items[1]?.id ?? "";
    expect(
      (
        await call("bureauplanner", "POST", `/api/enrolment/applications/${target}/reveal`, {
          reason: "核对户籍",
        })
      ).statusCode,
    ).toBe(403);
    const seen = await call("bureausupervisor", "POST", `/api/enrolment/applications/${target}/reveal`, {
      reason: "核对户籍",
    });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toEqual({ name: "欧阳测试明", idNumber: A });
  });
});
