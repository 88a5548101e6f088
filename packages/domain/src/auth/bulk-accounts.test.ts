import { describe, expect, it } from "vitest";
import { isEducationBureau, planBulkAccounts, type BulkUnit } from "./bulk-accounts.ts";

const unit = (id: string, parentId: string | null, code: string, name: string, kind: string): BulkUnit => ({
  id,
  parentId,
  code,
  name,
  kind,
});

/** A county with its bureau (two 股室, one subordinate centre), two other departments and two schools. */
const COUNTY = unit("c", null, "620821", "泾川县", "county");
const UNITS: BulkUnit[] = [
  COUNTY,
  unit("jyj", "c", "620821-jyj", "泾川县教育局", "department"),
  unit("jcg", "jyj", "620821-jyj-jcg", "基础教育股", "department"),
  unit("jys", "jyj", "620821-jyj-jys", "教研室", "department"),
  unit("zz", "jyj", "620821-jyj-zz", "学生资助管理中心", "department"),
  unit("czj", "c", "620821-czj", "泾川县财政局", "department"),
  { ...unit("wjj", "c", "620821-wjj", "泾川县卫生健康局", "department"), contactName: "  " },
  unit("t", "c", "620821100", "城关镇", "township"),
  { ...unit("s1", "t", "1620821001", "泾川县城关小学", "school"), contactName: "马校长" },
  { ...unit("s2", "t", "1620821002", "泾川县东关小学", "school"), closedOn: "2025-08-31" },
  unit("s3", "t", "1620821003", "泾川县西关小学", "school"),
];

describe("planBulkAccounts", () => {
  it("plans one account per open school and department, skipping the bureau and its offices", () => {
    const plan = planBulkAccounts({
      units: UNITS,
      kinds: ["school", "department"],
      existingLogins: [],
      existingAccounts: [],
    });
    expect(plan.accounts.map((a) => [a.login, a.role, a.displayName])).toEqual([
      ["620821-czj", "unitUser", "泾川县财政局联系人"],
      ["620821-jyj-zz", "unitUser", "学生资助管理中心联系人"],
      ["620821-wjj", "unitUser", "泾川县卫生健康局联系人"],
      ["1620821001", "schoolUser", "马校长"],
      ["1620821003", "schoolUser", "泾川县西关小学联系人"],
    ]);
    expect(plan.skipped.map((s) => [s.unitCode, s.reason])).toEqual([
      ["620821-jyj", "bureau"],
      ["620821-jyj-jcg", "bureau"],
      ["620821-jyj-jys", "bureau"],
      ["1620821002", "closed"],
    ]);
  });

  it("lets the caller choose the kinds", () => {
    const schools = planBulkAccounts({
      units: UNITS,
      kinds: ["school"],
      existingLogins: [],
      existingAccounts: [],
    });
    expect(schools.accounts.map((a) => a.kind)).toEqual(["school", "school"]);
    expect(schools.skipped.map((s) => s.unitCode)).toEqual(["1620821002"]);
    const departments = planBulkAccounts({
      units: UNITS,
      kinds: ["department"],
      existingLogins: [],
      existingAccounts: [],
    });
    expect(departments.accounts.every((a) => a.role === "unitUser")).toBe(true);
  });

  it("skips units that already have an account of that role, and only of that role", () => {
    const plan = planBulkAccounts({
      units: UNITS,
      kinds: ["school", "department"],
      existingLogins: ["wang"],
      existingAccounts: [
        { orgUnitId: "s1", role: "schoolUser" },
        { orgUnitId: "czj", role: "bureauPlanner" },
      ],
    });
    expect(plan.skipped).toContainEqual(
      expect.objectContaining({ unitCode: "1620821001", reason: "has-account" }),
    );
    expect(plan.accounts.map((a) => a.unitCode)).toContain("620821-czj");
  });

  it("adds a suffix when the login is taken, regardless of case", () => {
    const plan = planBulkAccounts({
      units: [
        unit("x", null, "620821-CZJ", "泾川县财政局", "department"),
        unit("y", null, "620821-czj-2", "某局", "department"),
      ],
      kinds: ["department"],
      existingLogins: ["620821-czj"],
      existingAccounts: [],
    });
    expect(plan.accounts.map((a) => a.login)).toEqual(["620821-czj-2", "620821-czj-2-2"]);
  });

  it("knows a bureau office only below a bureau, even when the bureau lies above the chosen unit", () => {
    const office = unit("jcg", "jyj", "620821-jyj-jcg", "基础教育股", "department");
    const alone = planBulkAccounts({
      units: [office],
      kinds: ["department"],
      existingLogins: [],
      existingAccounts: [],
    });
    expect(alone.accounts).toHaveLength(1);
    const withBureau = planBulkAccounts({
      units: [office],
      ancestors: [COUNTY, unit("jyj", "c", "620821-jyj", "泾川县教育局", "department")],
      kinds: ["department"],
      existingLogins: [],
      existingAccounts: [],
    });
    expect(withBureau.accounts).toEqual([]);
    expect(withBureau.skipped[0]?.reason).toBe("bureau");
  });

  it("recognises a bureau by name or alias, not a bureau's office named after it", () => {
    expect(isEducationBureau({ kind: "department", name: "崆峒区教育局" })).toBe(true);
    expect(isEducationBureau({ kind: "department", name: "某区教育和体育局" })).toBe(true);
    expect(isEducationBureau({ kind: "department", name: "某局", aliases: ["区教体局"] })).toBe(true);
    expect(
      isEducationBureau({ kind: "department", name: "基础教育股", aliases: ["区教育局基础教育股"] }),
    ).toBe(false);
    expect(isEducationBureau({ kind: "school", name: "教育局" })).toBe(false);
  });

  it("keeps a display name within 50 characters", () => {
    const plan = planBulkAccounts({
      units: [unit("x", null, "1620821009", "长".repeat(60), "school")],
      kinds: ["school"],
      existingLogins: [],
      existingAccounts: [],
    });
    expect(plan.accounts[0]?.displayName).toHaveLength(50);
  });
});
