/**
 * 学籍 through the API on both engines: import (preview, errors by row and column, apply), scope (a
 * school sees its own pupils, a 责任单位 none), masking, the audited unmasked read, movements, the
 * cross-check — and that a planted 身份证号 is in no answer but the unmasked one, in no export and
 * nowhere in the database in clear.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, backupRepo, studentRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
/** The planted pupil: their full ID and name must never leave the server except unmasked. */
const PLANTED = id("62089920160417123");
const PLANTED_NAME = "欧阳测试明";
const OTHER = id("62089920160418124");
const THIRD = id("62089920150301135");

const HEADER =
  "全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级,户籍地,是否留守儿童,监护人电话,学籍状态";
type Row = [string, string, string, string, string, string, string, string];
const line = ([no, idn, name, sex, birth, school, grade, status]: Row): string =>
  [
    no,
    idn,
    name,
    sex,
    birth,
    school,
    grade,
    "1班",
    "甘肃省平凉市崆峒区中街街道测试路1号",
    "否",
    "10012345678",
    status,
  ].join(",");
const csv = (rows: Row[]): string => `${[HEADER, ...rows.map(line)].join("\n")}\n`;
const body = (text: string, extra: Record<string, unknown> = {}) => ({
  fileName: "学籍.csv",
  schoolYear: 2024,
  term: 1,
  asOf: "2024-09-30",
  contentBase64: Buffer.from(text, "utf8").toString("base64"),
  ...extra,
});

const FIRST: Row[] = [
  [`G${PLANTED}`, PLANTED, PLANTED_NAME, "男", "2016-04-17", "1620802001", "二年级", "在读"],
  [`G${OTHER}`, OTHER, "李测试安", "女", "2016-04-18", "1620802001", "二年级", "在读"],
  [`G${THIRD}`, THIRD, "王测试宁", "男", "2015-03-01", "1620802002", "三年级", "在读"],
];

describe.each(testEngines())("学籍 API (%s)", (engine) => {
  let server: TestServer;
  const clients: Record<string, TestClient> = {};
  /** Every answer body the test saw, to scan for the planted ID. */
  const seen: string[] = [];
  const as = async (login: string) => {
    if (clients[login] === undefined) {
      const c = new TestClient(server.app);
      expect((await c.login(login)).statusCode).toBe(200);
      clients[login] = c;
    }
    return clients[login];
  };
  const call = async (login: string, method: "GET" | "POST", url: string, payload?: unknown) => {
    const res = await (await as(login)).request(method, url, payload);
    if (!url.includes("/unmask")) {
      seen.push(res.body);
    }
    return res;
  };

  beforeAll(async () => {
    server = await createTestServer(engine);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it("refuses a file with problems, each named by file, row and column, and stores nothing", async () => {
    const bad = PLANTED.slice(0, 17) + (PLANTED.endsWith("1") ? "2" : "1");
    const res = await call(
      "bureauplanner",
      "POST",
      "/api/registry/imports",
      body(
        csv([
          ...FIRST,
          [`G${bad}`, bad, "赵测试怡", "女", "2016-04-17", "1620802001", "二年级", "在读"],
          [`G${PLANTED}`, PLANTED, PLANTED_NAME, "男", "2016-04-17", "1620821001", "二年级", "在读"],
        ]),
      ),
    );
    expect(res.statusCode, res.body).toBe(400);
    const problems = res.json<{
      error: { details: { problems: { row: number; column: string; message: string }[] } };
    }>().error.details.problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: 5,
        column: "身份证件号",
        message: expect.stringContaining("第 5 行“身份证件号”列") as unknown,
      }),
    );
    expect(problems).toContainEqual(expect.objectContaining({ row: 6, column: "全国学籍号" }));
    expect(problems).toContainEqual(
      expect.objectContaining({
        row: 6,
        column: "学校标识码",
        message: expect.stringContaining("管辖范围") as unknown,
      }),
    );
    expect(await studentRepo.count(server.handle.db)).toBe(0);
  });

  it("previews, then applies a file all or nothing", async () => {
    const preview = await call(
      "bureauplanner",
      "POST",
      "/api/registry/imports",
      body(csv(FIRST), { preview: true }),
    );
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ applied: false, id: null, rows: 3, added: 3 });
    const applied = await call("bureauplanner", "POST", "/api/registry/imports", body(csv(FIRST)));
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ applied: true, rows: 3, added: 3, updated: 0 });
  });

  it("lists pupils masked, by scope: the bureau all, a school its own, a 责任单位 none", async () => {
    const all = await call("bureauplanner", "GET", "/api/registry/students");
    expect(all.statusCode).toBe(200);
    const list = all.json<{ total: number; items: { name: string; idNumber: string; masked: boolean }[] }>();
    expect(list.total).toBe(3);
    expect(list.items.find((i) => i.name.startsWith("欧阳"))).toMatchObject({
      name: "欧阳***",
      idNumber: `6208**********${PLANTED.slice(-4)}`,
      masked: true,
    });

    const school = await call("schooluser", "GET", "/api/registry/students");
    expect(
      school.json<{ total: number; items: { schoolCode: string }[] }>().items.map((i) => i.schoolCode),
    ).toEqual(["1620802001", "1620802001"]);
    // a filter naming another school narrows nothing open to the school user
    const other = await call(
      "schooluser",
      "GET",
      `/api/registry/students?unitId=${await server.unitId("1620802002")}`,
    );
    expect(other.statusCode).toBe(403);

    const unit = await call("unituser", "GET", "/api/registry/students");
    expect(unit.statusCode === 403 || unit.json<{ total: number }>().total === 0).toBe(true);
  });

  it("finds a pupil by 身份证号 through the blind index, and shows the detail masked", async () => {
    const found = await call("bureauplanner", "GET", `/api/registry/students?number=${PLANTED}`);
    const items = found.json<{ items: { id: string }[] }>().items;
    expect(items).toHaveLength(1);
    const detail = await call("schooluser", "GET", `/api/registry/students/${items[0]?.id ?? ""}`);
    expect(detail.json()).toMatchObject({ guardianPhone: "100****5678", masked: true });
    const foreign = await call("schooluser", "GET", "/api/registry/students?number=" + THIRD);
    expect(foreign.json<{ total: number }>().total).toBe(0);
  });

  it("unmasks one pupil only with the permission and a reason, and audits the read", async () => {
    const { items } = (await call("schooluser", "GET", `/api/registry/students?number=${PLANTED}`)).json<{
      items: { id: string }[];
    }>();
    const sid = items[0]?.id ?? "";
    const noReason = await call("bureausupervisor", "POST", `/api/registry/students/${sid}/unmask`, {
      reason: "",
    });
    expect(noReason.statusCode).toBe(400);
    const denied = await call("leader", "POST", `/api/registry/students/${sid}/unmask`, {
      reason: "核对家访记录",
    });
    expect(denied.statusCode).toBe(403);
    const res = await call("bureausupervisor", "POST", `/api/registry/students/${sid}/unmask`, {
      reason: "核对家访记录",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ idNumber: PLANTED, name: PLANTED_NAME, masked: false });
    const { rows: audit } = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "pii.reveal",
      entityId: sid,
      limit: 10,
      offset: 0,
    });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.details)).toContain("核对家访记录");
  });

  it("derives movements from a second import: 辍学 by status, pending 转出 by absence, 转入", async () => {
    const fourth = id("62089920160101145");
    const res = await call(
      "bureauplanner",
      "POST",
      "/api/registry/imports",
      body(
        csv([
          [`G${PLANTED}`, PLANTED, PLANTED_NAME, "男", "2016-04-17", "1620802001", "二年级", "辍学"],
          [`G${fourth}`, fourth, "钱测试远", "男", "2016-01-01", "1620802002", "二年级", "在读"],
          [`G${THIRD}`, THIRD, "王测试宁", "男", "2015-03-01", "1620802002", "三年级", "在读"],
        ]),
        { asOf: "2025-03-01", term: 2 },
      ),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      movements: { dropout: 1, transferIn: 1, transferOut: 1 },
      pendingTransfers: 1,
    });
    const moves = await call("schooluser", "GET", "/api/registry/movements");
    const kinds = moves.json<{ items: { kind: string; pending: boolean; occurredOn: string }[] }>().items;
    expect(kinds.map((k) => [k.kind, k.pending, k.occurredOn]).sort()).toEqual([
      ["dropout", false, "2025-03-01"],
      ["transferOut", true, "2025-03-01"],
    ]);
  });

  it("cross-checks the registry against the year's statistics by school and grade", async () => {
    const res = await call("bureauplanner", "GET", "/api/registry/cross-check?year=2024");
    expect(res.statusCode).toBe(200);
    const check = res.json<{
      registryTotal: number;
      rows: { schoolCode: string; gradeLabel: string; registry: number }[];
    }>();
    // in school: THIRD and the new pupil at school 2 (the 辍学 and the 转出 pupils are not)
    expect(check.registryTotal).toBe(2);
    expect(check.rows).toContainEqual(
      expect.objectContaining({ schoolCode: "1620802002", gradeLabel: "三年级", registry: 1 }),
    );
  });

  it("never shows the planted 身份证号 or name in an answer, an export or the database in clear", async () => {
    const exportRes = await call("auditadmin", "GET", "/api/audit/export.csv");
    expect(exportRes.statusCode).toBe(200);
    for (const text of seen) {
      expect(text).not.toContain(PLANTED);
      expect(text).not.toContain(PLANTED_NAME);
      expect(text).not.toContain(PLANTED.slice(6, 14) + PLANTED.slice(14, 17));
    }
    // the whole database, every column of every table as text (what a dump holds)
    const parts: string[] = [];
    for (const table of await backupRepo.listTables(server.handle.db)) {
      parts.push(...(await backupRepo.readRows(server.handle.db, table)).map((row) => row.join("\t")));
    }
    const dump = parts.join("\n");
    expect(dump.length).toBeGreaterThan(1000);
    expect(dump).not.toContain(PLANTED);
    expect(dump).not.toContain(PLANTED_NAME);
    expect(dump).not.toContain("测试路1号");
  });
});
