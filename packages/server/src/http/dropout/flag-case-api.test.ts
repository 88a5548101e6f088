/**
 * 立案 from a 辍学风险预警 through the API on both engines: the flag list says whether the pupil already
 * has a case; a school opens the case of its own flag (cause 长期缺勤, the flag's explanation carried into
 * the 立案说明, the flag named in the audit row), once; another school's flag, a closed or unknown flag and
 * a reader without `pupil.write` are refused; the flagged child's name never leaves the server in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
const A = id("62089920160417123");
const C = id("62089920150301135");
const HEADER = "全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级,是否留守儿童";
const FILE = [
  HEADER,
  `G${A},${A},欧阳测试明,男,2016-04-17,1620802001,二年级,1班,否`,
  `G${C},${C},王测试宁,男,2015-03-01,1620802002,三年级,1班,否`,
].join("\n");
const DAYS = ["2024-11-06", "2024-11-07", "2024-11-08"];

interface FlagItem {
  id: string;
  studentId: string;
  schoolName: string;
  explanation: string;
  case: { id: string; stateLabel: string } | null;
}

describe.each(testEngines())("立案 from a risk flag (%s)", (engine) => {
  let server: TestServer;
  const clients: Record<string, TestClient> = {};
  const bodies: string[] = [];
  const call = async (login: string, method: "GET" | "POST", url: string, payload?: unknown) => {
    if (clients[login] === undefined) {
      const c = new TestClient(server.app);
      expect((await c.login(login)).statusCode).toBe(200);
      clients[login] = c;
    }
    const res = await clients[login].request(method, url, payload);
    bodies.push(res.body);
    return res;
  };
  const flags = async (login: string) =>
    (await call(login, "GET", "/api/attendance/flags")).json<{ items: FlagItem[] }>().items;
  let own: FlagItem | undefined;
  let other: FlagItem | undefined;

  beforeAll(async () => {
    server = await createTestServer(engine);
    const res = await call("bureauplanner", "POST", "/api/registry/imports", {
      fileName: "学籍.csv",
      schoolYear: 2024,
      term: 1,
      asOf: "2024-09-30",
      contentBase64: Buffer.from(`${FILE}\n`, "utf8").toString("base64"),
    });
    expect(res.statusCode, res.body).toBe(201);
    const school2 = await server.unitId("1620802002");
    const pupils = (await call("bureauplanner", "GET", "/api/registry/students")).json<{
      items: { id: string; schoolName: string }[];
    }>().items;
    // each pupil 旷课 three school days running: one flag at each school
    for (const date of DAYS) {
      for (const p of pupils) {
        const own2 = p.schoolName === "崆峒区第2小学";
        const r = await call("bureauplanner", "POST", "/api/attendance/reports", {
          ...(own2 ? { unitId: school2 } : { unitId: await server.unitId("1620802001") }),
          date,
          absences: [{ studentId: p.id, reason: "truant" }],
        });
        expect(r.statusCode, r.body).toBe(201);
      }
    }
    const all = await flags("bureauplanner");
    own = all.find((f) => f.schoolName === "崆峒区第1小学");
    other = all.find((f) => f.schoolName === "崆峒区第2小学");
    expect(own).toBeDefined();
    expect(other).toBeDefined();
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it("lists a flag without a case, and refuses 立案 to readers who do not write and to a 责任单位", async () => {
    expect(own?.case).toBeNull();
    expect((await call("inspector", "POST", "/api/dropout/cases", { flagId: own?.id })).statusCode).toBe(403);
    expect((await call("unituser", "POST", "/api/dropout/cases", { flagId: own?.id })).statusCode).toBe(403);
    const both = await call("schooluser", "POST", "/api/dropout/cases", {
      flagId: own?.id,
      studentId: own?.studentId,
    });
    expect(both.statusCode).toBe(400);
  });

  it("opens the school's case from its flag with the flag's explanation, once, and audits the flag", async () => {
    const res = await call("schooluser", "POST", "/api/dropout/cases", { flagId: own?.id });
    expect(res.statusCode, res.body).toBe(201);
    const detail = res.json<{
      id: string;
      cause: string;
      causeNote: string;
      name: string;
      state: string;
      priorityGroups: string[];
    }>();
    expect(detail).toMatchObject({ cause: "absence", state: "open", name: "欧阳***" });
    expect(detail.causeNote).toContain("风险预警（连续无故缺勤，2024-11-08 预警）");
    expect(detail.causeNote).toContain(own?.explanation ?? "?");

    const listed = (await flags("schooluser")).find((f) => f.id === own?.id);
    expect(listed?.case).toEqual({ id: detail.id, stateLabel: "劝返中" });

    const again = await call("schooluser", "POST", "/api/dropout/cases", { flagId: own?.id });
    expect(again.statusCode).toBe(409);

    const { rows } = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "dropout.case-open",
      limit: 10,
      offset: 0,
    });
    expect(rows.map((r) => r.after)).toContainEqual(expect.objectContaining({ flagId: own?.id }));
  });

  it("refuses another school's flag and an unknown one as not found", async () => {
    const res = await call("schooluser", "POST", "/api/dropout/cases", { flagId: other?.id });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("风险预警");
    const none = await call("schooluser", "POST", "/api/dropout/cases", {
      flagId: "00000000-0000-4000-8000-000000000000",
    });
    expect(none.statusCode).toBe(404);
    // the bureau opens it: the other school's list then shows its case
    const bureau = await call("bureausupervisor", "POST", "/api/dropout/cases", { flagId: other?.id });
    expect(bureau.statusCode, bureau.body).toBe(201);
    expect((await flags("bureausupervisor")).every((f) => f.case !== null)).toBe(true);
  });

  it("never sends the flagged children's names or numbers in clear", () => {
    const all = bodies.join("\n");
    for (const secret of [A, C, "欧阳测试明", "王测试宁"]) {
      expect(all).not.toContain(secret);
    }
  });
});
