/**
 * 学生资助 through the API on both engines: programmes per year (never edited), a priority list imported
 * from xlsx and matched by blind index, 申请 → 民主评议 → 公示 (≥ 5 working days, masked name / school /
 * class / 档次 only) → 异议 → 审核 → 发放批次 → 银行代发文件 → 回盘 → 重新发放 with the budget reconciled;
 * scope (a school sees only its own pupils, another county nothing); 动态监测 finding every planted case
 * and nothing else; and no bank card or 身份证件号 in clear in any answer but the bank file, the audit
 * export or the database.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aidPaymentRepo, auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { addTestAccount, createTestServer, TestClient, type TestServer } from "../../testing.ts";
import * as F from "./aid-test-fixtures.ts";

const { b64, CARD1, CARD4, CARD4_NEW, CARD5, DAY, P1, P2, programme, registryCsv, xlsx } = F;

interface Flag {
  kind: string;
  studentId: string;
  explanation: string;
  name: string;
}

describe.each(testEngines())("学生资助 API (%s)", (engine) => {
  let server: TestServer;
  const clients: Record<string, TestClient> = {};
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
    if (!url.includes("bank-file")) {
      seen.push(res.body);
    }
    return res;
  };
  const students: Record<string, string> = {};
  let living = "";
  let local = "";
  let publicity = "";
  let batch = "";

  beforeAll(async () => {
    server = await createTestServer(engine);
    await addTestAccount(server, { login: "school2", role: "schoolUser", unitCode: "1620802002" });
    await addTestAccount(server, { login: "jcsupervisor", role: "bureauSupervisor", unitCode: "620821-jyj" });
    const r = await call("bureauplanner", "POST", "/api/registry/imports", {
      fileName: "学籍.csv",
      schoolYear: 2026,
      term: 1,
      asOf: "2026-09-30",
      contentBase64: b64(registryCsv("在读")),
    });
    expect(r.statusCode, r.body).toBe(201);
    const list = await call("bureauplanner", "GET", "/api/registry/students?pageSize=50");
    for (const s of list.json<{ items: { id: string; className: string; name: string }[] }>().items) {
      students[s.name] = s.id;
    }
    expect(Object.keys(students)).toHaveLength(5);
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it("keeps programmes per year: the 资助中心 adds, a school reads, nobody edits last year's", async () => {
    const school = await call("schooluser", "POST", "/api/aid/programmes", programme("LIV"));
    expect(school.statusCode).toBe(403);
    const a = await call("bureausupervisor", "POST", "/api/aid/programmes", programme("LIV"));
    expect(a.statusCode, a.body).toBe(201);
    living = a.json<{ id: string }>().id;
    const again = await call(
      "bureausupervisor",
      "POST",
      "/api/aid/programmes",
      programme("LIV", { budget: 1 }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { message: string } }>().error.message).toContain("新建下一学年");
    const next = await call(
      "bureausupervisor",
      "POST",
      "/api/aid/programmes",
      programme("LIV", { schoolYear: 2027 }),
    );
    expect(next.statusCode).toBe(201);
    const b = await call("bureausupervisor", "POST", "/api/aid/programmes", F.LOCAL_PROGRAMME);
    local = b.json<{ id: string }>().id;
    const seenBySchool = await call("schooluser", "GET", "/api/aid/programmes?year=2026");
    expect(seenBySchool.json<{ items: { code: string }[] }>().items.map((p) => p.code)).toEqual([
      "LIV",
      "LOCAL",
    ]);
    const other = await call("jcsupervisor", "GET", "/api/aid/programmes");
    expect(other.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it("imports a priority list from xlsx all or nothing, matched by blind index", async () => {
    const bad = await call("bureausupervisor", "POST", "/api/aid/priority-lists", {
      fileName: "民政名单.xlsx",
      schoolYear: 2026,
      source: "civil",
      contentBase64: await xlsx([
        ["身份证件号", "姓名", "类别"],
        [P1, "王测试安", "低保"],
        [P2, "李测试宁", "富户"],
      ]),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json<{ error: { details: { problems: { row: number; column: string }[] } } }>().error.details
        .problems,
    ).toEqual([expect.objectContaining({ row: 3, column: "类别" })]);
    const ok = await call("bureausupervisor", "POST", "/api/aid/priority-lists", {
      fileName: "民政名单.xlsx",
      schoolYear: 2026,
      source: "civil",
      contentBase64: await xlsx(F.CIVIL_LIST),
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ applied: true, rows: 4, matched: 3 });
    expect(
      (
        await call("schooluser", "POST", "/api/aid/priority-lists", {
          fileName: "x.csv",
          schoolYear: 2026,
          source: "civil",
          contentBase64: b64("a"),
        })
      ).statusCode,
    ).toBe(403);
  });

  it("takes applications from the school for its own pupils only, with the lists' categories confirmed", async () => {
    const apply = (login: string, studentId: string, programmeId: string, card: string, tier = "A") =>
      call(login, "POST", "/api/aid/applications", {
        programmeId,
        studentId,
        tier,
        claimed: ["subsistence"],
        bankCard: card,
        bankName: "测试农商银行",
        holder: "王测试家长",
      });
    const r1 = await apply("schooluser", students["王**安"] ?? "", living, CARD1);
    expect(r1.statusCode, r1.body).toBe(201);
    expect(r1.json()).toMatchObject({ verified: ["subsistence"] });
    expect((await apply("schooluser", students["王**安"] ?? "", living, CARD1)).statusCode).toBe(409);
    expect((await apply("schooluser", students["孙**远"] ?? "", living, CARD5)).statusCode).toBe(404);
    expect((await apply("bureausupervisor", students["王**安"] ?? "", local, CARD1)).statusCode).toBe(403);
    expect((await apply("schooluser", students["王**安"] ?? "", local, CARD1)).statusCode).toBe(201);
    expect((await apply("schooluser", students["钱**乐"] ?? "", living, CARD4, "B")).statusCode).toBe(201);
    expect((await apply("school2", students["孙**远"] ?? "", living, CARD5, "B")).statusCode).toBe(201);
    const mine = await call("schooluser", "GET", "/api/aid/applications");
    const items = mine.json<{
      total: number;
      items: { name: string; bankCard: string; claimed: { verified: boolean }[] }[];
    }>();
    expect(items.total).toBe(3);
    expect(items.items[0]?.name).toBe("王**安");
    expect(items.items[0]?.bankCard).toBe("***************0123");
    expect(items.items[0]?.claimed).toEqual([expect.objectContaining({ verified: true })]);
    const all = await call("bureausupervisor", "GET", "/api/aid/applications");
    expect(all.json<{ total: number }>().total).toBe(4);
    expect((await call("jcsupervisor", "GET", "/api/aid/applications")).json<{ total: number }>().total).toBe(
      0,
    );
  });

  it("walks 民主评议 → 公示 (5 working days) → 异议 → 审核, each step with who and when", async () => {
    const ids = (login: string) =>
      call(login, "GET", "/api/aid/applications").then((r) =>
        r.json<{ items: { id: string }[] }>().items.map((i) => i.id),
      );
    const mine = await ids("schooluser");
    const assess = await call("schooluser", "POST", "/api/aid/applications/assessment", {
      ids: mine,
      recommended: true,
      votesFor: 9,
      votesAgainst: 0,
    });
    expect(assess.json()).toEqual({ changed: 3 });
    const theirs = await ids("school2");
    await call("school2", "POST", "/api/aid/applications/assessment", {
      ids: theirs,
      recommended: true,
      votesFor: 7,
      votesAgainst: 1,
    });
    const today = new Date(server.deps.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const short = await call("schooluser", "POST", "/api/aid/publicities", {
      programmeId: living,
      startsOn: today,
      workingDays: 3,
    });
    expect(short.statusCode).toBe(400);
    const pub = await call("schooluser", "POST", "/api/aid/publicities", {
      programmeId: living,
      startsOn: today,
    });
    expect(pub.statusCode, pub.body).toBe(201);
    publicity = pub.json<{ id: string }>().id;
    await call("schooluser", "POST", "/api/aid/publicities", { programmeId: local, startsOn: today });
    await call("school2", "POST", "/api/aid/publicities", { programmeId: living, startsOn: today });
    const printed = await call("schooluser", "GET", `/api/aid/publicities/${publicity}`);
    const list = printed.json<{ items: Record<string, string>[]; over: boolean }>();
    expect(list.over).toBe(false);
    expect(list.items).toEqual([
      { name: "王**安", school: "崆峒区第1小学", gradeClass: "二年级1班", tier: "一档" },
      { name: "钱**乐", school: "崆峒区第1小学", gradeClass: "二年级2班", tier: "二档" },
    ]);
    const objection = await call("schooluser", "POST", `/api/aid/publicities/${publicity}/objections`, {
      text: "有家长反映钱测试乐家庭条件较好（测试）",
    });
    expect(objection.statusCode).toBe(201);
    expect(
      (
        await call("schooluser", "POST", `/api/aid/publicities/${publicity}/objections`, {
          text: `卡号 ${CARD1}`,
        })
      ).statusCode,
    ).toBe(400);
    const all = await ids("bureausupervisor");
    const early = await call("bureausupervisor", "POST", "/api/aid/applications/review", {
      ids: all,
      approve: true,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toContain("公示期满后");
    server.advance(12 * DAY);
    // sessions time out across twelve days: everyone signs in again
    for (const login of Object.keys(clients)) {
      Reflect.deleteProperty(clients, login);
    }
    const unanswered = await call("bureausupervisor", "POST", "/api/aid/applications/review", {
      ids: all,
      approve: true,
    });
    expect(unanswered.json<{ error: { message: string } }>().error.message).toContain("异议未答复");
    const oid = objection.json<{ id: string }>().id;
    const answer = await call(
      "schooluser",
      "POST",
      `/api/aid/publicities/${publicity}/objections/${oid}/answer`,
      { answer: "经家访核实，家庭属城乡低保边缘户，维持认定" },
    );
    expect(answer.statusCode, answer.body).toBe(200);
    expect(
      (await call("schooluser", "POST", "/api/aid/applications/review", { ids: all, approve: true }))
        .statusCode,
    ).toBe(403);
    const ok = await call("bureausupervisor", "POST", "/api/aid/applications/review", {
      ids: all,
      approve: true,
    });
    expect(ok.json()).toEqual({ changed: 4 });
    const detail = await call("schooluser", "GET", `/api/aid/applications/${mine[0] ?? ""}`);
    expect(detail.json<{ steps: { step: string; by: string }[] }>().steps.map((s) => [s.step, s.by])).toEqual(
      [
        ["apply", "schoolUser"],
        ["assess", "schoolUser"],
        ["publicise", "schoolUser"],
        ["review", "bureauSupervisor"],
      ],
    );
  });

  it("issues a batch, writes the full card only into the 资助中心's bank file, reads the return and re-issues failures", async () => {
    expect(
      (await call("schooluser", "POST", "/api/aid/batches", { programmeId: living, term: 1 })).statusCode,
    ).toBe(403);
    const created = await call("bureausupervisor", "POST", "/api/aid/batches", {
      programmeId: living,
      term: 1,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ lines: 3, amount: 625 + 500 + 500 });
    batch = created.json<{ id: string }>().id;
    expect(
      (await call("bureausupervisor", "POST", "/api/aid/batches", { programmeId: living, term: 1 }))
        .statusCode,
    ).toBe(409);
    const detail = await call("schooluser", "GET", `/api/aid/batches/${batch}`);
    expect(detail.statusCode).toBe(404);
    const seenByBureau = await call("bureausupervisor", "GET", `/api/aid/batches/${batch}`);
    const payments = seenByBureau.json<{ payments: { bankCard: string; name: string }[] }>().payments;
    expect(payments.map((p) => p.bankCard.slice(-4))).toEqual(["0123", "3344", "6554"]);
    expect((await call("bureauplanner", "GET", `/api/aid/batches/${batch}/bank-file.xlsx`)).statusCode).toBe(
      403,
    );
    const file = await call("bureausupervisor", "GET", `/api/aid/batches/${batch}/bank-file.xlsx`);
    expect(file.statusCode).toBe(200);
    const rows = await F.xlsxRows(file.rawPayload);
    expect(rows.map((r) => [r[1], r[3], r[5]])).toEqual([
      [1, CARD1, 625],
      [2, CARD4, 500],
      [3, CARD5, 500],
    ]);
    const { rows: trail } = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      entityId: batch,
      limit: 10,
      offset: 0,
    });
    expect(trail.map((t) => t.action)).toContain("aid.bank-file");
    const back = await call("bureausupervisor", "POST", `/api/aid/batches/${batch}/return`, {
      fileName: "回盘.xlsx",
      contentBase64: await xlsx([
        ["序号", "户名", "金额", "结果", "失败原因"],
        [1, "王测试家长", 625, "成功", ""],
        [2, "王测试家长", 500, "失败", "户名与账号不符"],
        [3, "王测试家长", 500, "成功", ""],
      ]),
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json()).toEqual({ paid: 2, failed: 1 });
    // the school corrects the card of the failed line before it is re-issued
    const qian = (await call("schooluser", "GET", "/api/aid/applications"))
      .json<{
        items: { id: string; name: string }[];
      }>()
      .items.find((i) => i.name === "钱**乐");
    const fixed = await call("schooluser", "POST", `/api/aid/applications/${qian?.id ?? ""}/bank`, {
      bankCard: CARD4_NEW,
      bankName: "测试农商银行",
      holder: "钱测试家长",
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const re = await call("bureausupervisor", "POST", `/api/aid/batches/${batch}/reissue`);
    expect(re.statusCode, re.body).toBe(201);
    expect(re.json()).toMatchObject({ lines: 1 });
    const reissued = await call(
      "bureausupervisor",
      "GET",
      `/api/aid/batches/${re.json<{ id: string }>().id}/bank-file.xlsx`,
    );
    expect((await F.xlsxRows(reissued.rawPayload)).map((r) => r[3])).toEqual([CARD4_NEW]);
    expect((await call("bureausupervisor", "POST", `/api/aid/batches/${batch}/reissue`)).statusCode).toBe(
      409,
    );
    const batches = await call("bureausupervisor", "GET", "/api/aid/batches");
    expect(batches.json<{ budgets: unknown[] }>().budgets).toEqual([
      {
        programmeId: living,
        programmeName: "义务教育家庭经济困难学生生活费补助",
        budget: 20000,
        committed: 1625,
        within: true,
      },
    ]);
    await call("bureausupervisor", "POST", "/api/aid/batches", { programmeId: local, term: 1 });
  });

  it("finds every planted 动态监测 case and nothing else", async () => {
    // 钱测试乐 leaves (转出); 孙测试远's line is planted off the standard, as an old roll would carry it
    const moved = await call("bureauplanner", "POST", "/api/registry/imports", {
      fileName: "学籍.csv",
      schoolYear: 2026,
      term: 1,
      asOf: "2026-10-30",
      contentBase64: b64(registryCsv("转出")),
    });
    expect(moved.statusCode, moved.body).toBe(201);
    const sun = students["孙**远"] ?? "";
    const sunApp = (await call("school2", "GET", "/api/aid/applications")).json<{ items: { id: string }[] }>()
      .items[0]?.id;
    await aidPaymentRepo.insertBatch(
      server.handle.db,
      { programmeId: living, unitId: await server.unitId("620802"), term: 2, reissueOf: null, by: null },
      [{ applicationId: sunApp ?? "", unitId: await server.unitId("1620802002"), amount: 450 }],
    );
    const reason = await call("schooluser", "POST", "/api/aid/unaided-reasons", {
      studentId: students["赵**平"] ?? "",
      schoolYear: 2026,
      reason: "家庭已由民政全额供养，本人书面放弃（测试）",
    });
    expect(reason.statusCode, reason.body).toBe(201);
    const m = await call("bureausupervisor", "GET", "/api/aid/monitor?year=2026");
    expect(m.statusCode, m.body).toBe(200);
    const flags = m.json<{ flags: Flag[] }>().flags;
    expect(flags.map((f) => [f.kind, f.studentId]).sort()).toEqual(
      [
        ["unaided", students["李**宁"]],
        ["notInSchool", students["钱**乐"]],
        ["duplicate", students["王**安"]],
        ["offStandard", sun],
      ].sort(),
    );
    expect(flags.find((f) => f.kind === "unaided")?.name).toBe("李**宁");
    expect(flags.find((f) => f.kind === "offStandard")?.explanation).toContain("450 元");
    const school = await call("schooluser", "GET", "/api/aid/monitor?year=2026");
    expect(
      school
        .json<{ flags: Flag[] }>()
        .flags.map((f) => f.kind)
        .sort(),
    ).toEqual(["duplicate", "notInSchool", "unaided"]);
    expect(
      (await call("jcsupervisor", "GET", "/api/aid/monitor?year=2026")).json<{ flags: Flag[] }>().flags,
    ).toEqual([]);
  });

  it("never shows a bank card or 身份证件号 in clear in an answer, the audit export or the database", async () => {
    expect((await call("auditadmin", "GET", "/api/audit/export.csv")).statusCode).toBe(200);
    for (const text of seen) {
      for (const secret of F.SECRETS) {
        expect(text).not.toContain(secret);
      }
    }
    const dump = await F.databaseText(server.handle.db);
    // the objection (it names a pupil) is sealed too; its readers are the 公示's own school and bureau
    for (const secret of [...F.SECRETS, "钱测试乐家庭条件"]) {
      expect(dump).not.toContain(secret);
    }
  });
});
