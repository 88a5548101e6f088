/**
 * 日考勤、日报告 through the API on both engines: a school reports its absences or a 零报告 and sees only
 * its own pupils; a 责任单位 sees none; the bureau sees who reported and who is missing, chases the
 * missing school, and sees the flags the rules raise — masked, explained, with the pupil id a case needs;
 * each write is audited; the data lands in the month's partition.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attendanceRepo, auditRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
const A = id("62089920160417123");
const B = id("62089920160418124");
const C = id("62089920150301135");
const HEADER = "全国学籍号,身份证件号,姓名,性别,出生日期,学校标识码,年级,班级,是否留守儿童";
const row = (n: string, name: string, sex: string, birth: string, school: string, grade: string) =>
  [`G${n}`, n, name, sex, birth, school, grade, "1班", "否"].join(",");
const csv = (rows: string[]) => `${[HEADER, ...rows].join("\n")}\n`;
const importBody = (text: string, asOf: string, term = 1) => ({
  fileName: "学籍.csv",
  schoolYear: 2024,
  term,
  asOf,
  contentBase64: Buffer.from(text, "utf8").toString("base64"),
});
const FIRST = [
  row(A, "欧阳测试明", "男", "2016-04-17", "1620802001", "二年级"),
  row(B, "李测试安", "女", "2016-04-18", "1620802001", "二年级"),
  row(C, "王测试宁", "男", "2015-03-01", "1620802002", "三年级"),
];

interface Sheet {
  schoolName: string;
  reported: boolean;
  classes: {
    expected: number;
    present: number;
    pupils: { id: string; name: string; absence: string | null }[];
  }[];
}
interface Flags {
  total: number;
  items: { studentId: string; name: string; rule: string; explanation: string; schoolName: string }[];
  bySchool: { schoolName: string; total: number }[];
}

describe.each(testEngines())("考勤 API (%s)", (engine) => {
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
  const call = async (login: string, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) =>
    (await as(login)).request(method, url, payload);
  let pupils: { id: string; name: string }[] = [];
  let school2 = "";

  beforeAll(async () => {
    server = await createTestServer(engine);
    const res = await call(
      "bureauplanner",
      "POST",
      "/api/registry/imports",
      importBody(csv(FIRST), "2024-09-30"),
    );
    expect(res.statusCode, res.body).toBe(201);
    school2 = await server.unitId("1620802002");
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  it("shows a school its own pupils by class, masked; another school's sheet is refused", async () => {
    const res = await call("schooluser", "GET", "/api/attendance/sheet?date=2024-11-06");
    expect(res.statusCode, res.body).toBe(200);
    const sheet = res.json<Sheet>();
    expect(sheet).toMatchObject({ schoolName: "崆峒区第1小学", reported: false });
    pupils = sheet.classes.flatMap((c) => c.pupils);
    expect(pupils.map((p) => p.name).sort()).toEqual(["李**安", "欧阳***"].sort());
    expect(res.body).not.toContain("王测试宁");
    expect((await call("schooluser", "GET", `/api/attendance/sheet?unitId=${school2}`)).statusCode).toBe(403);
    expect((await call("unituser", "GET", "/api/attendance/sheet")).statusCode).toBe(403);
    expect((await call("unituser", "GET", "/api/attendance/flags")).statusCode).toBe(403);
    expect((await call("unituser", "GET", "/api/attendance/day")).statusCode).toBe(403);
  });

  it("refuses a pupil of another school, and a day in the future", async () => {
    const other = (await call("bureauplanner", "GET", "/api/registry/students?unitId=" + school2)).json<{
      items: { id: string }[];
    }>().items[0]?.id;
    const res = await call("schooluser", "POST", "/api/attendance/reports", {
      date: "2024-11-06",
      absences: [{ studentId: other, reason: "truant" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("不是本校在读学生");
    const future = await call("schooluser", "POST", "/api/attendance/reports", {
      date: "2099-01-01",
      absences: [],
    });
    expect(future.statusCode).toBe(400);
  });

  it("takes three days of absences, raises the 3-day flag with its explanation, and audits each report", async () => {
    const absent = pupils.find((p) => p.name === "欧阳***")?.id ?? "";
    const sick = pupils.find((p) => p.name === "李**安")?.id ?? "";
    const days = ["2024-11-06", "2024-11-07", "2024-11-08"];
    let last: { flagsRaised: number; present: number; expected: number; zeroReport: boolean } | undefined;
    for (const date of days) {
      const res = await call("schooluser", "POST", "/api/attendance/reports", {
        date,
        absences: [
          { studentId: absent, reason: date === "2024-11-06" ? "truant" : "unknown" },
          ...(date === "2024-11-08" ? [{ studentId: sick, reason: "sick" }] : []),
        ],
      });
      expect(res.statusCode, res.body).toBe(201);
      last = res.json();
    }
    expect(last).toMatchObject({ expected: 2, present: 0, zeroReport: false, flagsRaised: 1 });

    const flags = (await call("bureauplanner", "GET", "/api/attendance/flags")).json<Flags>();
    expect(flags.total).toBe(1);
    expect(flags.items[0]).toMatchObject({
      studentId: absent,
      name: "欧阳***",
      rule: "unexplained-consecutive",
      schoolName: "崆峒区第1小学",
    });
    expect(flags.items[0]?.explanation).toContain(
      "连续 3 个上学日旷课或原因不明（11月6日、11月7日、11月8日）",
    );
    expect(flags.bySchool).toEqual([expect.objectContaining({ schoolName: "崆峒区第1小学", total: 1 })]);
    // the school sees its own flag; reporting again does not raise it twice
    expect((await call("schooluser", "GET", "/api/attendance/flags")).json<Flags>().total).toBe(1);
    const again = await call("schooluser", "POST", "/api/attendance/reports", {
      date: "2024-11-08",
      absences: [{ studentId: absent, reason: "unknown" }],
    });
    expect(again.json<{ flagsRaised: number }>().flagsRaised).toBe(0);

    const { rows: audit } = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "attendance.report",
      limit: 10,
      offset: 0,
    });
    expect(audit).toHaveLength(4);
    expect(JSON.stringify(audit)).not.toContain("欧阳");
    expect(await attendanceRepo.partitions(server.handle.db)).toContain("attendance_absences_2024_11");
  });

  it("shows the bureau who reported and who is missing, and chases the missing school once", async () => {
    const res = await call("bureauplanner", "GET", "/api/attendance/day?date=2024-11-08");
    expect(res.statusCode, res.body).toBe(200);
    const day = res.json<{
      summary: { schools: number; reported: number; missing: number; absences: Record<string, number> };
      townships: { township: string; missing: number }[];
      schools: { schoolName: string; reported: boolean }[];
    }>();
    expect(day.summary).toMatchObject({ schools: 2, reported: 1, missing: 1 });
    expect(day.summary.absences).toEqual({ sick: 0, personal: 0, truant: 0, unknown: 1 });
    expect(day.townships).toEqual([{ township: "中街街道", schools: 2, reported: 1, missing: 1 }]);
    const absences = (await call("bureauplanner", "GET", "/api/attendance/absences?date=2024-11-08")).json<{
      items: { name: string; reasonLabel: string }[];
    }>();
    expect(absences.items).toEqual([expect.objectContaining({ name: "欧阳***", reasonLabel: "不明" })]);

    const chase = await call("bureauplanner", "POST", "/api/attendance/chase", { date: "2024-11-08" });
    expect(chase.json()).toMatchObject({ missing: 1, notified: 1 });
    const twice = await call("bureauplanner", "POST", "/api/attendance/chase", { date: "2024-11-08" });
    expect(twice.json()).toMatchObject({ missing: 1, notified: 0 });

    // the second school sends a 零报告: nobody is missing any more
    const zero = await call("bureauplanner", "POST", "/api/attendance/reports", {
      unitId: school2,
      date: "2024-11-08",
      absences: [],
    });
    expect(zero.json()).toMatchObject({ zeroReport: true, expected: 1, present: 1 });
    const after = (await call("bureauplanner", "GET", "/api/attendance/day?date=2024-11-08")).json<{
      summary: { missing: number; zeroReports: number };
    }>();
    expect(after.summary).toMatchObject({ missing: 0, zeroReports: 1 });
  });

  it("flags a pending 转出 with no 转入 after 10 working days, under a saved rule version", async () => {
    const res = await call(
      "bureauplanner",
      "POST",
      "/api/registry/imports",
      importBody(csv([FIRST[0] ?? "", FIRST[2] ?? ""]), "2024-11-11"),
    );
    expect(res.statusCode, res.body).toBe(201);
    const denied = await call("bureauplanner", "PUT", "/api/attendance/rules", {
      params: {
        consecutiveDays: 3,
        monthDays: 5,
        transferDays: 5,
        windowDays: 20,
        rateBelow: 0.88,
        dropAtLeast: 0.05,
        cutoff: "10:00",
      },
    });
    expect(denied.statusCode).toBe(403);
    const saved = await call("bureausupervisor", "PUT", "/api/attendance/rules", {
      params: {
        consecutiveDays: 3,
        monthDays: 5,
        transferDays: 5,
        windowDays: 20,
        rateBelow: 0.88,
        dropAtLeast: 0.05,
        cutoff: "10:00",
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2 });
    const early = await call("bureauplanner", "POST", "/api/attendance/flags/evaluate", {
      date: "2024-11-18",
    });
    expect(early.json()).toMatchObject({ raised: 0, ruleVersion: 2 });
    const late = await call("bureauplanner", "POST", "/api/attendance/flags/evaluate", {
      date: "2024-11-19",
    });
    expect(late.json()).toMatchObject({ raised: 1 });
    const flags = (
      await call("bureauplanner", "GET", "/api/attendance/flags?rule=transfer-unreceived")
    ).json<Flags>();
    expect(flags.items[0]?.explanation).toBe(
      "11月11日转出，5 个工作日内（至11月18日）未见任何学校转入（规则第 2 版）",
    );
  });
});
