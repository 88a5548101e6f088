import { describe, expect, it } from "vitest";
import { idNumberCheckChar } from "../pii/index.ts";
import {
  ageOnCutoff,
  caseLight,
  checkOutcome,
  closeRefusal,
  defaultStepDeadline,
  dropoutRate,
  isSchoolAge,
  parseSchoolAgeSheets,
  persuasionRate,
  stateAfterStep,
  stepLight,
  demoSchoolAgeList,
} from "./index.ts";

const id = (first17: string): string => `${first17}${idNumberCheckChar(first17)}`;

describe("适龄 rule: ages 6–15 on 31 August of the school year", () => {
  it("counts full years on the cut-off day", () => {
    expect(ageOnCutoff("2018-08-31", 2024)).toBe(6);
    expect(ageOnCutoff("2018-09-01", 2024)).toBe(5);
    expect(ageOnCutoff("2009-01-15", 2024)).toBe(15);
    expect(ageOnCutoff("2008-08-31", 2024)).toBe(16);
  });
  it("keeps the band inclusive", () => {
    expect([5, 6, 15, 16].map((a) => isSchoolAge(a))).toEqual([false, true, true, false]);
  });
});

describe("parseSchoolAgeSheets", () => {
  const headers = ["身份证件号", "姓名", "性别", "出生日期", "乡镇", "村"];
  const boy = id("62089920150417123");
  it("reads 适龄 children and leaves out those outside the band", () => {
    const old = id("62089920050101123");
    const r = parseSchoolAgeSheets(
      [
        {
          name: "",
          headers,
          rows: [
            { row: 2, cells: [boy, "王测试安", "男", "2015-04-17", "柳湖镇", "测试村"] },
            { row: 3, cells: [old, "李测试平", "男", "2005-01-01", "柳湖镇", "测试村"] },
          ],
        },
      ],
      { fileName: "适龄.csv", schoolYear: 2024 },
    );
    expect(r.problems).toEqual([]);
    expect(r.outOfAge).toBe(1);
    expect(r.records).toEqual([
      {
        idNumber: boy,
        name: "王测试安",
        sex: "M",
        birthDate: "2015-04-17",
        township: "柳湖镇",
        village: "测试村",
        age: 9,
      },
    ]);
  });
  it("stops at any error and masks the values it names", () => {
    const r = parseSchoolAgeSheets(
      [
        {
          name: "",
          headers,
          rows: [
            { row: 2, cells: [boy, "王测试安", "女", "2015-04-17", "柳湖镇", "测试村"] },
            { row: 3, cells: [boy, "王测试安", "男", "2015-04-17", "柳湖镇", ""] },
          ],
        },
      ],
      { fileName: "适龄.csv", schoolYear: 2024 },
    );
    expect(r.records).toEqual([]);
    expect(r.problems.map((p) => p.where?.row)).toEqual([2, 3, 3]);
    expect(JSON.stringify(r.problems)).not.toContain(boy);
    expect(JSON.stringify(r.problems)).not.toContain("王测试安");
  });
  it("names missing columns", () => {
    const r = parseSchoolAgeSheets([{ name: "", headers: ["姓名"], rows: [] }], {
      fileName: "x.csv",
      schoolYear: 2024,
    });
    expect(r.problems[0]?.message).toContain("身份证件号");
  });
});

describe("case steps and lights (the ledger's lights)", () => {
  const step = {
    id: "s",
    kind: "homeVisit" as const,
    assignedOn: "2026-03-02",
    deadline: "2026-03-04",
    doneOn: null,
  };
  it("gives a default deadline in working days", () => {
    expect(defaultStepDeadline("homeVisit", "2026-03-06")).toBe("2026-03-10");
  });
  it("lights a step as a one-off task", () => {
    expect(stepLight(step, "2026-03-05").light).toBe("red");
    expect(stepLight(step, "2026-03-03").light).toBe("blue");
    expect(stepLight({ ...step, doneOn: "2026-03-03" }, "2026-03-10").light).toBe("grey");
  });
  it("lights a case by its worst open step", () => {
    const late = { ...step, id: "t", deadline: "2026-03-01" };
    expect(caseLight("open", [step, late], "2026-03-03").light).toBe("red");
    expect(caseLight("open", [], "2026-03-03").light).toBe("yellow");
    expect(caseLight("returned", [], "2026-03-03").light).toBe("green");
    expect(caseLight("closed", [late], "2026-03-03").light).toBe("grey");
  });
  it("needs outcomes for 劝返 and 依法控辍 only", () => {
    expect(checkOutcome("persuasion", null)).toContain("成功");
    expect(checkOutcome("persuasion", "failed")).toBeNull();
    expect(checkOutcome("legal", "penalty")).toBeNull();
    expect(checkOutcome("homeVisit", "penalty")).not.toBeNull();
  });
  it("moves to 已复学 when a 复学 step is done", () => {
    expect(stateAfterStep("open", "return", true)).toBe("returned");
    expect(stateAfterStep("open", "return", false)).toBe("open");
    expect(stateAfterStep("open", "homeVisit", true)).toBe("open");
  });
});

describe("销号", () => {
  const returned = {
    state: "returned" as const,
    returnedOn: "2026-03-02",
    returnedBy: "u1",
    closeAfterDays: 20,
  };
  it("waits for the set number of working days after 复学", () => {
    expect(closeRefusal(returned, "u2", "2026-03-27")).toContain("2026-03-30");
    expect(closeRefusal(returned, "u2", "2026-03-30")).toBeNull();
  });
  it("with 0 days set, is possible on the day of the 复学, still only by a second person", () => {
    const sameDay = { ...returned, closeAfterDays: 0 };
    expect(closeRefusal(sameDay, "u2", "2026-03-02")).toBeNull();
    expect(closeRefusal(sameDay, "u1", "2026-03-02")).toContain("以外");
  });
  it("needs someone other than who recorded the 复学", () => {
    expect(closeRefusal(returned, "u1", "2026-04-30")).toContain("以外");
  });
  it("refuses a case not yet returned", () => {
    expect(closeRefusal({ ...returned, state: "open", returnedOn: null }, "u2", "2026-04-30")).toContain(
      "尚未复学",
    );
  });
});

describe("rates", () => {
  it("computes 辍学率 and 劝返率", () => {
    expect(dropoutRate(3, 997)).toBe(0.3);
    expect(dropoutRate(0, 0)).toBeNull();
    expect(persuasionRate(2, 3)).toBe(66.7);
  });
});

describe("demoSchoolAgeList", () => {
  it("is deterministic, of compulsory age, and its made-up children use the never-assigned county part 98", () => {
    const a = demoSchoolAgeList([], 2024, { unmatched: 30 });
    expect(demoSchoolAgeList([], 2024, { unmatched: 30 })).toEqual(a);
    expect(a).toHaveLength(30);
    expect(new Set(a.map((c) => c.idNumber)).size).toBe(30);
    for (const c of a) {
      expect(c.idNumber.startsWith("620898")).toBe(true);
      expect(c.name).toContain("测试");
      expect(isSchoolAge(ageOnCutoff(c.birthDate, 2024))).toBe(true);
    }
  });
});
