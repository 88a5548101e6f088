import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, orgUnitRepo, userRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

interface Preview {
  accounts: { unitCode: string; login: string; role: string; displayName: string }[];
  skipped: { unitCode: string; reason: string; reasonLabel: string }[];
}

/** The rows of the one-time file below its title, note and header. */
async function readAccountsFile(body: Buffer): Promise<{ title: string; note: string; rows: string[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (sheet === undefined) {
    throw new Error("no sheet");
  }
  const values = (n: number) => Array.from({ length: 7 }, (_, i) => sheet.getRow(n).getCell(i + 1).text);
  const rows: string[][] = [];
  for (let n = 4; n <= sheet.rowCount; n += 1) {
    rows.push(values(n));
  }
  expect(values(3)).toEqual(["序号", "单位名称", "单位代码", "登录名", "初始密码", "角色", "说明"]);
  return { title: values(1)[0] ?? "", note: values(2)[0] ?? "", rows };
}

describe.each(testEngines())("bulk accounts on %s", (engine) => {
  let server: TestServer;
  let admin: TestClient;
  let countyId: string;
  beforeAll(async () => {
    server = await createTestServer(engine);
    const { db } = server.handle;
    // A bureau office, a subordinate centre of the bureau, a closed school and a school with a 校长.
    const bureau = await orgUnitRepo.findByCode(db, "620802-jyj");
    const township = await orgUnitRepo.findByCode(db, "620802001");
    if (bureau === undefined || township === undefined) {
      throw new Error("test world changed");
    }
    const dept = (code: string, name: string) => ({
      code,
      name,
      kind: "department" as const,
      parent_id: bureau.id,
    });
    await orgUnitRepo.insert(db, dept("620802-jyj-jcg", "基础教育股"), bureau);
    await orgUnitRepo.insert(db, dept("620802-jyj-zz", "学生资助管理中心"), bureau);
    const school = (code: string, name: string) => ({
      code,
      name,
      kind: "school" as const,
      parent_id: township.id,
      school_type: "primary" as const,
    });
    await orgUnitRepo.insert(
      db,
      { ...school("1620802003", "崆峒区第3小学"), closed_on: "2025-08-31" },
      township,
    );
    await orgUnitRepo.insert(db, { ...school("1620802004", "崆峒区第4小学"), principal: "马校长" }, township);
    countyId = await server.unitId("620802");
    admin = new TestClient(server.app);
    await admin.login("systemadmin");
  });
  afterAll(async () => {
    await server.close();
  });

  const userCount = async () =>
    (await userRepo.listInScope(server.handle.db, WHOLE_TREE, { limit: 1, offset: 0 })).total;

  it("previews which units get an account and which are skipped, and why", async () => {
    const res = await admin.request("GET", `/api/users/bulk/preview?unitId=${countyId}`);
    expect(res.statusCode).toBe(200);
    const preview = res.json<Preview>();
    expect(preview.accounts.map((a) => [a.unitCode, a.login, a.role, a.displayName])).toEqual([
      ["620802-jyj-zz", "620802-jyj-zz", "unitUser", "学生资助管理中心联系人"],
      ["1620802002", "1620802002", "schoolUser", "崆峒区第2小学联系人"],
      ["1620802004", "1620802004", "schoolUser", "马校长"],
    ]);
    expect(Object.fromEntries(preview.skipped.map((s) => [s.unitCode, s.reason]))).toEqual({
      "620802-jyj": "bureau",
      "620802-czj": "has-account",
      "620802-jyj-jcg": "bureau",
      "1620802001": "has-account",
      "1620802003": "closed",
    });
    const schools = await admin.request("GET", `/api/users/bulk/preview?unitId=${countyId}&kinds=school`);
    expect(schools.json<Preview>().accounts.map((a) => a.unitCode)).toEqual(["1620802002", "1620802004"]);
    const bad = await admin.request("GET", `/api/users/bulk/preview?unitId=${countyId}&kinds=area`);
    expect(bad.statusCode).toBe(400);
  });

  it.each([
    ["bureauplanner", "620802"],
    ["securityadmin", "620802"],
    ["systemadmin", "620821"],
  ])("refuses %s for %s and creates nothing", async (login, code) => {
    const client = login === "systemadmin" ? admin : new TestClient(server.app);
    if (client !== admin) {
      await client.login(login);
    }
    const unitId = await server.unitId(code);
    const before = await userCount();
    expect((await client.request("GET", `/api/users/bulk/preview?unitId=${unitId}`)).statusCode).toBe(403);
    const res = await client.request("POST", "/api/users/bulk", { unitId, kinds: ["school", "department"] });
    expect(res.statusCode).toBe(403);
    expect(await userCount()).toBe(before);
  });

  it("creates the accounts once and answers the only copy of their passwords", async () => {
    const before = await userCount();
    const res = await admin.request("POST", "/api/users/bulk", {
      unitId: countyId,
      kinds: ["school", "department"],
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(res.headers["cache-control"]).toBe("no-store");
    expect(decodeURIComponent(String(res.headers["content-disposition"]))).toMatch(
      /^attachment; filename\*=UTF-8''初始账号_崆峒区_\d{4}-\d\d-\d\d\.xlsx$/,
    );
    const file = await readAccountsFile(res.rawPayload);
    expect(file.title).toMatch(/崆峒区 初始账号.*共 3 个/);
    expect(file.note).toMatch(/只在开通时生成一次/);
    expect(file.rows.map((r) => [r[0], r[2], r[3], r[5], r[6]])).toEqual([
      ["1", "620802-jyj-zz", "620802-jyj-zz", "责任单位", "首次登录须修改密码"],
      ["2", "1620802002", "1620802002", "学校", "首次登录须修改密码"],
      ["3", "1620802004", "1620802004", "学校", "首次登录须修改密码"],
    ]);
    expect(await userCount()).toBe(before + 3);

    const passwords = file.rows.map((r) => r[4] ?? "");
    for (const [i, row] of file.rows.entries()) {
      const user = new TestClient(server.app);
      const login = await user.login(row[3] ?? "", passwords[i]);
      expect(login.statusCode).toBe(200);
      expect(login.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(true);
      const blocked = await user.request("GET", "/api/org-units");
      expect(blocked.json()).toMatchObject({ error: { code: "password-change-required" } });
      if (i === 0) {
        const changed = await user.request("POST", "/api/auth/password", {
          currentPassword: passwords[i],
          newPassword: "Qm7#Lp2x-Gansu",
        });
        expect(changed.statusCode).toBe(200);
        expect((await user.request("GET", "/api/org-units")).statusCode).toBe(200);
      }
    }

    const audit = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "user.bulk-create",
      limit: 5,
      offset: 0,
    });
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]?.actor_login).toBe("systemadmin");
    expect(audit.rows[0]?.details).toMatchObject({
      count: 3,
      logins: ["620802-jyj-zz", "1620802002", "1620802004"],
    });
    const trail = JSON.stringify(
      (await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, limit: 1000, offset: 0 })).rows,
    );
    for (const password of passwords) {
      expect(password).toHaveLength(14);
      expect(trail).not.toContain(password);
    }
  });

  it("creates nothing on a second request and says why", async () => {
    const before = await userCount();
    const res = await admin.request("POST", "/api/users/bulk", {
      unitId: countyId,
      kinds: ["school", "department"],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/没有需要开通账号的单位/);
    expect(await userCount()).toBe(before);
    const preview = await admin.request("GET", `/api/users/bulk/preview?unitId=${countyId}`);
    expect(preview.json<Preview>().accounts).toEqual([]);
  });

  it("lets only one of two simultaneous requests open the accounts", async () => {
    const { db } = server.handle;
    const township = await orgUnitRepo.findByCode(db, "620802001");
    for (const code of ["1620802005", "1620802006"]) {
      await orgUnitRepo.insert(
        db,
        {
          code,
          name: `学校${code}`,
          kind: "school",
          parent_id: township?.id ?? null,
          school_type: "primary",
        },
        township ?? null,
      );
    }
    const before = await userCount();
    const body = { unitId: countyId, kinds: ["school"] };
    const answers = await Promise.all([
      admin.request("POST", "/api/users/bulk", body),
      admin.request("POST", "/api/users/bulk", body),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await userCount()).toBe(before + 2);
  });

  it("refuses a disabled account with the answer a wrong password gets, and ends its sessions", async () => {
    const user = new TestClient(server.app);
    await user.login("leader");
    expect((await user.request("GET", "/api/auth/me")).statusCode).toBe(200);
    const wrong = await new TestClient(server.app).login("leader", "Wrong#Pass2026");
    const leader = await userRepo.findByLogin(server.handle.db, "leader");
    await userRepo.update(server.handle.db, leader?.id ?? "", { is_disabled: true });

    const me = await user.request("GET", "/api/auth/me");
    expect(me.statusCode).toBe(401);
    expect((await user.request("GET", "/api/org-units")).statusCode).toBe(401);
    const refused = await new TestClient(server.app).login("leader");
    expect(refused.statusCode).toBe(wrong.statusCode);
    const answer = (r: { json: () => { error: { code: string; message: string } } }) => {
      const { code, message } = r.json().error;
      return { code, message };
    };
    expect(answer(refused)).toEqual(answer(wrong));
    expect(answer(refused)).toEqual({
      code: "invalid-credentials",
      message: expect.stringMatching(/^登录名或口令错误；/) as string,
    });
  });
});
