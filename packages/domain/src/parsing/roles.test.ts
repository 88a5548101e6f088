import { describe, expect, it } from "vitest";
import { assignRoles, roleFromHeading } from "./roles.ts";

describe("roleFromHeading", () => {
  it.each([
    ["发展基础与形势", "background"],
    ["指导思想和基本原则", "principle"],
    ["总体要求", "principle"],
    ["发展目标", "goal"],
    ["“十四五”发展任务与要求", "task"],
    ["重点任务", "task"],
    ["保障措施", "safeguard"],
    ["组织实施", "safeguard"],
    ["工作要求", "safeguard"],
    ["分年度推进计划", "schedule"],
    ["基础与条件", "background"],
    ["对象范围", "other"],
    ["加强党对教育工作的全面领导", null],
    ["深入实施教育教学支撑保障计划", null],
  ])("%s → %s", (title, role) => {
    expect(roleFromHeading(title)).toBe(role);
  });
});

describe("assignRoles", () => {
  it("inherits from the top-level section and defaults work areas to task", () => {
    const roles = assignRoles([
      { title: "总体要求", parent: -1 },
      { title: "指导思想", parent: 0 },
      { title: "发展目标", parent: 0 },
      { title: "重点任务", parent: -1 },
      { title: "完善义务教育改革发展保障措施", parent: 3 },
      { title: "依法落实义务教育财政投入", parent: 4 },
      { title: "加强党的建设", parent: -1 },
    ]);
    expect(roles).toEqual(["principle", "principle", "goal", "task", "task", "task", "task"]);
  });
});
