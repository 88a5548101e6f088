import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import type { IndicatorChildren, IndicatorList } from "@luoshi/contracts";
import { type DatabaseHandle, orgUnitRepo, scopeOf, statsRepo } from "@luoshi/db";
import { createTestDatabase, testEngines } from "@luoshi/db/testing";
import { parseConfig } from "../../config.ts";
import type { ServiceDeps } from "../../context.ts";
import { loadDemo } from "../../services/demo/demo.service.ts";
import { buildApp } from "../app.ts";
import { TestClient } from "../../testing.ts";

const YEAR = 2024;
const CODES = [
  "teaching-area-per-pupil-compulsory",
  "sports-area-per-pupil-compulsory",
  "equipment-value-per-pupil-compulsory",
  "multimedia-classrooms-per-100-compulsory",
] as const;

type Figures = Record<(typeof CODES)[number], number>;

/**
 * The four 义务教育生均 figures of an area worked out by hand from its school rows, as the evaluation
 * rules read them (standards §1.1b): a 完全中学 counts its 初中 pupils and B/(B+1.2C) of its facilities,
 * a 十二年一贯制 its 小学 and 初中 pupils and (A+1.1B)/(A+1.1B+1.32C), 小学, 初中, 九年一贯制 and
 * 教学点 everything (甘肃 follows the national rule: every 教学点 counts).
 */
function recompute(rows: readonly { type: string; v: Record<string, number> }[]): Figures {
  let pupils = 0;
  let teaching = 0;
  let sports = 0;
  let equipment = 0;
  let multimedia = 0;
  for (const { type, v } of rows) {
    const a = v["pupils.primary"] ?? 0;
    const b = v["pupils.junior"] ?? 0;
    const c = v["pupils.senior"] ?? 0;
    let counted: number;
    let part: number;
    if (type === "primary" || type === "teachingPoint") {
      [counted, part] = [a, 1];
    } else if (type === "junior") {
      [counted, part] = [b, 1];
    } else if (type === "nineYear") {
      [counted, part] = [a + b, 1];
    } else if (type === "completeSecondary") {
      [counted, part] = [b, b / (b + 1.2 * c)];
    } else if (type === "twelveYear") {
      [counted, part] = [a + b, (a + 1.1 * b) / (a + 1.1 * b + 1.32 * c)];
    } else {
      continue;
    }
    pupils += counted;
    teaching += (v["area.teachingAux"] ?? 0) * part;
    sports += ((v["area.gym"] ?? 0) + (v["area.sportsGround"] ?? 0)) * part;
    equipment += (v["equipment.value"] ?? 0) * part;
    multimedia += (v["classrooms.multimedia"] ?? 0) * part;
  }
  return {
    "teaching-area-per-pupil-compulsory": teaching / pupils,
    "sports-area-per-pupil-compulsory": sports / pupils,
    "equipment-value-per-pupil-compulsory": equipment / pupils,
    "multimedia-classrooms-per-100-compulsory": (multimedia * 100) / pupils,
  };
}

describe.each(testEngines())("the demo county's 义务教育生均 figures on %s", (engine) => {
  let handle: DatabaseHandle;
  let app: FastifyInstance;
  let dataDir: string;
  let leader: TestClient;
  let expected: Map<string, { id: string; figures: Figures }>;
  let mixed: string[];
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "luoshi-compulsory-"));
    handle = await createTestDatabase(engine);
    const parsed = parseConfig({ LUOSHI_DATA_DIR: dataDir, NODE_ENV: "test" });
    if (parsed.config === undefined) {
      throw new Error(parsed.problems.join("; "));
    }
    const deps: ServiceDeps = { handle, config: parsed.config, now: () => new Date() };
    const { logins } = await loadDemo(deps);
    app = await buildApp(deps, {
      cookieSecret: "x".repeat(32),
      webDir: null,
      logger: false,
      version: "test",
    });
    leader = new TestClient(app);
    const account = logins.find((l) => l.login === "leader");
    expect((await leader.login("leader", account?.password)).statusCode).toBe(200);

    // The school rows, read through the repositories, grouped by the county and by each 乡镇.
    const county = await orgUnitRepo.findByCode(handle.db, "620802");
    if (county === undefined) {
      throw new Error("demo county missing");
    }
    const scope = scopeOf(county.path);
    const [units, rows] = await Promise.all([
      statsRepo.listUnitsInScope(handle.db, scope),
      statsRepo.listInScope(handle.db, "school_stats", scope, YEAR, YEAR),
    ]);
    const byId = new Map(units.map((u) => [u.id, u]));
    const groups = new Map<string, { type: string; v: Record<string, number> }[]>();
    mixed = [];
    for (const r of rows) {
      const school = byId.get(r.orgUnitId);
      if (school?.schoolType === null || school === undefined) {
        continue;
      }
      if (["completeSecondary", "twelveYear"].includes(school.schoolType)) {
        mixed.push(school.code);
      }
      const township = school.parentId === null ? undefined : byId.get(school.parentId);
      for (const area of [county.code, township?.kind === "township" ? township.code : null]) {
        if (area !== null) {
          groups.set(area, [...(groups.get(area) ?? []), { type: school.schoolType, v: r.values }]);
        }
      }
    }
    const idOf = new Map(units.map((u) => [u.code, u.id]));
    expected = new Map(
      [...groups].map(([code, list]) => [code, { id: idOf.get(code) ?? "", figures: recompute(list) }]),
    );
  }, 240_000);
  afterAll(async () => {
    await app.close();
    await handle.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("answers for the county and every 乡镇 what the school rows give, mixed schools split", async () => {
    // The demo holds 完全中学 with 高中 pupils: the split is exercised, not skipped.
    expect(mixed.length).toBeGreaterThan(0);
    expect(expected.size).toBeGreaterThan(5);
    for (const [code, { id, figures }] of expected) {
      const res = await leader.request("GET", `/api/indicators?orgUnitId=${id}&year=${String(YEAR)}`);
      expect(res.statusCode).toBe(200);
      const items = res.json<IndicatorList>().items;
      for (const c of CODES) {
        const item = items.find((i) => i.code === c);
        expect(typeof item?.value, `${code} ${c}`).toBe("number");
        expect(item?.value).toBeCloseTo(figures[c], 9);
        expect(item?.basis).toMatchObject({ ruleSetId: "cn-national", teachingPointPolicy: "include" });
        expect(item?.basis?.label).toContain("教学点单独参与计算（国家标准）");
      }
      expect(items.find((i) => i.code === "student-teacher-ratio-primary")?.basis).toBeNull();
    }
  });

  it("gives the 乡镇 rows of the drill-down the same figures, with the rule shown", async () => {
    const county = expected.get("620802");
    const res = await leader.request(
      "GET",
      `/api/indicators/children?orgUnitId=${county?.id ?? ""}&year=${String(YEAR)}&codes=${CODES.join(",")}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json<IndicatorChildren>();
    expect(body.indicators.every((i) => i.basis?.teachingPointPolicy === "include")).toBe(true);
    const townships = body.children.filter((c) => expected.has(c.code));
    expect(townships.length).toBe(expected.size - 1);
    for (const t of townships) {
      for (const c of CODES) {
        expect(t.values[c]?.value).toBeCloseTo(expected.get(t.code)?.figures[c] ?? Number.NaN, 9);
      }
    }
  });
});
