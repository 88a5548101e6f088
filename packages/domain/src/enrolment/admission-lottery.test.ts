import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runAdmissionLottery, type LotteryApplicant, type LotterySchool } from "./admission-lottery.ts";

const entropy = [{ name: "双色球 2027052 期", numbers: [2, 7, 13, 21, 28, 33, 5] }];
const schools: LotterySchool[] = [
  { code: "A", seats: 3, neighbours: ["B", "C"] },
  { code: "B", seats: 2, neighbours: ["C"] },
  { code: "C", seats: 1, neighbours: [] },
];
const apply = (school: string, tier: number, count: number, prefix: string): LotteryApplicant[] =>
  Array.from({ length: count }, (_, i) => ({
    label: `${prefix}${String(i + 1).padStart(3, "0")}`,
    school,
    tier,
  }));

describe("超员摇号 with 调剂", () => {
  it("admits every applicant of a school with seats enough, without a cut-off", () => {
    const outcome = runAdmissionLottery(schools, apply("B", 1, 2, "B"), entropy);
    expect(outcome.admissions.every((a) => a.status === "admitted" && a.school === "B")).toBe(true);
    expect(outcome.schools.find((s) => s.code === "B")).toMatchObject({
      oversubscribed: false,
      cutOff: null,
    });
  });

  it("admits by tier first and lottery number second, and places the rest in the neighbouring 片区", () => {
    const applicants = [...apply("A", 2, 4, "A2-"), ...apply("A", 1, 2, "A1-"), ...apply("B", 1, 1, "B1-")];
    const outcome = runAdmissionLottery(schools, applicants, entropy);
    const atA = outcome.admissions.filter((a) => a.status === "admitted" && a.school === "A");
    expect(atA).toHaveLength(3);
    // both tier-1 children are in; the third seat goes to the tier-2 child with the lowest number
    expect(atA.filter((a) => a.tier === 1)).toHaveLength(2);
    const tier2 = outcome.admissions
      .filter((a) => a.tier === 2)
      .sort((a, b) => a.lotteryRank - b.lotteryRank);
    expect(tier2[0]?.status).toBe("admitted");
    // the three others go to B (one seat left after B's own applicant) then C (one seat), then nowhere
    expect(tier2.slice(1).map((a) => [a.status, a.school])).toEqual([
      ["reassigned", "B"],
      ["reassigned", "C"],
      ["unplaced", null],
    ]);
    const a = outcome.schools.find((s) => s.code === "A");
    expect(a).toMatchObject({ applicants: 6, admitted: 3, oversubscribed: true, cutOff: { tier: 2 } });
    expect(a?.cutOff?.lotteryRank).toBe(tier2[0]?.lotteryRank);
  });

  it("never places more children than seats and places each child once, whatever the applications", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ school: fc.constantFrom("A", "B", "C"), tier: fc.integer({ min: 1, max: 3 }) }),
          {
            maxLength: 20,
          },
        ),
        (rows) => {
          const applicants = rows.map((row, i) => ({ ...row, label: `X${String(i)}` }));
          if (applicants.length === 0) return;
          const outcome = runAdmissionLottery(schools, applicants, entropy);
          expect(outcome.admissions).toHaveLength(applicants.length);
          for (const school of schools) {
            const placed = outcome.admissions.filter((adm) => adm.school === school.code).length;
            expect(placed).toBeLessThanOrEqual(school.seats);
          }
          expect(runAdmissionLottery(schools, applicants, entropy)).toEqual(outcome);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("names the application that refers to an unknown school or tier", () => {
    expect(() => runAdmissionLottery(schools, [{ label: "Z1", school: "Q", tier: 1 }], entropy)).toThrow(
      /第 1 份报名（Z1）所报学校 Q/u,
    );
    expect(() => runAdmissionLottery(schools, [{ label: "Z1", school: "A", tier: 0 }], entropy)).toThrow(
      /类别 0/u,
    );
    expect(() =>
      runAdmissionLottery(
        [{ code: "A", seats: 1, neighbours: ["Q"] }],
        [{ label: "Z1", school: "A", tier: 1 }],
        entropy,
      ),
    ).toThrow(/调剂学校 Q/u);
  });
});
