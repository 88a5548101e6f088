import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { differenceCoefficient, type SchoolFigure } from "./difference-coefficient.ts";
import { formatDifferenceCoefficient } from "./display.ts";

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/spec-cases/${name}`, import.meta.url), "utf8");

/** Case 01 (spec §5, S7): 5 schools, books; the 总计 row is dropped. */
function case01(): SchoolFigure[] {
  return fixture("case01_weighted_cv_books_5schools.csv")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(","))
    .filter(([name]) => name !== "总计")
    .map(([name = "", students = "0", books = "0"]) => ({
      schoolId: name,
      students: Number(students),
      quantity: Number(books),
    }));
}

describe("differenceCoefficient (spec §1.1b)", () => {
  it("reproduces case 01: weighted CV 0.5153, published 0.52", () => {
    const { result, issues } = differenceCoefficient(case01());
    expect(issues).toEqual([]);
    expect(result?.denominator).toBe(302);
    expect(result?.numerator).toBe(1913);
    expect(result?.mean).toBeCloseTo(6.33, 2);
    expect(result?.variance).toBeCloseTo(10.65, 1);
    expect(result?.sd).toBeCloseTo(3.26, 2);
    expect(result?.cv).toBeCloseTo(0.5153, 4);
    expect(formatDifferenceCoefficient(result?.cv)).toBe("0.515");
    expect(result?.cv.toFixed(2)).toBe("0.52");
    // Not the unweighted forms the spec warns about.
    expect(result?.cv).not.toBeCloseTo(0.489, 3);
    expect(result?.cv).not.toBeCloseTo(0.546, 3);
  });

  it("keeps each school's value, weight and contribution (the published per-school column)", () => {
    const parts = differenceCoefficient(case01()).result?.parts ?? [];
    expect(parts.map((p) => Number(p.contribution.toFixed(2)))).toEqual([0.0, 0.85, 5.13, 4.5, 0.17]);
    expect(parts.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 12);
    expect(parts[0]).toMatchObject({
      schoolId: "小学1",
      students: 45,
      quantity: 279,
      value: 6.2,
      weight: 45 / 302,
    });
  });

  it.each([
    {
      name: "school-without-students: skipped with a warning",
      figures: [
        { schoolId: "a", students: 0, quantity: 5 },
        { schoolId: "b", students: 10, quantity: 10 },
        { schoolId: "c", students: 10, quantity: 30 },
      ],
      codes: ["school-without-students"],
      cv: 0.5,
    },
    {
      name: "cv-undefined-zero-mean: no division",
      figures: [
        { schoolId: "a", students: 10, quantity: 0 },
        { schoolId: "b", students: 20, quantity: 0 },
      ],
      codes: ["cv-undefined-zero-mean"],
      cv: undefined,
    },
    {
      name: "single-school-level: CV 0",
      figures: [{ schoolId: "a", students: 37, quantity: 1.1 }],
      codes: ["single-school-level"],
      cv: 0,
    },
    { name: "level-without-schools", figures: [], codes: ["level-without-schools"], cv: undefined },
  ])("$name", ({ figures, codes, cv }) => {
    const { result, issues } = differenceCoefficient(figures);
    expect(issues.map((i) => i.code)).toEqual(codes);
    if (cv === undefined) {
      expect(result).toBeUndefined();
    } else {
      expect(result?.cv).toBeCloseTo(cv, 12);
    }
  });

  it("error severity for the zero mean, warning for a school without pupils", () => {
    const zero = differenceCoefficient([{ schoolId: "a", students: 1, quantity: 0 }]);
    expect(zero.issues[0]?.severity).toBe("error");
    const empty = differenceCoefficient([
      { schoolId: "a", students: 0, quantity: 0 },
      { schoolId: "b", students: 1, quantity: 1 },
    ]);
    expect(empty.issues[0]).toMatchObject({ severity: "warning", where: { schoolId: "a" } });
  });

  it("uses the multiplier for 每百名学生 indicators (mean = m·ΣR/ΣP)", () => {
    const { result } = differenceCoefficient(
      [
        { schoolId: "a", students: 200, quantity: 10 },
        { schoolId: "b", students: 300, quantity: 9 },
      ],
      100,
    );
    expect(result?.mean).toBeCloseTo((100 * 19) / 500, 12);
    expect(result?.parts.map((p) => p.value)).toEqual([5, 3]);
  });
});
