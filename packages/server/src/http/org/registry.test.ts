import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { orgRegistryRepo, orgUnitRepo } from "@luoshi/db";
import { testEngines } from "@luoshi/db/testing";
import { schoolListCsv, syntheticSchoolList, type SyntheticSchoolList } from "@luoshi/domain/org";
import type { RegistryImport } from "@luoshi/contracts";
import { createTestServer, TestClient, type TestServer } from "../../testing.ts";

const TOWNS = [
  { code: "620802001", name: "中街街道" },
  { code: "620802101", name: "柳湖镇" },
];

const upload = (client: TestClient, bytes: Buffer, fileName = "名录.csv", query = "") =>
  client.request(
    "POST",
    `/api/org-units/registry/preview?fileName=${encodeURIComponent(fileName)}${query}`,
    bytes,
    { "content-type": "application/octet-stream" },
  );
const csv = (list: SyntheticSchoolList) => Buffer.from(schoolListCsv(list), "utf8");

describe.each(testEngines())("unit registry import on %s", (engine) => {
  let server: TestServer;
  let admin: TestClient;
  let list: SyntheticSchoolList;
  beforeAll(async () => {
    server = await createTestServer(engine);
    const county = await orgUnitRepo.findByCode(server.handle.db, "620802");
    await orgUnitRepo.insert(
      server.handle.db,
      { kind: "township", code: "620802101", name: "柳湖镇", parent_id: county?.id ?? null },
      county ?? null,
    );
    admin = new TestClient(server.app);
    await admin.login("systemadmin");
    list = syntheticSchoolList("620802", "崆峒区", TOWNS, { count: 6, seed: 3, start: 11 });
  });
  afterAll(async () => {
    await server.close();
  });

  it("refuses a file with one bad row, writes nothing and names the row and column", async () => {
    const before = await orgUnitRepo.count(server.handle.db);
    const bad = { ...list, rows: list.rows.map((r, i) => (i === 1 ? ["16208020", ...r.slice(1)] : r)) };
    const res = await upload(admin, csv(bad));
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      error: { message: string; details: { problems: { row: number; column: string }[] } };
    }>();
    expect(body.error.details.problems).toEqual([expect.objectContaining({ row: 4, column: "学校标识码" })]);
    expect(body.error.message).toContain("第 4 行“学校标识码”列");
    expect(await orgUnitRepo.count(server.handle.db)).toBe(before);
  });

  it("previews, then applies: schools under their 乡镇 with the file's fields", async () => {
    const res = await upload(admin, csv(list));
    expect(res.statusCode).toBe(201);
    const preview = res.json<RegistryImport>();
    expect(preview.added).toHaveLength(6);
    expect(preview.missing.map((m) => m.code).sort()).toEqual(["1620802001", "1620802002"]);
    expect(preview.added[0]?.code).toBe("1620802011");
    expect(
      (await admin.request("GET", `/api/org-units/registry/${preview.id}`)).json<RegistryImport>().id,
    ).toBe(preview.id);
    const applied = await admin.request("POST", `/api/org-units/registry/${preview.id}/apply`, {
      effectiveOn: "2025-09-01",
    });
    expect(applied.json()).toEqual({ added: 6, changed: 0, effectiveOn: "2025-09-01" });
    const [row] = list.rows;
    const unit = await orgUnitRepo.findByCode(server.handle.db, row?.[0] ?? "");
    const township = await orgUnitRepo.findByCode(
      server.handle.db,
      TOWNS.find((t) => t.name === row?.[5])?.code ?? "",
    );
    expect(unit).toMatchObject({
      name: "崆峒区示例第一小学",
      parent_id: township?.id,
      school_type: "primary",
      school_type_code: "211",
      phone: row?.[8],
      principal: row?.[7],
      opened_on: null,
    });
    expect(unit?.path).toBe(`${township?.path ?? ""}${unit?.id ?? ""}/`);
    const again = await admin.request("POST", `/api/org-units/registry/${preview.id}/apply`, {});
    expect(again.statusCode).toBe(409);
  });

  it("re-imports an edited list: exactly the four changes, applied without duplicates", async () => {
    const rows = list.rows.map((r) => [...r]);
    const [first, second, , fourth] = rows;
    if (first === undefined || second === undefined || fourth === undefined) {
      throw new Error("list too short");
    }
    first[1] = "崆峒区示例第一实验小学";
    second[5] = second[5] === "柳湖镇" ? "中街街道" : "柳湖镇";
    fourth[8] = "13900009999";
    rows.push(["1620802099", "崆峒区示例新建小学", "211", "县级教育部门", "121", "柳湖镇", "", "", "", ""]);
    const res = await upload(
      admin,
      Buffer.from(iconv.encode(schoolListCsv({ ...list, rows }).slice(1), "gb18030")),
    );
    expect(res.statusCode).toBe(201);
    const p = res.json<RegistryImport>();
    expect(p.added.map((a) => a.code)).toEqual(["1620802099"]);
    expect(p.changed.map((c) => [c.code, c.changeKinds, c.fields.map((f) => f.label)])).toEqual([
      [first[0], ["rename"], ["名称"]],
      [second[0], ["move"], ["隶属"]],
      [fourth[0], ["edit"], ["联系电话"]],
    ]);
    expect(p.unchanged).toBe(3);
    expect((await admin.request("POST", `/api/org-units/registry/${p.id}/apply`, {})).statusCode).toBe(200);
    const schools = await admin.request("GET", "/api/org-units?kind=school&q=示例&pageSize=100");
    expect(schools.json<{ total: number }>().total).toBe(7);
    const changes = await orgRegistryRepo.changesOfImport(server.handle.db, p.id);
    expect(changes.map((c) => c.kind).sort()).toEqual(["edit", "move", "open", "rename"]);
    const moved = await orgUnitRepo.findByCode(server.handle.db, second[0] ?? "");
    const town = await orgUnitRepo.findByCode(
      server.handle.db,
      TOWNS.find((t) => t.name === second[5])?.code ?? "",
    );
    expect(moved?.parent_id).toBe(town?.id);
    expect(moved?.path.startsWith(town?.path ?? "-")).toBe(true);
    const same = await upload(admin, Buffer.from(schoolListCsv({ ...list, rows }), "utf8"));
    expect(same.json<RegistryImport>()).toMatchObject({ added: [], changed: [], unchanged: 7 });
  });

  it("refuses a preview made before the county's units changed, and a discarded one", async () => {
    const extra = {
      ...list,
      rows: [...list.rows, ["1620802098", "崆峒区示例乙校", "211", "", "121", "柳湖镇", "", "", "", ""]],
    };
    const a = (await upload(admin, csv(extra))).json<RegistryImport>();
    const b = (await upload(admin, csv(extra))).json<RegistryImport>();
    expect((await admin.request("POST", `/api/org-units/registry/${b.id}/apply`, {})).statusCode).toBe(200);
    const stale = await admin.request("POST", `/api/org-units/registry/${a.id}/apply`, {});
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { message: string } }>().error.message).toContain("已有变动");
    const c = (await upload(admin, csv(extra))).json<RegistryImport>();
    expect((await admin.request("POST", `/api/org-units/registry/${c.id}/discard`, {})).statusCode).toBe(200);
    expect((await admin.request("POST", `/api/org-units/registry/${c.id}/apply`, {})).statusCode).toBe(409);
  });

  it("adds departments under new and existing parents and moves one, keeping paths whole", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("学校名录").addRow(["学校标识码", "学校名称", "办学类型", "城乡分类", "所在乡镇"]);
    const sheet = wb.addWorksheet("责任单位");
    sheet.addRow(["单位名称", "单位代码", "简称/别名", "上级单位"]);
    sheet.addRow(["崆峒区教育局", "620802-jyj", "区教育局", ""]);
    sheet.addRow(["崆峒区教育局办公室", "", "局办", "区教育局"]);
    sheet.addRow(["发改局规划股", "", "", "崆峒区发改局"]);
    sheet.addRow(["崆峒区发改局", "", "", ""]);
    sheet.addRow(["崆峒区财政局", "620802-czj", "区财政局", "崆峒区发改局"]);
    const res = await upload(admin, Buffer.from(await wb.xlsx.writeBuffer()), "责任单位.xlsx");
    expect(res.statusCode).toBe(201);
    const p = res.json<RegistryImport>();
    expect(p.added.map((a) => [a.name, a.code, a.parentName])).toEqual([
      ["崆峒区发改局", "620802-3", "崆峒区"],
      ["崆峒区教育局办公室", "620802-1", "崆峒区教育局"],
      ["发改局规划股", "620802-2", "崆峒区发改局"],
    ]);
    expect(p.changed.map((c) => [c.code, c.changeKinds])).toEqual([["620802-czj", ["move"]]]);
    expect(p.unchanged).toBe(1);
    expect((await admin.request("POST", `/api/org-units/registry/${p.id}/apply`, {})).statusCode).toBe(200);
    const db = server.handle.db;
    const [ndrc, section, finance, office, bureau] = await Promise.all(
      ["620802-3", "620802-2", "620802-czj", "620802-1", "620802-jyj"].map((c) =>
        orgUnitRepo.findByCode(db, c),
      ),
    );
    expect(section?.path).toBe(`${ndrc?.path ?? ""}${section?.id ?? ""}/`);
    expect(finance?.path).toBe(`${ndrc?.path ?? ""}${finance?.id ?? ""}/`);
    expect(finance?.depth).toBe((ndrc?.depth ?? 0) + 1);
    expect(office?.parent_id).toBe(bureau?.id);
    expect(office?.aliases).toEqual(["局办"]);
    // the unit user of 财政局 keeps a scope that follows the moved unit
    const unitUser = new TestClient(server.app);
    await unitUser.login("unituser");
    expect((await unitUser.request("GET", `/api/org-units/${finance?.id ?? ""}`)).statusCode).toBe(200);
  });

  it("answers 403 for another county and for roles without org.write", async () => {
    const other = await server.unitId("620821");
    expect((await upload(admin, csv(list), "名录.csv", `&countyId=${other}`)).statusCode).toBe(403);
    const unitUser = new TestClient(server.app);
    await unitUser.login("unituser");
    expect((await upload(unitUser, csv(list))).statusCode).toBe(403);
    expect((await unitUser.request("GET", "/api/org-units/registry/template.xlsx")).statusCode).toBe(403);
  });

  it("serves a template with 填写说明 that previews as its two example schools", async () => {
    const res = await admin.request("GET", "/api/org-units/registry/template.xlsx");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["学校名录", "责任单位", "填写说明"]);
    const help = wb.getWorksheet("填写说明");
    const texts: string[] = [];
    help?.eachRow((r) => texts.push(`${r.getCell(1).text},${r.getCell(2).text}`));
    expect(texts.join("\n")).toContain("620802101,柳湖镇");
    expect(texts.join("\n")).toContain("218,小学教学点");
    const p = await upload(admin, res.rawPayload, "模板.xlsx");
    expect(p.statusCode).toBe(201);
    const body = p.json<RegistryImport>();
    expect(body.added.map((a) => a.name)).toEqual(
      ["崆峒区示例第一小学", "崆峒区示例第一幼儿园"].map((n) => n),
    );
    expect(body.changed).toEqual([]);
  });
});
