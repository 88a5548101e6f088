/**
 * 下校督导 to 销号 through the API on both engines: the 责任督学 sends a visit (answers, a finding, a
 * photo; the same draft twice is one visit), issues the 整改通知书 (a .docx in 公文 layout and a ledger
 * task led by the school, deadline by severity), the school 签收s and reports with evidence and asks for
 * 销号, 销号 is refused until the 督学's 复查 passes, then another reviewer closes it; a finding on the
 * same item at the next visit is flagged as repeated; a 督学 cannot reach a school outside the 责任区.
 */
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

/** A 1×1 PNG: the photo taken at the gate. */
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const PDF = Buffer.from("%PDF-1.4\n%整改佐证\n").toString("base64");

interface Item {
  id: string;
  code: string;
  judge: string;
  photoRequired: boolean;
}
interface Detail {
  id: string;
  noticeId: string | null;
  findings: {
    id: string;
    repeatOf: string | null;
    task: { id: string; state: string; deadline: string } | null;
    recheck: string | null;
  }[];
  photos: { id: string }[];
}

describe.each(testEngines())("下校督导 → 整改 → 复查 → 销号 (%s)", (engine) => {
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
  let school1 = "";
  let school2 = "";
  let checklist = "";
  let items: Item[] = [];
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  const answers = () =>
    items.map((i) => ({
      itemId: i.id,
      value: i.judge === "yesNo" ? i.code !== "F1" : i.judge === "score" ? 8 : 1,
      note: "",
    }));
  const photosFor = () =>
    items
      .filter((i) => i.photoRequired)
      .map((i) => ({ itemId: i.id, findingIndex: null, fileName: `${i.code}.png`, contentBase64: PNG }));
  const visitBody = (clientKey: string, schoolId = school1) => ({
    schoolId,
    checklistId: checklist,
    visitedOn: today,
    clientKey,
    summary: "校园巡视、随机听课",
    answers: answers(),
    findings: [
      {
        itemId: items.find((i) => i.code === "F1")?.id ?? null,
        area: "校园及周边安全、学生交通安全",
        text: "一键报警装置失灵",
        severity: "serious",
      },
    ],
    photos: photosFor(),
  });

  beforeAll(async () => {
    server = await createTestServer(engine);
    school1 = await server.unitId("1620802001");
    school2 = await server.unitId("1620802002");
    const supervisor = await as("bureausupervisor");
    const roster = (await supervisor.request("GET", "/api/inspection/inspectors")).json<{
      unrostered: { userId: string }[];
    }>();
    const put = await supervisor.request(
      "PUT",
      `/api/inspection/inspectors/${roster.unrostered[0]?.userId ?? ""}`,
      {
        kind: "partTime",
        zoneName: "第一责任区",
        phone: "",
        duties: "",
        schoolIds: [school1],
      },
    );
    expect(put.statusCode, put.body).toBe(200);
    const lists = (await supervisor.request("GET", "/api/inspection/checklists")).json<{
      items: { id: string; code: string }[];
    }>();
    checklist = lists.items.find((c) => c.code === "regular-8")?.id ?? "";
    items = (await supervisor.request("GET", `/api/inspection/checklists/${checklist}`)).json<{
      items: Item[];
    }>().items;
  }, 120_000);
  afterAll(async () => {
    await server.close();
  });

  let visit: Detail;

  it("refuses a visit without the photos its checklist requires, and a school outside the 责任区", async () => {
    const inspector = await as("inspector");
    const noPhoto = await inspector.request("POST", "/api/inspection/visits", {
      ...visitBody("draft-0000a"),
      photos: [],
    });
    expect(noPhoto.statusCode).toBe(400);
    expect(noPhoto.body).toContain("须拍照");
    const outside = await inspector.request(
      "POST",
      "/api/inspection/visits",
      visitBody("draft-0000b", school2),
    );
    expect(outside.statusCode).toBe(403);
  });

  it("records a visit once, however often the phone sends the draft", async () => {
    const inspector = await as("inspector");
    const first = await inspector.request("POST", "/api/inspection/visits", visitBody("draft-00001"));
    expect(first.statusCode, first.body).toBe(201);
    const again = await inspector.request("POST", "/api/inspection/visits", visitBody("draft-00001"));
    visit = again.json<Detail>();
    expect(visit.id).toBe(first.json<Detail>().id);
    // the same draft key for another school is a mistake, not a resend
    const reused = await inspector.request("POST", "/api/inspection/visits", {
      ...visitBody("draft-00001"),
      checklistId: items[0]?.id ?? "",
    });
    expect(reused.statusCode).toBe(409);
    expect(visit.findings).toHaveLength(1);
    expect(visit.photos.length).toBeGreaterThan(0);
    const photo = await inspector.request("GET", `/api/inspection/photos/${visit.photos[0]?.id ?? ""}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers["content-type"]).toBe("image/png");
    const list = (await (await as("schooluser")).request("GET", "/api/inspection/visits")).json<{
      items: unknown[];
    }>();
    expect(list.items).toHaveLength(1);
  });

  it("issues the 整改通知书 in one step: a .docx and a ledger task led by the school", async () => {
    const issued = await (await as("inspector")).request("POST", `/api/inspection/visits/${visit.id}/notice`);
    expect(issued.statusCode, issued.body).toBe(201);
    visit = issued.json<Detail>();
    const task = visit.findings[0]?.task;
    expect(task?.state).toBe("assigned");
    // 严重问题: 5 working days
    expect(task !== undefined && task !== null && task.deadline > today).toBe(true);
    const twice = await (await as("inspector")).request("POST", `/api/inspection/visits/${visit.id}/notice`);
    expect(twice.statusCode).toBe(409);
    const docx = await (
      await as("schooluser")
    ).request("GET", `/api/inspection/notices/${visit.noticeId ?? ""}/docx`);
    expect(docx.statusCode).toBe(200);
    const xml =
      (await (await JSZip.loadAsync(docx.rawPayload)).file("word/document.xml")?.async("string")) ?? "";
    expect(xml).toContain("教育督导整改通知书");
    expect(xml).toContain("一键报警装置失灵");
    expect(xml).toContain("崆峒区督整〔");
    // the school sees the task in its ledger
    const mine = await (await as("schooluser")).request("GET", `/api/tasks/${task?.id ?? ""}`);
    expect(mine.statusCode, mine.body).toBe(200);
  });

  it("closes only after the school's evidence and the 督学's 复查, by someone other than the issuer", async () => {
    const taskId = visit.findings[0]?.task?.id ?? "";
    const findingId = visit.findings[0]?.id ?? "";
    const school = await as("schooluser");
    expect(
      (await school.request("POST", `/api/tasks/${taskId}/actions`, { action: "accept" })).statusCode,
    ).toBe(200);
    const report = await school.request("POST", `/api/tasks/${taskId}/reports`, {
      period: "once",
      progress: 100,
      text: "已更换报警装置并联网测试",
      isConsolidated: true,
      attachments: [{ fileName: "整改佐证.pdf", contentBase64: PDF }],
    });
    expect(report.statusCode, report.body).toBeLessThan(300);
    const early = await (
      await as("inspector")
    ).request("POST", `/api/inspection/findings/${findingId}/recheck`, {
      result: "passed",
    });
    expect(early.statusCode).toBe(409);
    expect(
      (await school.request("POST", `/api/tasks/${taskId}/actions`, { action: "submitForReview" }))
        .statusCode,
    ).toBe(200);
    const supervisor = await as("bureausupervisor");
    const refused = await supervisor.request("POST", `/api/tasks/${taskId}/actions`, { action: "approve" });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain("复查");
    const failed = await (
      await as("inspector")
    ).request("POST", `/api/inspection/findings/${findingId}/recheck`, {
      result: "failed",
      note: "",
    });
    expect(failed.statusCode).toBe(400);
    const passed = await (
      await as("inspector")
    ).request("POST", `/api/inspection/findings/${findingId}/recheck`, {
      result: "passed",
      note: "现场测试报警正常",
    });
    expect(passed.statusCode, passed.body).toBe(200);
    const closed = await supervisor.request("POST", `/api/tasks/${taskId}/actions`, { action: "approve" });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = (
      await (await as("inspector")).request("GET", `/api/inspection/visits/${visit.id}`)
    ).json<Detail>();
    expect(after.findings[0]).toMatchObject({ recheck: "passed", task: { state: "closed" } });
  });

  it("flags the same finding at the next visit as repeated", async () => {
    const next = await (
      await as("inspector")
    ).request("POST", "/api/inspection/visits", visitBody("draft-00002"));
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json<Detail>().findings[0]?.repeatOf).toBe(visit.findings[0]?.id);
    // the workload: two visits this semester against the floor of 2 per school of the 责任区
    const roster = (await (await as("bureausupervisor")).request("GET", "/api/inspection/inspectors")).json<{
      items: { visitsThisSemester: number; visitsRequired: number }[];
    }>();
    expect(roster.items[0]).toMatchObject({ visitsThisSemester: 2, visitsRequired: 2 });
  });
});
