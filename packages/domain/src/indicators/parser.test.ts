import { describe, expect, it } from "vitest";
import { compileIndicatorSource } from "./compile.ts";
import { parseIndicatorExpression } from "./parser.ts";

describe("parseIndicatorExpression: good expressions", () => {
  it("parses the brief's example into sums, a factor and a global filter", () => {
    const src =
      "sum(teachers.pe + teachers.music + teachers.art) * 100 / sum(pupils.total) where schoolType in (primary, teachingPoint) and urbanRural = rural";
    const { expression, issues } = parseIndicatorExpression(src);
    expect(issues).toEqual([]);
    expect(expression?.expr).toMatchObject({
      kind: "binary",
      op: "/",
      left: {
        kind: "binary",
        op: "*",
        left: { kind: "aggregate", name: "sum" },
        right: { kind: "number", value: 100 },
      },
      right: { kind: "aggregate", name: "sum", arg: { kind: "element", code: "pupils.total", lag: 0 } },
    });
    expect(expression?.filter).toMatchObject({
      kind: "and",
      left: {
        kind: "compare",
        attribute: "schoolType",
        values: ["primary", "teachingPoint"],
        negated: false,
      },
      right: { kind: "compare", attribute: "urbanRural", values: ["rural"] },
    });
  });

  it.each([
    ["pupils.primary", { kind: "element", code: "pupils.primary", lag: 0, pos: 0 }],
    ["entrants.primary@-9", { kind: "element", code: "entrants.primary", lag: 9 }],
    ["-2.5", { kind: "negate", operand: { kind: "number", value: 2.5 } }],
    ["1 + 2 * 3", { kind: "binary", op: "+", right: { kind: "binary", op: "*" } }],
    ["(1 + 2) * 3", { kind: "binary", op: "*", left: { kind: "binary", op: "+" } }],
    [
      "min(100, sum(a.b))",
      { kind: "scalar", name: "min", args: [{ kind: "number" }, { kind: "aggregate" }] },
    ],
    [
      "count(where inclusive)",
      { kind: "aggregate", name: "count", arg: null, filter: { attribute: "inclusive", values: ["true"] } },
    ],
    ["maxOf(classes.primary.maxSize)", { kind: "aggregate", name: "maxOf" }],
    ["sum（pupils.primary）×100÷sum（pupils.total）", { kind: "binary", op: "/" }],
  ] as const)("%s", (src, shape) => {
    const r = parseIndicatorExpression(src);
    expect(r.issues).toEqual([]);
    expect(r.expression?.expr).toMatchObject(shape);
  });

  it.each([
    ["urbanRural = 乡村", { attribute: "urbanRural", values: ["rural"] }],
    ["ownership != 民办", { attribute: "ownership", negated: true, values: ["private"] }],
    ["level not in (小学, junior)", { attribute: "level", negated: true, values: ["primary", "junior"] }],
    ["inclusive = 否", { attribute: "inclusive", values: ["false"] }],
    ["not schoolType = kindergarten", { kind: "not", operand: { attribute: "schoolType" } }],
    ["ownership = public or (inclusive and urbanRural = town)", { kind: "or", right: { kind: "and" } }],
  ] as const)("filter %s", (filter, shape) => {
    const r = parseIndicatorExpression(`sum(pupils.total) where ${filter}`);
    expect(r.issues).toEqual([]);
    expect(r.expression?.filter).toMatchObject(shape);
  });
});

describe("parseIndicatorExpression: errors carry the position", () => {
  it.each([
    ["", "empty-expression", 0],
    ["sum(pupils.total", "expected-token", 16],
    ["sum(pupils.total) )", "unexpected-token", 18],
    ["avg(pupils.total)", "unknown-function", 0],
    ["sum(pupils.total) where colour = red", "unknown-attribute", 24],
    ["sum(pupils.total) where urbanRural = mars", "unknown-attribute-value", 37],
    ["pupils.primary @ -x", "bad-lag", 18],
    ["pupils.primary # 2", "unexpected-character", 15],
    ["1 + * 2", "unexpected-token", 4],
    ["min(1)", "missing-argument", 0],
    ["1.2.3", "bad-number", 0],
    ["sum(pupils.total) where schoolType in (primary", "expected-token", 46],
  ] as const)("%j → %s at %i", (src, code, offset) => {
    const r = parseIndicatorExpression(src);
    expect(r.expression).toBeUndefined();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code, severity: "error", where: { offset } });
    expect(r.issues[0]?.message).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("compileIndicatorSource", () => {
  it.each([
    ["sum(pupils.nope)", "unknown-data-element", 4],
    ["sum(classes.primary.maxSize)", "non-additive-element", 4],
    ["sum(sum(pupils.total))", "nested-aggregate", 4],
    ["sum(pupils.primary@-1 * pupils.primary)", "mixed-lag", 22],
  ] as const)("%s → %s", (src, code, offset) => {
    const r = compileIndicatorSource(src);
    expect(r.compiled).toBeUndefined();
    expect(r.issues[0]).toMatchObject({ code, where: { offset } });
  });

  it("splits a sum by lag, keeps linear parts as coefficients and finds the ratio", () => {
    const r = compileIndicatorSource(
      "min(100, sum(graduates.junior) * 100 / sum(entrants.primary@-9 + cohort.compulsory.transfersIn - cohort.compulsory.transfersOut))",
    );
    expect(r.issues).toEqual([]);
    const denominator = r.compiled?.aggregates[1];
    expect(denominator?.groups.map((g) => [g.lag, g.linear])).toEqual([
      [0, { codes: ["cohort.compulsory.transfersIn", "cohort.compulsory.transfersOut"], coefs: [1, -1] }],
      [9, { codes: ["entrants.primary"], coefs: [1] }],
    ]);
    expect(r.compiled?.ratio?.factor).toBe(100);
  });

  it("treats a bare element as sum(element) under the global filter", () => {
    const r = compileIndicatorSource("pupils.primary where urbanRural = rural");
    expect(r.compiled?.aggregates).toHaveLength(1);
    expect(r.compiled?.aggregates[0]?.filter).toMatchObject({ attribute: "urbanRural" });
  });
});
