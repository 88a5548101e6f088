import { describe, expect, it } from "vitest";
import { evaluateResources } from "./resource-evaluation.ts";
import { applyScenario, compareEvaluations } from "./scenario.ts";
import { school } from "./test-fixtures.ts";

const county = [
  school({ code: "a", primary: 400 }),
  school({ code: "b", primary: 300, values: { sportsArea: 5, qualifiedTeachers: 3 } }),
  school({ code: "c", junior: 600 }),
];

describe("scenarios (apply changes, compare)", () => {
  it("sets figures without touching the input", () => {
    const { schools, issues } = applyScenario(county, [
      { kind: "set", schoolCode: "b", field: "sportsArea", value: 2400 },
      { kind: "set", schoolCode: "b", field: "qualifiedTeachers", level: "primary", value: 13 },
      { kind: "set", schoolCode: "c", field: "students", level: "junior", value: 650 },
    ]);
    expect(issues).toEqual([]);
    expect(schools[1]?.sportsArea).toBe(2400);
    expect(schools[1]?.qualifiedTeachers.primary).toBe(13);
    expect(schools[2]?.students.junior).toBe(650);
    expect(county[1]?.sportsArea).toBe(1500);
    const cmp = compareEvaluations(evaluateResources(county), evaluateResources(schools));
    expect(cmp.changedSchools).toEqual([{ code: "b", level: "primary", before: false, after: true }]);
    expect(cmp.schoolsFailing).toEqual({ before: 1, after: 0 });
    const sports = cmp.indicators.find((i) => i.level === "primary" && i.indicator === "sportsArea");
    expect(sports?.cvChange).toBeLessThan(0);
  });

  it("adds to figures (planning form) and refuses an addition that would go below zero", () => {
    const { schools, issues } = applyScenario(county, [
      { kind: "add", schoolCode: "b", field: "qualifiedTeachers", level: "primary", amount: 4 },
      { kind: "add", schoolCode: "b", field: "sportsArea", amount: 900 },
      { kind: "add", schoolCode: "a", field: "multimediaClassrooms", amount: -1_000 },
    ]);
    expect(schools[1]?.qualifiedTeachers.primary).toBe((county[1]?.qualifiedTeachers.primary ?? 0) + 4);
    expect(schools[1]?.sportsArea).toBe(2400);
    expect(schools[0]?.multimediaClassrooms).toBe(county[0]?.multimediaClassrooms);
    expect(issues.map((i) => [i.code, i.where?.row])).toEqual([["scenario-invalid-value", 3]]);
  });

  it("adds, removes and merges schools (撤并 into a 九年一贯制学校)", () => {
    const { schools, issues } = applyScenario(county, [
      { kind: "add-school", school: school({ code: "d", primary: 100 }) },
      { kind: "merge-schools", intoCode: "a", fromCodes: ["c"], schoolType: "nineYear" },
      { kind: "remove-school", schoolCode: "d" },
    ]);
    expect(issues).toEqual([]);
    expect(schools.map((s) => s.code)).toEqual(["a", "b"]);
    expect(schools[0]).toMatchObject({
      schoolType: "nineYear",
      students: { primary: 400, junior: 600, senior: 0 },
    });
    expect(schools[0]?.sportsArea).toBe(12 * 1000);
    const after = evaluateResources(schools);
    const cmp = compareEvaluations(evaluateResources(county), after);
    expect(cmp.changedSchools).toContainEqual({ code: "c", level: "junior", before: true, after: null });
    expect(cmp.changedSchools).toContainEqual({ code: "a", level: "junior", before: null, after: true });
  });

  it.each([
    { code: "scenario-unknown-school", change: { kind: "remove-school" as const, schoolCode: "zz" } },
    {
      code: "scenario-unknown-school",
      change: { kind: "merge-schools" as const, intoCode: "a", fromCodes: ["zz"] },
    },
    {
      code: "scenario-duplicate-school",
      change: { kind: "add-school" as const, school: school({ code: "a", primary: 1 }) },
    },
    {
      code: "scenario-invalid-value",
      change: { kind: "set" as const, schoolCode: "a", field: "sportsArea" as const, value: -1 },
    },
    {
      code: "scenario-invalid-value",
      change: { kind: "set" as const, schoolCode: "a", field: "backboneTeachers" as const, value: 3 },
    },
  ])("$code", ({ code, change }) => {
    const { schools, issues } = applyScenario(county, [change]);
    expect(issues.map((i) => i.code)).toEqual([code]);
    expect(schools).toEqual(county);
  });
});
