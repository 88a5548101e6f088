import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines } from "@luoshi/db/testing";
import { auditRepo, userRepo, WHOLE_TREE } from "@luoshi/db";
import type { TaskDetail } from "@luoshi/contracts";
import { systemActor } from "../../context.ts";
import { setClearance } from "../../services/access/clearance.ts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n").toString("base64");
const inDays = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

/**
 * 安全标记 (等保三级 "security labels"): a report attachment labelled 敏感 is served only to readers whose
 * clearance reaches it — scope and role are not enough — and each refusal is in the trail.
 */
describe.each(testEngines())("security labels on attachments on %s", { timeout: 180_000 }, (engine) => {
  let server: TestServer;
  let bureau: TestClient;
  let files: { id: string; fileName: string }[];
  beforeAll(async () => {
    server = await createTestServer(engine);
    bureau = new TestClient(server.app);
    const lead = new TestClient(server.app);
    const school = new TestClient(server.app);
    await bureau.login("bureauplanner");
    await lead.login("unituser");
    await school.login("schooluser");
    const created = await bureau.request("POST", "/api/tasks", {
      title: "核查家庭经济困难学生资助名单（合成数据）",
      sourceKind: "leader",
      sourceNote: "局长办公会交办",
      leadUnitId: await server.unitId("620802-czj"),
      coUnitIds: [await server.unitId("1620802001")],
      deadline: inDays(60),
      milestones: [{ title: "名单核查", dueOn: inDays(30) }],
    });
    const task = created.json<TaskDetail>();
    await bureau.request("POST", `/api/tasks/${task.id}/actions`, { action: "assign" });
    await lead.request("POST", `/api/tasks/${task.id}/actions`, { action: "accept" });
    const reported = await school.request("POST", `/api/tasks/${task.id}/reports`, {
      period: inDays(0).slice(0, 7),
      progress: 50,
      text: "已核查",
      attachments: [
        { fileName: "资助名单.pdf", contentBase64: PDF, sensitivity: "sensitive" },
        { fileName: "工作简报.pdf", contentBase64: PDF },
      ],
    });
    expect(reported.statusCode, reported.body).toBe(200);
    files = reported.json<TaskDetail>().reports[0]?.attachments ?? [];
  }, 300_000);
  afterAll(async () => {
    await server.close();
  });

  it("refuses a 敏感 file to a 一般 clearance, serves the 一般 one, and audits the refusal", async () => {
    const [sensitive, general] = files;
    expect(sensitive?.fileName).toBe("资助名单.pdf");
    const refused = await bureau.request("GET", `/api/attachments/${sensitive?.id ?? ""}`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { message: string } }>().error.message).toBe(
      "密级不足：该附件标记为“敏感”，您的许可级别为“一般”",
    );
    expect((await bureau.request("GET", `/api/attachments/${general?.id ?? ""}`)).statusCode).toBe(200);
    const trail = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "task.attachment-read",
      entityId: sensitive?.id ?? "",
      limit: 5,
      offset: 0,
    });
    expect(trail.rows[0]?.result).toBe("failure");
    expect(trail.rows[0]?.details).toMatchObject({
      reason: "clearance",
      label: "sensitive",
      clearance: "general",
    });
  });

  it("serves it once the security administrator grants the clearance, and the grant is audited", async () => {
    const [sensitive] = files;
    const planner = await userRepo.findByLogin(server.handle.db, "bureauplanner");
    await setClearance(
      server.deps,
      { ...systemActor("cli:test"), role: "securityAdmin" },
      planner?.id ?? "",
      "sensitive",
    );
    const res = await bureau.request("GET", `/api/attachments/${sensitive?.id ?? ""}`);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 4).toString()).toBe("%PDF");
    const grants = await auditRepo.list(server.handle.db, {
      scope: WHOLE_TREE,
      action: "user.clearance",
      limit: 5,
      offset: 0,
    });
    expect(grants.rows[0]?.after).toEqual({ clearance: "sensitive" });
    // a system administrator holds no grant right
    await expect(
      setClearance(server.deps, { ...systemActor("x"), role: "systemAdmin" }, planner?.id ?? "", "general"),
    ).rejects.toThrow();
  });
});
