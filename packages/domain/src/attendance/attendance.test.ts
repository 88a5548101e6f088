import { describe, expect, it } from "vitest";
import { WEEKDAYS_ONLY } from "@luoshi/common";
import { explainFlag } from "./explain.ts";
import { classDays, countsAsReported, pastCutoff } from "./reporting.ts";
import {
  DEFAULT_RULE_PARAMS,
  DEFAULT_RULE_SET,
  absenceRuleDays,
  evaluateAbsences,
  evaluateTransfer,
  ruleParamProblems,
  type Absence,
  type FlagFinding,
} from "./rules.ts";
import { SCHOOL_CALENDAR as DEMO_CALENDAR_2024 } from "./calendar.ts";
import { DEMO_TERM, flagsOverTerm, schoolDaysBetween, syntheticTerm } from "./synthetic.ts";

const away = (reason: Absence["reason"], ...days: string[]): Absence[] =>
  days.map((day) => ({ day, reason }));
const rules = (e: ReturnType<typeof evaluateAbsences>) => e.map((f) => f.rule);
const explained = (f: FlagFinding | null | undefined): string => {
  if (f === null || f === undefined) {
    throw new Error("no flag");
  }
  return explainFlag(f.explanation, f.version);
};

describe("连续无故缺勤", () => {
  it("flags 3 consecutive school days of 旷课/不明, across a weekend", () => {
    // Thu 2024-11-07, Fri 11-08, Mon 11-11
    const absences = [...away("truant", "2024-11-07", "2024-11-08"), ...away("unknown", "2024-11-11")];
    const found = evaluateAbsences(
      { leftBehind: false, absences },
      "2024-11-11",
      DEFAULT_RULE_SET,
      WEEKDAYS_ONLY,
    );
    expect(found).toEqual([
      {
        rule: "unexplained-consecutive",
        version: 1,
        explanation: {
          rule: "unexplained-consecutive",
          days: ["2024-11-07", "2024-11-08", "2024-11-11"],
          threshold: 3,
        },
      },
    ]);
    expect(explained(found[0])).toBe(
      "连续 3 个上学日旷课或原因不明（11月7日、11月8日、11月11日），达到连续 3 天的上报线（规则第 1 版）",
    );
  });

  it("does not count 病假/事假, nor a run broken by a school day present", () => {
    const sick = [...away("truant", "2024-11-06", "2024-11-07"), ...away("sick", "2024-11-08")];
    expect(
      evaluateAbsences({ leftBehind: false, absences: sick }, "2024-11-08", DEFAULT_RULE_SET, WEEKDAYS_ONLY),
    ).toEqual([]);
    const broken = away("truant", "2024-11-05", "2024-11-07", "2024-11-08");
    expect(
      evaluateAbsences(
        { leftBehind: false, absences: broken },
        "2024-11-08",
        DEFAULT_RULE_SET,
        WEEKDAYS_ONLY,
      ),
    ).toEqual([]);
  });

  it("skips public holidays: the days before and after 国庆 are consecutive school days", () => {
    const absences = away("unknown", "2024-09-29", "2024-09-30", "2024-10-08");
    const found = evaluateAbsences(
      { leftBehind: false, absences },
      "2024-10-08",
      DEFAULT_RULE_SET,
      DEMO_CALENDAR_2024,
    );
    expect(rules(found)).toEqual(["unexplained-consecutive"]);
    // with weekdays only, 10月1日 is a school day the pupil attended
    expect(
      evaluateAbsences({ leftBehind: false, absences }, "2024-10-08", DEFAULT_RULE_SET, WEEKDAYS_ONLY),
    ).toEqual([]);
  });

  it("follows the configured threshold and names the version", () => {
    const absences = away("truant", "2024-11-07", "2024-11-08");
    const strict = { version: 4, params: { ...DEFAULT_RULE_PARAMS, consecutiveDays: 2 } };
    const found = evaluateAbsences({ leftBehind: false, absences }, "2024-11-08", strict, WEEKDAYS_ONLY);
    expect(found.map((f) => [f.rule, f.version])).toEqual([["unexplained-consecutive", 4]]);
  });
});

describe("当月累计无故缺勤", () => {
  it("flags the fifth unexplained day in a calendar month, not days of the month before", () => {
    const absences = [
      ...away("truant", "2024-10-30", "2024-10-31"),
      ...away("unknown", "2024-11-04", "2024-11-12", "2024-11-19", "2024-11-26"),
    ];
    expect(
      evaluateAbsences({ leftBehind: false, absences }, "2024-11-26", DEFAULT_RULE_SET, WEEKDAYS_ONLY),
    ).toEqual([]);
    const fifth = [...absences, ...away("truant", "2024-11-28")];
    const found = evaluateAbsences(
      { leftBehind: false, absences: fifth },
      "2024-11-28",
      DEFAULT_RULE_SET,
      WEEKDAYS_ONLY,
    );
    expect(found).toHaveLength(1);
    expect(found[0]?.explanation).toMatchObject({
      rule: "unexplained-month",
      month: "2024-11",
      threshold: 5,
    });
    expect(explained(found[0])).toContain("11月累计 5 个上学日");
  });
});

describe("留守 + 出勤下降", () => {
  // 40 school days back from 2024-12-13 (Fri): 20 in 11-15 … 12-13, 20 before
  const last20 = schoolDaysBetween("2024-11-18", "2024-12-13", WEEKDAYS_ONLY);
  it("flags a 留守 pupil whose last 20 school days fall below 88 % and 5 points under the 20 before", () => {
    expect(last20).toHaveLength(20);
    const absences = away("sick", ...last20.slice(0, 3));
    const found = evaluateAbsences(
      { leftBehind: true, absences },
      "2024-12-13",
      DEFAULT_RULE_SET,
      WEEKDAYS_ONLY,
    );
    expect(rules(found)).toEqual(["left-behind-falling"]);
    expect(found[0]?.explanation).toMatchObject({ rate: 0.85, previousRate: 1 });
    expect(explained(found[0])).toContain("出勤率 85.0%");
    // the same pupil, not 留守: no flag; 留守 with only 2 days away (90 %): no flag
    expect(
      evaluateAbsences({ leftBehind: false, absences }, "2024-12-13", DEFAULT_RULE_SET, WEEKDAYS_ONLY),
    ).toEqual([]);
    const two = away("sick", ...last20.slice(0, 2));
    expect(
      evaluateAbsences({ leftBehind: true, absences: two }, "2024-12-13", DEFAULT_RULE_SET, WEEKDAYS_ONLY),
    ).toEqual([]);
  });

  it("does not flag attendance that is low but not falling", () => {
    const before = schoolDaysBetween("2024-10-21", "2024-11-15", WEEKDAYS_ONLY);
    const absences = [...away("sick", ...last20.slice(0, 3)), ...away("sick", ...before.slice(0, 3))];
    expect(
      evaluateAbsences({ leftBehind: true, absences }, "2024-12-13", DEFAULT_RULE_SET, WEEKDAYS_ONLY),
    ).toEqual([]);
  });
});

describe("转出未转入", () => {
  it("flags a 转出 with no 转入 once 10 working days have passed", () => {
    // 转出 on Mon 2024-11-04: 10 working days end Mon 11-18
    const m = { transferOutOn: "2024-11-04", transferredInSince: false };
    expect(evaluateTransfer(m, "2024-11-18", DEFAULT_RULE_SET, WEEKDAYS_ONLY)).toBeNull();
    const flag = evaluateTransfer(m, "2024-11-19", DEFAULT_RULE_SET, WEEKDAYS_ONLY);
    expect(flag?.explanation).toEqual({
      rule: "transfer-unreceived",
      transferOutOn: "2024-11-04",
      deadline: "2024-11-18",
      workingDays: 10,
    });
    expect(explained(flag)).toBe("11月4日转出，10 个工作日内（至11月18日）未见任何学校转入（规则第 1 版）");
    expect(
      evaluateTransfer({ ...m, transferredInSince: true }, "2024-12-01", DEFAULT_RULE_SET, WEEKDAYS_ONLY),
    ).toBeNull();
  });
});

describe("rule parameters", () => {
  it("accepts the defaults and names each bad value", () => {
    expect(ruleParamProblems(DEFAULT_RULE_PARAMS)).toEqual([]);
    expect(
      ruleParamProblems({ ...DEFAULT_RULE_PARAMS, consecutiveDays: 0, rateBelow: 1.2, cutoff: "25:00" }),
    ).toEqual([
      "连续无故缺勤天数应为 1–30 之间的整数",
      "出勤率预警线应在 0 与 1 之间",
      "报送截止时间应写成 时:分（如 10:00）",
    ]);
  });
});

describe("a school's day", () => {
  it("counts 应到/实到 per class from the pupils in school and the absent ones", () => {
    const pupils = [
      { id: "a", level: "primary", grade: 2, className: "1班" },
      { id: "b", level: "primary", grade: 2, className: "1班" },
      { id: "c", level: "primary", grade: 1, className: "2班" },
    ];
    expect(classDays(pupils, new Set(["b"]))).toEqual([
      { level: "primary", grade: 1, className: "2班", expected: 1, present: 1 },
      { level: "primary", grade: 2, className: "1班", expected: 2, present: 1 },
    ]);
  });

  it("counts a school as reporting above half its enrolled pupils (cQube), and knows the cut-off", () => {
    expect(countsAsReported(51, 100)).toBe(true);
    expect(countsAsReported(50, 100)).toBe(false);
    expect(countsAsReported(0, 0)).toBe(false);
    // 09:59 and 10:00 China time on 2024-11-08
    expect(pastCutoff(new Date("2024-11-08T01:59:00Z"), "2024-11-08", "10:00")).toBe(false);
    expect(pastCutoff(new Date("2024-11-08T02:00:00Z"), "2024-11-08", "10:00")).toBe(true);
    expect(pastCutoff(new Date("2024-11-09T00:00:00Z"), "2024-11-08", "10:00")).toBe(true);
  });
});

describe("the demo term", () => {
  it("is deterministic, about 3 % absent, and raises flags for a small share of pupils", () => {
    const pupils = Array.from({ length: 5000 }, (_, i) => ({
      key: `p${String(i)}`,
      leftBehind: i % 7 === 0,
    }));
    const days = schoolDaysBetween(DEMO_TERM.from, DEMO_TERM.to, DEMO_CALENDAR_2024);
    const term = syntheticTerm(pupils, days);
    expect(syntheticTerm(pupils, days)).toEqual(term);
    const total = [...term.values()].reduce((n, a) => n + a.length, 0);
    const rate = total / (pupils.length * days.length);
    expect(rate).toBeGreaterThan(0.015);
    expect(rate).toBeLessThan(0.04);
    const flagged = pupils.filter(
      (p) =>
        flagsOverTerm(
          { leftBehind: p.leftBehind, absences: term.get(p.key) ?? [] },
          DEFAULT_RULE_SET,
          DEMO_CALENDAR_2024,
        ).length > 0,
    );
    expect(flagged.length).toBeGreaterThan(5);
    expect(flagged.length).toBeLessThan(150);
  });
});

describe("the calendar worked out once for a day's run", () => {
  it("gives the same findings as working it out per pupil, for every rule and any window", () => {
    const term = schoolDaysBetween("2024-09-02", "2025-01-17", DEMO_CALENDAR_2024);
    const reasons: Absence["reason"][] = ["truant", "unknown", "sick", "personal"];
    const short = { version: 3, params: { ...DEFAULT_RULE_PARAMS, windowDays: 5, monthDays: 2 } };
    let compared = 0;
    let flagged = 0;
    for (const ruleSet of [DEFAULT_RULE_SET, short]) {
      term.forEach((day, k) => {
        if (k % 5 !== 0) {
          return;
        }
        const days = absenceRuleDays(day, ruleSet, DEMO_CALENDAR_2024);
        for (let p = 0; p < 12; p++) {
          // every pupil a different pattern, with a Sunday (not a school day) among the absences
          const absences: Absence[] = term
            .filter((d, j) => d <= day && (j * 7 + p * 13) % (p + 2) === 0)
            .map((d, j) => ({ day: d, reason: reasons[(j + p) % 4] ?? "truant" }));
          absences.push({ day: "2024-10-13", reason: "truant" });
          const pupil = { leftBehind: p % 2 === 0, absences };
          const once = evaluateAbsences(pupil, day, ruleSet, DEMO_CALENDAR_2024, days);
          expect(once).toEqual(evaluateAbsences(pupil, day, ruleSet, DEMO_CALENDAR_2024));
          compared++;
          flagged += once.length;
        }
      });
    }
    expect(compared).toBeGreaterThan(100);
    expect(flagged).toBeGreaterThan(50);
  });
});
