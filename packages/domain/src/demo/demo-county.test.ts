import { describe, expect, it } from "vitest";
import { ALLOWED_CHILDREN, checkOrgCode, type OrgUnitSeed, type SchoolType } from "../org/org-unit.ts";
import { DEFAULT_DEMO_SEED, generateDemoCounty, summarizeUnits } from "./demo-county.ts";
import { TOWNSHIPS } from "./kongtong-data.ts";
import { SIZE_CLASSES } from "./profiles.ts";

const county = generateDemoCounty();
const schools = county.units.filter((u) => u.kind === "school");
const byCode = new Map(county.units.map((u) => [u.code, u]));

const schoolCounts = (units: readonly OrgUnitSeed[]): Partial<Record<SchoolType, number>> => {
  const all = summarizeUnits(units).bySchoolType;
  return Object.fromEntries(Object.entries(all).filter(([, n]) => n > 0));
};

describe("generateDemoCounty: counts as the plan gives them for 2020", () => {
  it.each([
    ["kindergarten", 168],
    ["primary", 111],
    ["teachingPoint", 42],
    ["junior", 17],
    ["nineYear", 13],
    ["senior", 3],
    ["completeSecondary", 2],
    ["special", 1],
    ["twelveYear", 0],
    ["vocational", 0],
  ] as const)("has %s × %i", (type, n) => {
    expect(county.summary.bySchoolType[type]).toBe(n);
  });

  it("has 357 schools, 153 of them 小学 counting 教学点, below 18 乡镇（街道）", () => {
    expect(schools).toHaveLength(357);
    expect(county.summary.byKind.school).toBe(357);
    expect(county.summary.bySchoolType.primary + county.summary.bySchoolType.teachingPoint).toBe(153);
    expect(county.summary.byKind.township).toBe(18);
    expect(county.summary.total).toBe(county.units.length);
  });

  it("roots the tree at 甘肃省 → 平凉市 → 崆峒区", () => {
    expect(county.units.slice(0, 2).map((u) => [u.code, u.name])).toEqual([
      ["620000", "甘肃省"],
      ["620800", "平凉市"],
    ]);
    expect(byCode.get("620802")).toMatchObject({ name: "崆峒区", kind: "county", parentCode: "620800" });
    expect(county.units.filter((u) => u.parentCode === undefined)).toHaveLength(1);
  });
});

describe("generateDemoCounty: structure", () => {
  it("gives every unit a valid, unique code", () => {
    for (const u of county.units) {
      expect(checkOrgCode(u.kind, u.code), `${u.name} ${u.code}`).toBeNull();
    }
    expect(new Set(county.units.map((u) => u.code)).size).toBe(county.units.length);
  });

  it("gives every unit a unique name", () => {
    const names = county.units.map((u) => u.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("lists every parent before its child, with kinds ALLOWED_CHILDREN permits", () => {
    const seen = new Map<string, OrgUnitSeed>();
    for (const u of county.units) {
      if (u.parentCode !== undefined) {
        const parent = seen.get(u.parentCode);
        expect(parent, `parent of ${u.name}`).toBeDefined();
        if (parent) {
          expect(ALLOWED_CHILDREN[parent.kind], `${parent.kind} → ${u.kind}`).toContain(u.kind);
        }
      }
      seen.set(u.code, u);
    }
  });

  it("hangs each 教学点 on a 小学 of the same township", () => {
    const points = schools.filter((s) => s.school?.schoolType === "teachingPoint");
    expect(points).toHaveLength(42);
    for (const p of points) {
      const parent = byCode.get(p.school?.parentSchoolCode ?? "");
      expect(parent?.school?.schoolType, p.name).toBe("primary");
      expect(parent?.parentCode, p.name).toBe(p.parentCode);
    }
    expect(
      schools.filter((s) => s.school?.schoolType !== "teachingPoint" && s.school?.parentSchoolCode),
    ).toEqual([]);
  });

  it("keeps senior high and special schools in the city streets", () => {
    for (const s of schools.filter((u) => ["senior", "special"].includes(u.school?.schoolType ?? ""))) {
      expect(s.parentCode, s.name).toMatch(/^6208020\d\d$/);
      expect(s.school?.urbanRural).toBe("urban");
    }
  });

  it("classes locations: streets 城区, 镇 seats 镇区, villages and 乡 乡村", () => {
    for (const s of schools) {
      const t = TOWNSHIPS.find((x) => x.code === s.parentCode);
      const inVillage = t?.villages.some((v) => s.name.startsWith(`崆峒区${t.name}${v}`)) ?? false;
      const expected = t?.kind === "street" ? "urban" : t?.kind === "town" && !inVillage ? "town" : "rural";
      expect(s.school?.urbanRural, s.name).toBe(expected);
    }
  });

  it("makes every 公办园 普惠, some 民办园 too, and only kindergartens 民办", () => {
    const kgs = schools.filter((s) => s.school?.schoolType === "kindergarten");
    const privateKgs = kgs.filter((s) => s.school?.ownership === "private");
    expect(kgs.filter((s) => s.school?.ownership === "public" && !s.school.isInclusive)).toEqual([]);
    expect(privateKgs.length).toBeGreaterThan(0);
    expect(privateKgs.some((s) => s.school?.isInclusive)).toBe(true);
    expect(privateKgs.some((s) => !s.school?.isInclusive)).toBe(true);
    expect(county.summary.byOwnership.private).toBe(privateKgs.length);
  });

  it("uses the example names of the brief", () => {
    const names = new Set(schools.map((s) => s.name));
    for (const n of ["崆峒区白水镇中心小学", "平凉市第七中学", "崆峒区东关幼儿园", "平凉市特殊教育学校"]) {
      expect(names.has(n), n).toBe(true);
    }
  });

  it("has the bureau, its offices and the partner departments", () => {
    expect(byCode.get("620802-jyj")).toMatchObject({ name: "崆峒区教育局", parentCode: "620802" });
    expect(byCode.get("620802-jyj-jcjyg")).toMatchObject({ name: "基础教育股", parentCode: "620802-jyj" });
    expect(byCode.get("620800-jyj")).toMatchObject({ name: "平凉市教育局", parentCode: "620800" });
    expect(county.units.filter((u) => u.kind === "department").length).toBeGreaterThanOrEqual(25);
  });
});

describe("generateDemoCounty: aliases", () => {
  const owners = new Map<string, string[]>();
  for (const u of county.units) {
    for (const key of new Set([u.name, ...(u.aliases ?? [])])) {
      owners.set(key, [...(owners.get(key) ?? []), u.code]);
    }
  }

  it("never maps a name or alias to two units", () => {
    expect([...owners].filter(([, codes]) => codes.length > 1)).toEqual([]);
  });

  it.each([
    ["区教育局", "620802-jyj"],
    ["教育局", "620802-jyj"],
    ["区教体局", "620802-jyj"],
    ["市教育局", "620800-jyj"],
    ["督导室", "620802-jyj-dds"],
    ["区发改局", "620802-fgj"],
    ["区人社局", "620802-rsj"],
    ["区编办", "620802-bb"],
    ["区住建局", "620802-zjj"],
    ["区卫健局", "620802-wjj"],
    ["区公安分局", "620802-gafj"],
    ["团区委", "620802-tqw"],
    ["市财政局", "620800-czj"],
    ["平凉七中", "1620802011"],
  ])("resolves %s to %s", (alias, code) => {
    expect(owners.get(alias)).toEqual([code]);
  });
});

describe("generateDemoCounty: profiles", () => {
  it("profiles exactly the schools", () => {
    expect(Object.keys(county.profiles).sort()).toEqual(schools.map((s) => s.code).sort());
  });

  it("keeps profile traits in range and consistent with the unit", () => {
    for (const s of schools) {
      const p = county.profiles[s.code];
      expect(p?.urbanRural).toBe(s.school?.urbanRural);
      expect(p?.townshipCode).toBe(s.parentCode);
      expect(SIZE_CLASSES).toContain(p?.sizeClass);
      expect(p?.crowdedness).toBeGreaterThan(0.2);
      expect(p?.crowdedness).toBeLessThan(1.5);
      expect(p?.resourceLevel).toBeGreaterThan(0.5);
    }
  });

  it("makes 教学点 tiny and shrinking", () => {
    for (const s of schools.filter((u) => u.school?.schoolType === "teachingPoint")) {
      expect(county.profiles[s.code]).toMatchObject({ sizeClass: "tiny" });
      expect(county.profiles[s.code]?.enrolmentTrend).toBeLessThan(0);
    }
  });
});

describe("generateDemoCounty: determinism", () => {
  it("gives byte-identical output for the same seed", () => {
    expect(JSON.stringify(generateDemoCounty())).toBe(JSON.stringify(county));
    expect(JSON.stringify(generateDemoCounty({ seed: 7 }))).toBe(
      JSON.stringify(generateDemoCounty({ seed: 7 })),
    );
    expect(county.seed).toBe(DEFAULT_DEMO_SEED);
  });

  it("changes names and spread, not counts, with another seed", () => {
    const other = generateDemoCounty({ seed: 7 });
    const otherSchools = other.units.filter((u) => u.kind === "school");
    expect(schoolCounts(otherSchools)).toEqual(schoolCounts(schools));
    expect(other.summary.byKind).toEqual(county.summary.byKind);
    expect(other.summary.byOwnership).toEqual(county.summary.byOwnership);
    const names = (units: readonly OrgUnitSeed[]): string[] => units.map((u) => u.name).sort();
    expect(names(otherSchools)).not.toEqual(names(schools));
    const perTownship = (units: readonly OrgUnitSeed[]): string =>
      JSON.stringify(
        Object.entries(Object.groupBy(units, (u) => u.parentCode ?? "")).map(([k, v]) => [k, v?.length]),
      );
    expect(perTownship(otherSchools)).not.toEqual(perTownship(schools));
  });

  it("keeps the codes of schools placed by hand whatever the seed", () => {
    const other = generateDemoCounty({ seed: 99 });
    const code = (c: typeof county, name: string): string | undefined =>
      c.units.find((u) => u.name === name)?.code;
    for (const name of ["平凉市第二中学", "平凉市第七中学", "崆峒区白水镇中心小学", "崆峒区第一幼儿园"]) {
      expect(code(other, name), name).toBe(code(county, name));
    }
  });

  it("holds for many seeds", () => {
    for (const seed of [0, 1, 2, 3, 0xffffffff, -5, 123456789]) {
      const c = generateDemoCounty({ seed });
      expect(c.summary.byKind.school, `seed ${seed}`).toBe(357);
      expect(c.summary.bySchoolType).toEqual(county.summary.bySchoolType);
      expect(new Set(c.units.map((u) => u.name)).size, `seed ${seed}`).toBe(c.units.length);
      expect(new Set(c.units.map((u) => u.code)).size, `seed ${seed}`).toBe(c.units.length);
    }
  });
});
