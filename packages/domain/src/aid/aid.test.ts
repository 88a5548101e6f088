import { describe, expect, it } from "vitest";
import { WEEKDAYS_ONLY } from "@luoshi/common";
import { idNumberCheckChar } from "../pii/index.ts";
import {
  aidFlags,
  categoryOf,
  maskBankCard,
  parsePriorityList,
  parseReturnFile,
  publicityEndsOn,
  publicityOver,
  type AidMonitorInput,
  type ApprovedAid,
  type ListedPupil,
} from "./index.ts";

const listed = (over: Partial<ListedPupil> = {}): ListedPupil => ({
  key: "k1",
  studentId: "s1",
  unitId: "u1",
  categories: ["subsistence"],
  inSchool: true,
  ...over,
});
const aid = (over: Partial<ApprovedAid> = {}): ApprovedAid => ({
  applicationId: "a1",
  key: "k1",
  studentId: "s1",
  unitId: "u1",
  programmeId: "p1",
  programmeName: "义务教育家庭经济困难寄宿生生活费补助",
  kind: "living",
  tier: "一档",
  standard: 500,
  inSchool: true,
  payments: [{ term: 1, amount: 500 }],
  ...over,
});
const input = (over: Partial<AidMonitorInput>): AidMonitorInput => ({
  listed: [],
  approved: [],
  reasons: new Set(),
  ...over,
});

describe("aidFlags", () => {
  const cases: [string, AidMonitorInput, [string, string][]][] = [
    ["nothing to flag", input({ listed: [listed()], approved: [aid()] }), []],
    ["应助未助: listed, in school, not aided", input({ listed: [listed()] }), [["unaided", "s1"]]],
    ["a recorded reason clears 应助未助", input({ listed: [listed()], reasons: new Set(["k1"]) }), []],
    ["a listed pupil not in school is not 应助未助", input({ listed: [listed({ inSchool: false })] }), []],
    ["烈士子女 alone is not a must-aid list", input({ listed: [listed({ categories: ["martyr"] })] }), []],
    [
      "aid to a pupil no longer in school",
      input({ approved: [aid({ inSchool: false })] }),
      [["notInSchool", "s1"]],
    ],
    [
      "the same 身份证件号 aided at two schools",
      input({
        approved: [aid(), aid({ applicationId: "a2", studentId: "s2", unitId: "u2", kind: "nutrition" })],
      }),
      [["duplicate", "s1"]],
    ],
    [
      "two programmes of one kind",
      input({
        approved: [aid(), aid({ applicationId: "a2", programmeId: "p2", programmeName: "县级生活补助" })],
      }),
      [["duplicate", "s1"]],
    ],
    [
      "programmes of different kinds stack",
      input({ approved: [aid(), aid({ applicationId: "a2", programmeId: "p2", kind: "nutrition" })] }),
      [],
    ],
    [
      "a payment off the standard",
      input({ approved: [aid({ payments: [{ term: 1, amount: 400 }] })] }),
      [["offStandard", "s1"]],
    ],
    [
      "several at once, in kind order",
      input({
        listed: [listed({ key: "k9", studentId: "s9" })],
        approved: [aid({ inSchool: false, payments: [{ term: 2, amount: 625 }] })],
      }),
      [
        ["unaided", "s9"],
        ["notInSchool", "s1"],
        ["offStandard", "s1"],
      ],
    ],
  ];
  it.each(cases)("%s", (_name, given, want) => {
    const flags = aidFlags(given);
    expect(flags.map((f) => [f.kind, f.studentId])).toEqual(want);
    for (const f of flags) {
      expect(f.explanation.length).toBeGreaterThan(10);
    }
  });

  it("explains 应助未助 by the lists and an off-standard payment by the amounts", () => {
    const [u] = aidFlags(input({ listed: [listed({ categories: ["subsistence", "orphan"] })] }));
    expect(u?.explanation).toContain("城乡低保、孤儿");
    const [o] = aidFlags(input({ approved: [aid({ payments: [{ term: 1, amount: 400 }] })] }));
    expect(o?.explanation).toContain("每学期 500 元，第 1 学期发放 400 元");
  });
});

describe("公示 period", () => {
  it.each([
    ["2026-03-02", 5, "2026-03-06"],
    ["2026-03-04", 5, "2026-03-10"],
    ["2026-03-07", 5, "2026-03-13"],
  ])("from %s for %i working days ends on %s (weekdays only)", (start, days, end) => {
    expect(publicityEndsOn(start, days, WEEKDAYS_ONLY)).toBe(end);
  });
  it("skips the 国庆 holiday and counts a 调休 Saturday of the China calendar", () => {
    // 9-29, 9-30, then 10-9, 10-10 and the 调休 Saturday 10-11
    expect(publicityEndsOn("2025-09-29", 5)).toBe("2025-10-11");
  });
  it("is over only the day after its last day", () => {
    expect(publicityOver("2026-03-06", "2026-03-06")).toBe(false);
    expect(publicityOver("2026-03-06", "2026-03-07")).toBe(true);
  });
});

const id = (first17: string) => `${first17}${idNumberCheckChar(first17)}`;
const sheet = (headers: string[], rows: string[][]) => [
  { name: "名单", headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) },
];

describe("priority list", () => {
  it("reads rows and maps the 类别 words", () => {
    const r = parsePriorityList(
      sheet(
        ["身份证号", "姓名", "类别"],
        [
          [id("62089920150101123"), "张测试", "农村低保"],
          [id("62089920150101123"), "张测试", "孤儿"],
        ],
      ),
      { fileName: "低保.xlsx" },
    );
    expect(r.problems).toEqual([]);
    expect(r.records.map((x) => x.category)).toEqual(["subsistence", "orphan"]);
    expect(categoryOf("建档立卡")).toBe("poverty");
  });
  it("names sheet, row and column of each problem, masked, and keeps nothing", () => {
    const r = parsePriorityList(
      sheet(
        ["身份证件号", "姓名", "类别"],
        [
          [id("62089920150101123"), "张测试", "低保"],
          ["620899201501011230", "李测试", "低保"],
          [id("62089920150101123"), "张测试", "贵族"],
        ],
      ),
      { fileName: "低保.xlsx" },
    );
    expect(r.records).toEqual([]);
    expect(r.problems.map((p) => [p.where?.row, p.where?.column])).toEqual([
      [3, "身份证件号"],
      [4, "类别"],
    ]);
    expect(JSON.stringify(r.problems)).not.toContain("620899201501011230");
  });
});

describe("bank return file", () => {
  const expected = new Map([
    [1, 500],
    [2, 625],
  ]);
  it("reads 成功 and 失败 with its reason", () => {
    const r = parseReturnFile(
      sheet(
        ["序号", "金额", "结果", "失败原因"],
        [
          ["1", "500", "成功", ""],
          ["2", "625", "失败", "户名不符"],
        ],
      ),
      { fileName: "回盘.xlsx", expected },
    );
    expect(r.problems).toEqual([]);
    expect(r.records).toEqual([
      { line: 1, amount: 500, paid: true, failure: null },
      { line: 2, amount: 625, paid: false, failure: "户名不符" },
    ]);
  });
  it("refuses unknown lines, other amounts, failures without a reason and missing lines", () => {
    const r = parseReturnFile(
      sheet(
        ["序号", "金额", "结果", "失败原因"],
        [
          ["1", "400", "失败", ""],
          ["7", "625", "成功", ""],
        ],
      ),
      { fileName: "回盘.xlsx", expected },
    );
    expect(r.records).toEqual([]);
    expect(r.problems.map((p) => [p.where?.row, p.where?.column])).toEqual([
      [2, "金额"],
      [2, "失败原因"],
      [3, "序号"],
    ]);
    const missing = parseReturnFile(sheet(["序号", "金额", "结果", "失败原因"], [["1", "500", "成功", ""]]), {
      fileName: "回盘.xlsx",
      expected,
    });
    expect(missing.problems[0]?.message).toContain("缺少序号 2");
  });
});

it("masks a bank card to its last four digits", () => {
  expect(maskBankCard("6222 0212 3456 7890")).toBe("************7890");
});
