import { describe, expect, it } from "vitest";
import { generateDemoCounty } from "../demo/demo-county.ts";
import { generateDemoStatistics } from "../stats/demo-statistics.ts";
import type { SchoolYearRecord } from "../stats/records.ts";
import { STANDARD_INDICATORS } from "./catalogue.ts";
import { compileIndicatorSource, type CompiledExpression } from "./compile.ts";
import { compileIndicators, evaluateIndicators } from "./definition.ts";
import { evaluateCompiled, shareAggregates, type IndicatorTable } from "./engine.ts";
import { prepareRows, type PreparedRows } from "./prepared-rows.ts";
import { buildStatRows, type StatRow } from "./rows.ts";
import { TEST_POPULATION, TEST_RECORDS, TEST_UNITS } from "./test-county.ts";

const compile = (source: string): CompiledExpression => {
  const c = compileIndicatorSource(source);
  if (c.compiled === undefined) {
    throw new Error(c.issues.map((i) => i.message).join("; "));
  }
  return c.compiled;
};

/** Replaces the column of `code` by one that records which rows are read (and counts the reads). */
function spyColumn(p: PreparedRows, code: string): Set<number> & { reads: number } {
  const read = Object.assign(new Set<number>(), { reads: 0 });
  const col = new Float64Array(p.rowCount);
  p.rows.forEach((r, i) => {
    col[i] = r.values[code] ?? 0;
  });
  const spy = new Proxy(col, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) {
        read.add(Number(key));
        read.reads += 1;
      }
      const v: unknown = Reflect.get(target, key, receiver === spy ? target : receiver);
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  p.columns.set(code, spy);
  return read;
}

/** Every (unit, year) value of a table, keyed "unit|year", with numerator and denominator. */
function cellsOf(t: IndicatorTable): Map<string, readonly (number | null)[]> {
  const out = new Map<string, readonly (number | null)[]>();
  t.unitCodes.forEach((u, ui) => {
    t.years.forEach((y, yi) => {
      const i = ui * t.years.length + yi;
      out.set(`${u}|${y}`, [
        t.isDefined[i] === 1 ? (t.values[i] ?? null) : null,
        t.numerators?.[i] ?? null,
        t.denominators?.[i] ?? null,
      ]);
    });
  });
  return out;
}

describe("evaluateCompiled: only the years the output needs", () => {
  // The test county plus rows far outside any window asked for below (2000 and 2030).
  const far: SchoolYearRecord[] = TEST_RECORDS.flatMap((r) => [
    { ...r, year: 2000 },
    { ...r, year: 2030 },
  ]);
  const { rows } = buildStatRows(TEST_UNITS, [...far, ...TEST_RECORDS], TEST_POPULATION);
  const yearsOf = (p: PreparedRows, read: Set<number>): number[] =>
    [...new Set([...read].map((r) => p.rows[r]?.year ?? 0))].sort((a, b) => a - b);

  it("reads the rows of the output year only, for a formula without look-back", () => {
    const p = prepareRows(rows);
    const read = spyColumn(p, "pupils.primary");
    const r = evaluateCompiled(p, "t", compile("sum(pupils.primary)"), { years: [2020] });
    expect(r.table.values[r.table.unitCodes.indexOf("100000")]).toBe(300);
    expect(read.size).toBeGreaterThan(0);
    expect(yearsOf(p, read)).toEqual([2020]);
  });

  it("reads the rows of output year − lag for a lagged element (招生 of year − 9)", () => {
    const p = prepareRows(rows);
    const read = spyColumn(p, "entrants.primary");
    const r = evaluateCompiled(p, "t", compile("sum(entrants.primary@-9)"), { years: [2020] });
    expect(r.table.values[r.table.unitCodes.indexOf("100000")]).toBe(250);
    expect(yearsOf(p, read)).toEqual([2011]);
  });

  it("reads the rows of a filtered, non-linear aggregate only in the window too", () => {
    const p = prepareRows(rows);
    const read = spyColumn(p, "teachers.fullTime.primary");
    const src = "sum(pupils.primary / teachers.fullTime.primary where schoolType = nineYear)";
    const r = evaluateCompiled(p, "t", compile(src), { years: [2020] });
    expect(r.table.values[r.table.unitCodes.indexOf("100000")]).toBe(15);
    expect(yearsOf(p, read)).toEqual([2020]);
  });

  it("counts per-record divisions by zero only in the rows it aggregates", () => {
    // Every 2020 record reappears in 2000 and 2030: the kindergarten's 0 primary teachers divide by
    // zero in each of those years, but only the 2020 row is part of the computation.
    const p = prepareRows(rows);
    const src = "sum(pupils.primary / teachers.fullTime.primary)";
    const one = evaluateCompiled(p, "t", compile(src), { years: [2020] }).issues;
    const inside = prepareRows(rows.filter((r) => r.year !== 2000 && r.year !== 2030));
    const expected = evaluateCompiled(inside, "t", compile(src), { years: [2020] }).issues;
    expect(one.find((i) => i.code === "row-division-by-zero")?.message).toBe(
      expected.find((i) => i.code === "row-division-by-zero")?.message,
    );
    expect(one.find((i) => i.code === "row-division-by-zero")).toBeDefined();
  });

  it("gives the catalogue the same values, 分子 and 分母 with or without rows outside the window", () => {
    const county = generateDemoCounty();
    const stats = generateDemoStatistics(county);
    const all: StatRow[] = buildStatRows(
      county.units,
      [...stats.enrolmentHistory, ...stats.records],
      stats.population,
    ).rows;
    const years = [2021, 2022, 2023, 2024];
    const { compiled } = compileIndicators(STANDARD_INDICATORS);
    // The widest look-back of the catalogue is 9 years: rows before 2012 can feed no output year.
    const window = all.filter((r) => r.year >= 2012);
    expect(window.length).toBeLessThan(all.length);
    const pAll = prepareRows(all);
    const pWindow = prepareRows(window);
    for (const c of compiled) {
      const a = cellsOf(evaluateCompiled(pAll, c.definition.code, c.plan, { years }).table);
      const b = cellsOf(evaluateCompiled(pWindow, c.definition.code, c.plan, { years }).table);
      expect(a, c.definition.code).toEqual(b);
    }
  });

  it("gives years outside the rows' range the aggregates' empty values", () => {
    const p = prepareRows(rows);
    const r = evaluateCompiled(p, "t", compile("sum(pupils.primary) / maxOf(pupils.primary)"), {
      years: [1990, 2020, 2040],
    });
    const u = r.table.unitCodes.indexOf("100000");
    expect([...r.table.isDefined.slice(u * 3, u * 3 + 3)]).toEqual([0, 1, 0]);
    expect(r.table.numerators?.[u * 3]).toBe(0);
  });
});

describe("shareAggregates: one accumulation per distinct aggregate of a batch", () => {
  const { rows } = buildStatRows(TEST_UNITS, TEST_RECORDS, TEST_POPULATION);
  const plans = [
    compile("sum(pupils.primary) / sum(teachers.fullTime.primary)"),
    compile("sum(pupils.primary / teachers.fullTime.primary)"),
    compile("sum( pupils.primary ) * 100 / sum(classes.primary)"),
  ];

  it("reads a shared aggregate's rows once and gives the same tables and issues", () => {
    const p = prepareRows(rows);
    const spied = spyColumn(p, "pupils.primary");
    const cache = shareAggregates(plans);
    const shared = plans.map((c, i) => evaluateCompiled(p, `t${i}`, c, { years: [2020], aggregates: cache }));
    const batchReads = spied.reads;
    const readsAlone = plans.map((c) => {
      spied.reads = 0;
      evaluateCompiled(p, "alone", c, { years: [2020] });
      return spied.reads;
    });
    // Σ pupils.primary serves the first and the third plan but is summed once (by the first).
    expect(readsAlone[2]).toBeGreaterThan(0);
    expect(batchReads).toBe((readsAlone[0] ?? 0) + (readsAlone[1] ?? 0));
    const alone = plans.map((c, i) => evaluateCompiled(prepareRows(rows), `t${i}`, c, { years: [2020] }));
    shared.forEach((r, i) => {
      expect(cellsOf(r.table)).toEqual(cellsOf(alone[i]?.table as IndicatorTable));
      expect(r.issues).toEqual(alone[i]?.issues);
    });
    // Every entry was dropped after its last user.
    expect(cache.kept.size).toBe(0);
  });

  it("is bypassed for other rows or years than the first it served", () => {
    const cache = shareAggregates(plans);
    const a = evaluateIndicators(prepareRows(rows), [], { years: [2020], aggregates: cache });
    expect(a.tables.size).toBe(0);
    const p = prepareRows(rows);
    const first = evaluateCompiled(p, "t", plans[0] as CompiledExpression, {
      years: [2020],
      aggregates: cache,
    });
    const other = evaluateCompiled(p, "t", plans[2] as CompiledExpression, {
      years: [2011, 2020],
      aggregates: cache,
    });
    expect(first.table.values).toEqual(
      evaluateCompiled(p, "t", plans[0] as CompiledExpression, { years: [2020] }).table.values,
    );
    expect(other.table.values).toEqual(
      evaluateCompiled(p, "t", plans[2] as CompiledExpression, { years: [2011, 2020] }).table.values,
    );
  });
});
