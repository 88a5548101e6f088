/**
 * 控辍保学 through the API on both engines: the 适龄 list imported all or nothing and matched against the
 * 学籍 by blind index, a case opened for every unmatched child, scope (a school sees only its own cases,
 * a 责任单位 none), 比对 → case → 家访 → 劝返 → 复学 → 销号 with the separation of who records and who
 * checks, the audited unmasked read, 动态监测 and the monthly report — and that no planted 身份证号 or name
 * is in any answer (but the unmasked one), the audit export or the database in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, backupRepo, WHOLE_TREE } from "@luoshi/db";
import { systemActor } from "../../context.ts";
import { registryRetention } from "../../services/dropout/retention.service.ts";
import { testEngines } from "@luoshi/db/testing";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
const PUPIL = id("62089920160417123");
const PUPIL2 = id("62089920160418124");
/** Children of the 适龄 list with no 学籍: they must never leave the server in clear. */
const CHILD_A = id("62089920140203113");
const CHILD_A_NAME = "欧阳测试远";
const CHILD_B = id("62089920120715124");
const TOO_OLD = id("62089920050101111");
const PARENT = "司马测试娟";

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const registryCsv = [
  "全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级,户籍地",
  `G${PUPIL},${PUPIL},王测试安,男,2016-04-17,1620802001,二年级,1班,甘肃省平凉市崆峒区中街街道测试路1号`,
  `G${PUPIL2},${PUPIL2},李测试宁,女,2016-04-18,1620802001,二年级,1班,甘肃省平凉市崆峒区柳湖镇测试村`,
].join("\n");
const listCsv = (rows: string[]) => ["身份证件号,姓名,性别,出生日期,乡镇,村", ...rows].join("\n");
const LIST = listCsv([
  `${PUPIL},王测试安,男,2016-04-17,中街街道,测试一社区`,
  `${CHILD_A},${CHILD_A_NAME},男,2014-02-03,柳湖镇,测试二村`,
  `${CHILD_B},赵测试怡,女,2012-07-15,柳湖镇,测试三村`,
  `${TOO_OLD},钱测试平,男,2005-01-01,柳湖镇,测试三村`,
]);
const listBody = (text: string, preview = false) => ({
  fileName: "适龄儿童.csv",
  schoolYear: 2024,
  source: "police",
  preview,
  contentBase64: b64(text),
});

interface Detail {
  id: string;
  name: string;
  idNumber: string | null;
  state: string;
  light: string;
  people: { role: string; name: string }[];
  steps: { id: string; kind: string; doneOn: string | null; light: string }[];
  closeRefusal: string | null;
}

describe.each(testEngines())("控辍保学 API (%s)", (engine) => {
  let server: TestServer;
  let clients: Record<string, TestClient> = {};
  const seen: string[] = [];
  const as = async (login: string) => {
    if (clients[login] === undefined) {
      const c = new TestClient(server.app);
      expect((await c.login(login)).statusCode).toBe(200);
      clients[login] = c;
    }
    return clients[login];
  };
  const call = async (login: string, method: "GET" | "POST" | "PATCH", url: string, payload?: unknown) => {
    const res = await (await as(login)).request(method, url, payload);
    if (!url.includes("/unmask")) {
      seen.push(res.body);
    }
    return res;
  };
  let caseA = "";
  let pupilCase = "";

  beforeAll(async () => {
    server = await createTestServer(engine, { LUOSHI_DROPOUT_CLOSE_AFTER_DAYS: "2" });
    const r = await call("bureauplanner", "POST", "/api/registry/imports", {
      fileName: "学籍.csv",
      schoolYear: 2024,
      term: 1,
      asOf: "2024-09-30",
      contentBase64: b64(registryCsv),
    });
    expect(r.statusCode, r.body).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it("refuses a list with problems, row by row, masked, and stores nothing", async () => {
    const bad = listCsv([
      `${CHILD_A},${CHILD_A_NAME},女,2014-02-03,柳湖镇,测试二村`,
      `${CHILD_A},${CHILD_A_NAME},男,2014-02-03,柳湖镇,`,
    ]);
    const res = await call("bureauplanner", "POST", "/api/dropout/school-age/imports", listBody(bad));
    expect(res.statusCode).toBe(400);
    const problems = res.json<{ error: { details: { problems: { row: number; column: string }[] } } }>().error
      .details.problems;
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, "性别"],
      [3, "身份证件号"],
      [3, "村"],
    ]);
    const after = await call("bureauplanner", "GET", "/api/dropout/school-age");
    expect(after.json()).toMatchObject({ list: null, total: 0 });
  });

  it("previews, then matches by blind index and opens a case for every unmatched 适龄 child", async () => {
    const preview = await call(
      "bureauplanner",
      "POST",
      "/api/dropout/school-age/imports",
      listBody(LIST, true),
    );
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({
      applied: false,
      children: 3,
      outOfAge: 1,
      matched: 1,
      unmatched: 2,
      casesOpened: 0,
    });
    const res = await call("bureauplanner", "POST", "/api/dropout/school-age/imports", listBody(LIST));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ applied: true, matched: 1, unmatched: 2, casesOpened: 2 });
    expect(res.json<{ villages: unknown[] }>().villages).toContainEqual({
      township: "柳湖镇",
      village: "测试二村",
      children: 1,
      unmatched: 1,
    });
    // a second import of the same list opens no second case for the same child
    const again = await call("bureauplanner", "POST", "/api/dropout/school-age/imports", listBody(LIST));
    expect(again.json()).toMatchObject({ casesOpened: 0 });
  });

  it("lists the unmatched children per township and village, masked; a school and a 责任单位 see none", async () => {
    const list = await call("bureausupervisor", "GET", "/api/dropout/school-age");
    const body = list.json<{
      total: number;
      items: { name: string; idNumber: string; village: string; caseId: string | null }[];
    }>();
    expect(body.total).toBe(2);
    expect(body.items.find((i) => i.village === "测试二村")).toMatchObject({
      name: "欧阳***",
      idNumber: `6208**********${CHILD_A.slice(-4)}`,
      village: "测试二村",
    });
    expect(body.items.every((i) => i.caseId !== null)).toBe(true);
    expect((await call("schooluser", "GET", "/api/dropout/school-age")).json()).toMatchObject({
      list: null,
      total: 0,
    });
    expect((await call("unituser", "GET", "/api/dropout/school-age")).statusCode).toBe(403);
  });

  it("scopes cases: the bureau sees the area's, a school only those it is responsible for, a 责任单位 none", async () => {
    const all = (await call("bureauplanner", "GET", "/api/dropout/cases")).json<{
      total: number;
      items: { id: string; name: string; cause: string }[];
    }>();
    expect(all.total).toBe(2);
    caseA = all.items.find((i) => i.name.startsWith("欧阳"))?.id ?? "";
    expect((await call("schooluser", "GET", "/api/dropout/cases")).json()).toMatchObject({ total: 0 });
    expect((await call("schooluser", "GET", `/api/dropout/cases/${caseA}`)).statusCode).toBe(404);
    expect((await call("unituser", "GET", "/api/dropout/cases")).statusCode).toBe(403);
    const patched = await call("bureauplanner", "PATCH", `/api/dropout/cases/${caseA}`, {
      schoolId: await server.unitId("1620802001"),
      people: { village: "张测试村长", parent: PARENT, teacher: "刘测试老师" },
      plan: "村委与学校联合家访，两周内返校",
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const detail = patched.json<Detail>();
    expect(detail.people.find((p) => p.role === "parent")?.name).toBe("司马***");
    expect(detail.people.find((p) => p.role === "school")?.name).toBe("");
    const school = (await call("schooluser", "GET", "/api/dropout/cases")).json<{
      items: { id: string }[];
    }>();
    expect(school.items.map((i) => i.id)).toEqual([caseA]);
    // a school cannot hand its case to another school
    const moved = await call("schooluser", "PATCH", `/api/dropout/cases/${caseA}`, {
      schoolId: await server.unitId("1620802002"),
    });
    expect(moved.statusCode).toBe(403);
  });

  it("opens a case for a pupil of the registry by pupil id and cause, once", async () => {
    const pupils = (await call("schooluser", "GET", `/api/registry/students?number=${PUPIL2}`)).json<{
      items: { id: string }[];
    }>();
    const studentId = pupils.items[0]?.id ?? "";
    const res = await call("schooluser", "POST", "/api/dropout/cases", { studentId, cause: "dropout" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      township: "柳湖镇",
      gradeLabel: "二年级",
      state: "open",
      light: "yellow",
    });
    pupilCase = res.json<Detail>().id;
    expect(
      (await call("schooluser", "POST", "/api/dropout/cases", { studentId, cause: "dropout" })).statusCode,
    ).toBe(409);
  });

  it("walks 家访 → 劝返 → 复学 at the school, refuses an ID number in a note and an early or self 销号", async () => {
    const step = async (kind: string) => {
      const r = await call("schooluser", "POST", `/api/dropout/cases/${caseA}/steps`, { kind });
      expect(r.statusCode, r.body).toBe(200);
      return r.json<Detail>().steps.find((s) => s.kind === kind && s.doneOn === null)?.id ?? "";
    };
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const visit = await step("homeVisit");
    const withId = await call("schooluser", "POST", `/api/dropout/cases/${caseA}/steps/${visit}/record`, {
      doneOn: today,
      note: `核对身份证 ${CHILD_A}`,
    });
    expect(withId.statusCode).toBe(400);
    const visited = await call("schooluser", "POST", `/api/dropout/cases/${caseA}/steps/${visit}/record`, {
      doneOn: today,
      note: "班主任与村委上门，家长同意返校",
      evidence: "家访记录表一份",
    });
    expect(visited.statusCode, visited.body).toBe(200);
    const persuade = await step("persuasion");
    const noOutcome = await call(
      "schooluser",
      "POST",
      `/api/dropout/cases/${caseA}/steps/${persuade}/record`,
      {
        doneOn: today,
        note: "劝返谈话",
      },
    );
    expect(noOutcome.statusCode).toBe(400);
    expect(
      (
        await call("schooluser", "POST", `/api/dropout/cases/${caseA}/steps/${persuade}/record`, {
          doneOn: today,
          outcome: "succeeded",
          note: "劝返谈话，同意下周一返校",
        })
      ).statusCode,
    ).toBe(200);
    const back = await step("return");
    const returned = await call("schooluser", "POST", `/api/dropout/cases/${caseA}/steps/${back}/record`, {
      doneOn: today,
      note: "已到校上课",
    });
    expect(returned.json<Detail>()).toMatchObject({ state: "returned" });
    expect((await call("schooluser", "POST", `/api/dropout/cases/${caseA}/close`, {})).statusCode).toBe(403);
    const early = await call("inspector", "POST", `/api/dropout/cases/${caseA}/close`, {});
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain("工作日");
  });

  it("closes (销号) after the set working days, checked by a 督学", async () => {
    server.advance(5 * 86_400_000);
    clients = {};
    const res = await call("inspector", "POST", `/api/dropout/cases/${caseA}/close`, { note: "到校核查" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: "closed", light: "grey" });
    const { rows } = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      entityId: caseA,
      limit: 50,
      offset: 0,
    });
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        "dropout.case-open",
        "dropout.case-update",
        "dropout.step-add",
        "dropout.step-record",
        "dropout.case-close",
      ]),
    );
  });

  it("unmasks a case only with the permission and a reason, audited", async () => {
    expect(
      (await call("inspector", "POST", `/api/dropout/cases/${caseA}/unmask`, { reason: "核对户籍信息" }))
        .statusCode,
    ).toBe(403);
    const res = await call("bureausupervisor", "POST", `/api/dropout/cases/${caseA}/unmask`, {
      reason: "核对户籍信息",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: CHILD_A_NAME, idNumber: CHILD_A });
    expect(res.json<Detail>().people.find((p) => p.role === "parent")?.name).toBe(PARENT);
  });

  it("monitors 辍学, cases and 劝返率, and writes the monthly report as a page and a .docx", async () => {
    const m = await call("bureauplanner", "GET", "/api/dropout/monitor");
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json()).toMatchObject({
      cases: { open: 2, returned: 0, closed: 1, persuasionRate: 33.3 },
      unmatched: 2,
    });
    const school = (await call("schooluser", "GET", "/api/dropout/monitor")).json<{
      cases: { open: number };
    }>();
    expect(school.cases.open).toBe(1);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const page = await call("bureauplanner", "GET", `/api/dropout/report?month=${month}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.body).toContain("控辍保学工作情况报告");
    const docx = await call("bureauplanner", "GET", `/api/dropout/report.docx?month=${month}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toContain("wordprocessingml");
    expect(pupilCase).not.toBe("");
  });

  it("never shows a planted 身份证号 or name in an answer, the audit export or the database in clear", async () => {
    expect((await call("auditadmin", "GET", "/api/audit/export.csv")).statusCode).toBe(200);
    for (const text of seen) {
      for (const secret of [CHILD_A, CHILD_B, PUPIL, PUPIL2, CHILD_A_NAME, PARENT]) {
        expect(text).not.toContain(secret);
      }
    }
    const parts: string[] = [];
    for (const table of await backupRepo.listTables(server.handle.db)) {
      parts.push(...(await backupRepo.readRows(server.handle.db, table)).map((row) => row.join("\t")));
    }
    const dump = parts.join("\n");
    for (const secret of [CHILD_A, CHILD_B, TOO_OLD, CHILD_A_NAME, PARENT, "家长同意返校", "测试路1号"]) {
      expect(dump).not.toContain(secret);
    }
  });

  it("anonymises, on request only, pupils who left the county longer ago than the retention period", async () => {
    // a 学籍 export dated five years back without PUPIL: PUPIL left (转出, pending); PUPIL2 has an open case
    const moved = await call("bureauplanner", "POST", "/api/registry/imports", {
      fileName: "学籍.csv",
      schoolYear: 2024,
      term: 2,
      asOf: "2019-09-30",
      contentBase64: b64(
        registryCsv
          .split("\n")
          .filter((l) => !l.includes(PUPIL))
          .join("\n"),
      ),
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const findable = async () =>
      (await call("bureauplanner", "GET", `/api/registry/students?number=${PUPIL}`)).json<{ total: number }>()
        .total;
    expect(await findable()).toBe(1);
    const dry = await registryRetention(server.deps, systemActor("test"), { apply: false });
    expect(dry).toMatchObject({ years: 3, due: 1, applied: false });
    expect(await findable()).toBe(1);
    const done = await registryRetention(server.deps, systemActor("test"), { apply: true });
    expect(done).toMatchObject({ due: 1, anonymised: 1, applied: true });
    expect(await findable()).toBe(0);
    const { rows } = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "registry.retention",
      limit: 5,
      offset: 0,
    });
    expect(rows).toHaveLength(1);
    expect(await registryRetention(server.deps, systemActor("test"), { apply: false })).toMatchObject({
      due: 0,
    });
  });
});
