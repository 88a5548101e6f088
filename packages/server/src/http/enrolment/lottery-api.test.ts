/**
 * 超员摇号 through the API on both engines: the bureau freezes the approved applications (the published
 * SHA-256 is the draw module's list digest), records the public numbers and draws once; the oversubscribed
 * school admits by tier and lottery number and places the rest in its neighbouring 片区 (调剂); the
 * published texts alone reproduce the result by the path `luoshi draw verify` and /verify-draw take.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  compareWithPublished,
  drawFromText,
  parseLabelText,
  listDigest,
  publishedRows,
} from "@luoshi/common/draw";
import { readCsv } from "@luoshi/common";
import { testEngines } from "@luoshi/db/testing";
import { idNumberCheckChar } from "@luoshi/domain/pii";
import type { LotteryView } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;
const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
const ENTROPY = "双色球 2026060 期：3 11 19 24 27 31 9\n福彩3D 2026150 期：381\n";

describe.each(testEngines())("摇号 API (%s)", (engine) => {
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
    const catchments = await call("bureauplanner", "POST", "/api/enrolment/catchments/imports", {
      fileName: "片区.csv",
      schoolYear: 2026,
      contentBase64: b64(
        "学校,学段,乡镇（街道）,社区/小区/村,招生计划\n1620802001,小学,中街街道,东关社区,1\n1620802002,小学,中街街道,西关村,5\n",
      ),
    });
    expect(catchments.statusCode, catchments.body).toBe(201);
    const rows = [
      `1620802001,甲测试一,${id("62080220190301111")},是,是`,
      `1620802001,乙测试二,${id("62080220190302122")},是,否`,
      `1620802001,丙测试三,${id("62080220190303133")},是,否`,
      `1620802002,丁测试四,${id("62080220190304144")},是,是`,
    ];
    const apps = await call("bureauplanner", "POST", "/api/enrolment/applications/imports", {
      fileName: "报名.csv",
      schoolYear: 2026,
      contentBase64: b64(`报名学校,姓名,身份证件号,户籍在片区,房产在片区\n${rows.join("\n")}\n`),
    });
    expect(apps.statusCode, apps.body).toBe(201);
    const list = (await call("bureauplanner", "GET", "/api/enrolment/applications?year=2026")).json<{
      items: { id: string }[];
    }>();
    for (const item of list.items) {
      const res = await call("bureauplanner", "POST", `/api/enrolment/applications/${item.id}/decision`, {
        decision: "approved",
        reason: "材料齐全",
      });
      expect(res.statusCode).toBe(200);
    }
  }, 180_000);
  afterAll(async () => {
    await server.close();
  });

  it("refuses a draw before the freeze, then freezes and publishes the list's digest", async () => {
    expect(
      (
        await call("bureauplanner", "POST", "/api/enrolment/lottery/draw", {
          schoolYear: 2026,
          entropy: ENTROPY,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await call("schooluser", "POST", "/api/enrolment/lottery/freeze", { schoolYear: 2026 })).statusCode,
    ).toBe(403);
    const res = await call("bureauplanner", "POST", "/api/enrolment/lottery/freeze", { schoolYear: 2026 });
    expect(res.statusCode, res.body).toBe(201);
    const lottery = res.json<LotteryView>().lottery;
    expect(lottery?.status).toBe("frozen");
    expect(lottery?.listSha256).toBe(listDigest(parseLabelText(lottery?.labels ?? "")));
    expect(lottery?.labels).not.toMatch(/测试/);
    expect(
      lottery?.schools.map((s) => [s.name, s.seats, s.applicants, s.oversubscribed, s.neighbours]),
    ).toEqual([
      ["崆峒区第1小学", 1, 3, true, ["崆峒区第2小学"]],
      ["崆峒区第2小学", 5, 1, false, ["崆峒区第1小学"]],
    ]);
    expect(
      (await call("bureauplanner", "POST", "/api/enrolment/lottery/freeze", { schoolYear: 2026 })).statusCode,
    ).toBe(409);
  });

  it("draws once, admits by tier then lottery number, places the rest by 调剂, and the published texts reproduce it", async () => {
    const res = await call("bureausupervisor", "POST", "/api/enrolment/lottery/draw", {
      schoolYear: 2026,
      entropy: ENTROPY,
    });
    expect(res.statusCode, res.body).toBe(200);
    const lottery = res.json<LotteryView>().lottery;
    const first = lottery?.admissions.filter((a) => a.applied === "崆峒区第1小学") ?? [];
    // the A applicant (户籍+房产) comes before the two B applicants whatever their numbers
    expect(first.map((a) => [a.name, a.tier, a.status, a.school])).toEqual([
      ["甲**一", 1, "admitted", "崆峒区第1小学"],
      [expect.stringMatching(/^[乙丙]\*\*[二三]$/), 2, "reassigned", "崆峒区第2小学"],
      [expect.stringMatching(/^[乙丙]\*\*[二三]$/), 2, "reassigned", "崆峒区第2小学"],
    ]);
    expect(lottery?.schools[1]).toMatchObject({ reassignedIn: 2 });
    const again = await call("bureauplanner", "POST", "/api/enrolment/lottery/draw", {
      schoolYear: 2026,
      entropy: "双色球：1 2 3 4 5 6 7",
    });
    expect(again.statusCode).toBe(409);

    // anyone holding the three published texts re-runs it (the CLI's and the page's path)
    const read = (await call("schooluser", "GET", "/api/enrolment/lottery?year=2026")).json<LotteryView>()
      .lottery;
    const recomputed = drawFromText({ labels: read?.labels ?? "", entropy: read?.entropy ?? "" });
    expect(recomputed.listDigest).toBe(read?.listSha256);
    expect(compareWithPublished(recomputed, publishedRows(readCsv(read?.resultCsv ?? "").records))).toEqual(
      [],
    );
    // each child's rank in the result is the lottery number its admission shows
    const ranks = new Map(recomputed.order.map((e) => [e.label, e.rank]));
    for (const a of read?.admissions ?? []) {
      expect(a.lotteryRank).toBe(ranks.get(a.label));
    }
    expect(JSON.stringify(read)).not.toContain("测试一");
  });

  it("balances the placed pupils of a school into classes, seeded by the lottery's public numbers", async () => {
    const body = {
      schoolYear: 2026,
      schoolCode: "1620802002",
      classCount: 2,
      teachers: ["教师甲", "教师乙"],
    };
    const res = await call("bureauplanner", "POST", "/api/enrolment/classes/preview", body);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<{
      pupils: number;
      maxDeviation: number;
      classes: { classNo: number; size: number; teacher: string; pupils: { name: string }[] }[];
    }>();
    expect(preview.pupils).toBe(3);
    expect(preview.classes.map((c) => c.size).sort()).toEqual([1, 2]);
    expect(preview.maxDeviation).toBe(0.5);
    expect(preview.classes.map((c) => c.teacher).sort()).toEqual(["教师乙", "教师甲"].sort());
    expect(JSON.stringify(preview)).not.toContain("测试");
    // the same inputs give the same classes
    const again = await call("bureausupervisor", "POST", "/api/enrolment/classes/preview", body);
    expect(again.json()).toEqual(preview);
    expect((await call("schooluser", "POST", "/api/enrolment/classes/preview", body)).statusCode).toBe(403);
  });
});
