import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditRepo, orgUnitChangeRepo, userRepo, WHOLE_TREE } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import type { OrgUnitChangeList, OrgUnitDetail, OrgUnitPage } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

/** What the audit trail holds for one action on one unit. */
async function auditOf(server: TestServer, action: string, entityId: string) {
  return (
    await auditRepo.list(server.handle.db, { scope: WHOLE_TREE, action, entityId, limit: 10, offset: 0 })
  ).rows;
}

describe.each(testEngines())("changing org units on %s", (engine) => {
  let server: TestServer;
  let admin: TestClient;
  let township: string;
  beforeAll(async () => {
    server = await createTestServer(engine);
    admin = new TestClient(server.app);
    expect((await admin.login("systemadmin")).statusCode).toBe(200);
    township = await server.unitId("620802001");
  });
  afterAll(async () => {
    await server.close();
  });

  const newSchool = (code: string, name: string, parentId = township) => ({
    parentId,
    kind: "school",
    code,
    name,
    schoolType: "primary",
    ownership: "public",
    urbanRural: "urban",
    openedOn: "2020-09-01",
  });

  it("adds a school under a 乡镇 with an 开办 row and an audit row; refuses what it must", async () => {
    const res = await admin.request("POST", "/api/org-units", newSchool("1620802101", "崆峒区新建小学"));
    expect(res.statusCode).toBe(201);
    const unit = res.json<OrgUnitDetail>();
    expect(unit).toMatchObject({
      name: "崆峒区新建小学",
      status: "open",
      statusLabel: "在办",
      openedOn: "2020-09-01",
    });
    expect(unit.school?.schoolTypeLabel).toBe("小学");
    const changes = await orgUnitChangeRepo.listForUnit(server.handle.db, unit.id);
    expect(changes.map((c) => [c.kind, c.effective_on, c.actor_name])).toEqual([
      ["open", "2020-09-01", "systemAdmin"],
    ]);
    expect(await auditOf(server, "org.unit-create", unit.id)).toHaveLength(1);

    const duplicate = await admin.request("POST", "/api/org-units", newSchool("1620802101", "又一所"));
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json<{ error: { message: string } }>().error.message).toContain("崆峒区新建小学");
    const underSchool = await admin.request("POST", "/api/org-units", {
      parentId: unit.id,
      kind: "department",
      code: "dept-x",
      name: "校内部门",
    });
    expect(underSchool.statusCode).toBe(400);
    const badCode = await admin.request("POST", "/api/org-units", newSchool("123", "短码小学"));
    expect(badCode.statusCode).toBe(400);
    const outside = await admin.request(
      "POST",
      "/api/org-units",
      newSchool("1620821101", "泾川新校", await server.unitId("620821")),
    );
    expect(outside.statusCode).toBe(403);
    const planner = new TestClient(server.app);
    await planner.login("bureauplanner");
    const notAllowed = await planner.request("POST", "/api/org-units", newSchool("1620802102", "规划小学"));
    expect(notAllowed.statusCode).toBe(403);
  });

  it("takes the national 办学类型 and 城乡分类 codes wherever a type is given", async () => {
    const coded = await admin.request("POST", "/api/org-units", {
      ...newSchool("1620802131", "代码小学"),
      schoolType: "211 小学",
      urbanRural: "121",
    });
    expect(coded.statusCode).toBe(201);
    const unit = coded.json<OrgUnitDetail>();
    expect(unit.school).toMatchObject({ schoolType: "primary", schoolTypeLabel: "小学", urbanRural: "town" });
    expect(unit.schoolTypeCode).toBe("211");

    const edited = await admin.request("PATCH", `/api/org-units/${unit.id}`, {
      schoolType: "九年一贯制学校",
      urbanRural: "村庄",
      effectiveOn: "2021-09-01",
    });
    expect(edited.statusCode).toBe(200);
    const after = edited.json<OrgUnitDetail>();
    expect(after.school).toMatchObject({ schoolType: "nineYear", urbanRural: "rural" });
    expect(after.schoolTypeCode).toBe("312");

    const listed = await admin.request("GET", `/api/org-units?parentId=${township}&schoolType=312`);
    expect(listed.json<OrgUnitPage>().items.map((u) => u.name)).toContain("代码小学");

    const annex = await admin.request("POST", "/api/org-units", {
      ...newSchool("1620802132", "附设班"),
      schoolType: "219",
    });
    expect(annex.statusCode).toBe(400);
    expect(JSON.stringify(annex.json())).toContain("附设班不是单独的单位");
    const wrongArea = await admin.request("POST", "/api/org-units", {
      ...newSchool("1620802133", "错码小学"),
      urbanRural: "999",
    });
    expect(wrongArea.statusCode).toBe(400);
    expect(JSON.stringify(wrongArea.json())).toContain("城乡分类无效");
  });

  it("renames with an effective day and records only the registry fields that changed", async () => {
    const id = await server.unitId("1620802101");
    const res = await admin.request("PATCH", `/api/org-units/${id}`, {
      name: "崆峒区育才小学",
      principal: "王校长",
      sponsor: null,
      address: "",
      effectiveOn: "2023-03-01",
      reason: "更名批复",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<OrgUnitDetail>()).toMatchObject({ name: "崆峒区育才小学", principal: "王校长" });
    const changes = (await admin.request("GET", `/api/org-units/${id}/changes`)).json<OrgUnitChangeList>()
      .items;
    const rename = changes.find((c) => c.kind === "rename");
    expect(rename).toMatchObject({
      kindLabel: "更名",
      effectiveOn: "2023-03-01",
      before: { name: "崆峒区新建小学" },
      after: { name: "崆峒区育才小学" },
      reason: "更名批复",
      actorName: "systemAdmin",
    });
    const edit = changes.find((c) => c.kind === "edit");
    expect(edit?.before).toEqual({ principal: null });
    expect(edit?.after).toEqual({ principal: "王校长" });
    const [audit] = await auditOf(server, "org.unit-update", id);
    expect(JSON.stringify(audit?.details)).not.toContain("王校长");
  });

  it("moves a school to another 乡镇 of the county, never into another county", async () => {
    const county = await server.unitId("620802");
    const created = await admin.request("POST", "/api/org-units", {
      parentId: county,
      kind: "township",
      code: "620802002",
      name: "西郊街道",
    });
    expect(created.statusCode).toBe(201);
    const west = created.json<OrgUnitDetail>();
    const id = await server.unitId("1620802101");
    const moved = await admin.request("POST", `/api/org-units/${id}/move`, {
      parentId: west.id,
      effectiveOn: "2024-01-01",
    });
    expect(moved.statusCode).toBe(200);
    const unit = moved.json<OrgUnitDetail>();
    expect(unit.parentId).toBe(west.id);
    expect(unit.ancestors.map((a) => a.name)).toEqual(["崆峒区", "西郊街道"]);
    expect(unit.depth).toBe(west.depth + 1);
    const move = (await admin.request("GET", `/api/org-units/${id}/changes`))
      .json<OrgUnitChangeList>()
      .items.find((c) => c.kind === "move");
    expect(move).toMatchObject({ before: { parentId: township }, after: { parentId: west.id } });
    expect(await auditOf(server, "org.unit-move", id)).toHaveLength(1);
    const listed = await admin.request("GET", `/api/org-units?parentId=${west.id}`);
    expect(listed.json<OrgUnitPage>().items.map((u) => u.code)).toEqual(["1620802101"]);
    const elsewhere = await admin.request("POST", `/api/org-units/${id}/move`, {
      parentId: await server.unitId("620821"),
    });
    expect(elsewhere.statusCode).toBe(403);
  });

  it("refuses to close a unit with open children, closes it once they are gone", async () => {
    const west = await server.unitId("620802002");
    const refused = await admin.request("POST", `/api/org-units/${west}/close`, {
      effectiveOn: "2024-06-01",
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain("崆峒区育才小学");
    const school = await server.unitId("1620802101");
    const closeSchool = await admin.request("POST", `/api/org-units/${school}/close`, {
      effectiveOn: "2024-06-01",
    });
    expect(closeSchool.statusCode).toBe(200);
    expect(closeSchool.json<OrgUnitDetail>()).toMatchObject({ status: "closed", statusLabel: "已撤销" });
    const closed = await admin.request("POST", `/api/org-units/${west}/close`, { effectiveOn: "2024-06-01" });
    expect(closed.statusCode).toBe(200);
    expect(await auditOf(server, "org.unit-close", west)).toHaveLength(1);
    // Today's list hides closed units; includeClosed and the detail page still show them.
    const county = await server.unitId("620802");
    const today = (await admin.request("GET", `/api/org-units?parentId=${county}`)).json<OrgUnitPage>();
    expect(today.items.map((u) => u.code)).not.toContain("620802002");
    const all = await admin.request("GET", `/api/org-units?parentId=${county}&includeClosed=true`);
    expect(all.json<OrgUnitPage>().items.map((u) => u.code)).toContain("620802002");
    expect((await admin.request("GET", `/api/org-units/${school}`)).json<OrgUnitDetail>().closedOn).toBe(
      "2024-06-01",
    );
    const reopened = await admin.request("POST", `/api/org-units/${west}/reopen`, {});
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json<OrgUnitDetail>()).toMatchObject({ status: "open", closedOn: null });
    expect(await auditOf(server, "org.unit-reopen", west)).toHaveLength(1);
  });

  it("merges a school: it points at the other, its accounts are disabled and cannot log in", async () => {
    const a = await server.unitId("1620802001");
    const b = await server.unitId("1620802002");
    const schoolUser = new TestClient(server.app);
    expect((await schoolUser.login("schooluser")).statusCode).toBe(200);
    const outside = await admin.request("POST", `/api/org-units/${a}/merge`, {
      intoId: await server.unitId("1620821001"),
    });
    expect(outside.statusCode).toBe(403);
    const res = await admin.request("POST", `/api/org-units/${a}/merge`, {
      intoId: b,
      effectiveOn: "2024-07-01",
      reason: "布局调整",
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<OrgUnitDetail>()).toMatchObject({
      status: "merged",
      statusLabel: "已撤并",
      closedOn: "2024-07-01",
      mergedInto: { id: b, name: "崆峒区第2小学" },
    });
    const intoChanges = (await admin.request("GET", `/api/org-units/${b}/changes`)).json<OrgUnitChangeList>();
    expect(intoChanges.items[0]).toMatchObject({
      kind: "merge",
      relatedUnit: { id: a, name: "崆峒区第1小学" },
    });
    const [audit] = await auditOf(server, "org.unit-merge", a);
    expect(audit?.details).toMatchObject({ intoId: b, disabledAccounts: 1 });
    expect((await userRepo.findByLogin(server.handle.db, "schooluser"))?.is_disabled).toBe(true);
    // The live session ended with the account, and a new login is refused like any other.
    expect((await schoolUser.request("GET", "/api/org-units")).statusCode).toBe(401);
    // A new login is refused the way any disabled account's is: 401 invalid-credentials.
    const refused = await new TestClient(server.app).login("schooluser");
    const wrongPassword = await new TestClient(server.app).login("leader", "wrong-password");
    expect(refused.statusCode).toBe(wrongPassword.statusCode);
    // Same answer as a wrong password, so that a login name cannot be probed for its state.
    const answer = (r: typeof refused) => {
      const { code, message } = r.json<{ error: { code: string; message: string } }>().error;
      return { code, message };
    };
    expect(answer(refused)).toEqual(answer(wrongPassword));
    const again = await admin.request("POST", `/api/org-units/${a}/merge`, { intoId: b });
    expect(again.statusCode).toBe(409);
  });
});
