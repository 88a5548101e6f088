import { describe, expect, it } from "vitest";
import {
  codesOutsideScope,
  diffStatValues,
  parseImportSheets,
  planStatsImport,
  type ImportSheet,
  type ImportUnit,
  type StatsImportOutcome,
} from "./import-plan.ts";

const S1 = "1620802001";
const S2 = "1620802002";
const T1 = "620802100";

const UNITS = new Map<string, ImportUnit>([
  [S1, { id: "id-s1", kind: "school", schoolType: "primary" }],
  [S2, { id: "id-s2", kind: "school", schoolType: "primary" }],
  [T1, { id: "id-t1", kind: "township", schoolType: null }],
]);

const pupils = (rows: (string | number)[][]): ImportSheet => ({
  name: "学生",
  headers: ["学校标识码", "统计年度", "小学在校生数"],
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});
const area = (rows: (string | number)[][]): ImportSheet => ({
  name: "办学条件",
  headers: ["学校标识码", "统计年度", "校舍建筑面积"],
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

/** Parses and plans in one go, as the import service does (with `outside` standing for the lookup). */
function plan(
  sheets: ImportSheet[],
  options: {
    year?: number;
    outside?: string[];
    current?: Record<string, Record<string, number>>;
    previous?: Record<string, Record<string, number>>;
  } = {},
): StatsImportOutcome {
  const year = options.year ?? 2024;
  const parsed = parseImportSheets(sheets, year, UNITS);
  return planStatsImport({
    year,
    parsed,
    units: UNITS,
    outside: new Set(options.outside ?? []),
    previous: new Map(Object.entries(options.previous ?? {})),
    current: new Map(Object.entries(options.current ?? {})),
    sampleSize: 20,
  });
}

describe("planStatsImport", () => {
  const cases: {
    name: string;
    sheets: ImportSheet[];
    options?: Parameters<typeof plan>[1];
    kind: StatsImportOutcome["kind"];
    codes?: string[];
  }[] = [
    { name: "a valid file is written", sheets: [pupils([[S1, 2024, 300]])], kind: "write" },
    {
      name: "a code of another county is refused, however many other errors",
      sheets: [
        pupils([
          ["9999990001", 2024, 300],
          [S1, 2023, -1],
        ]),
      ],
      options: { outside: ["9999990001"] },
      kind: "forbidden",
      codes: ["unit-out-of-scope"],
    },
    {
      name: "an unknown school code is an error",
      sheets: [pupils([["0000000000", 2024, 300]])],
      kind: "invalid",
      codes: ["unknown-unit"],
    },
    {
      name: "a 乡镇 code on a school sheet is an error",
      sheets: [pupils([[T1, 2024, 300]])],
      kind: "invalid",
      codes: ["unknown-unit"],
    },
    {
      name: "a row of another year is an error",
      sheets: [pupils([[S1, 2023, 300]])],
      kind: "invalid",
      codes: ["wrong-year"],
    },
    {
      name: "two values for one cell are an error",
      sheets: [
        pupils([
          [S1, 2024, 300],
          [S1, 2024, 301],
        ]),
      ],
      kind: "invalid",
      codes: ["conflicting-value"],
    },
    {
      name: "a sheet not in the template is an error",
      sheets: [{ name: "其他", headers: ["x"], rows: [{ row: 2, cells: [1] }] }],
      kind: "invalid",
      codes: ["unknown-sheet"],
    },
    { name: "a file with headers only has nothing to import", sheets: [pupils([])], kind: "empty" },
  ];
  it.each(cases)("$name", ({ sheets, options, kind, codes }) => {
    const out = plan(sheets, options);
    expect(out.kind).toBe(kind);
    if (codes !== undefined) {
      const issues = out.kind === "forbidden" ? out.issues : out.kind === "invalid" ? out.errors : [];
      expect([...new Set(issues.map((i) => i.code))]).toEqual(codes);
    }
  });

  it("changes only what the file covers: other schools, sheets and columns keep their values", () => {
    // one sheet (办学条件) for one school: 学生's column and the other school are not in the file
    const out = plan([area([[S1, 2024, 5100]])], {
      current: {
        [S1]: { "pupils.primary": 300, "area.building": 5000 },
        [S2]: { "pupils.primary": 200, "area.building": 4000 },
      },
    });
    expect(out.kind).toBe("write");
    if (out.kind !== "write") {
      return;
    }
    expect(out.plan.schoolRows).toEqual([
      { orgUnitId: "id-s1", year: 2024, values: { "pupils.primary": 300, "area.building": 5100 } },
    ]);
    expect(out.plan.areaRows).toEqual([]);
    expect(out.plan).toMatchObject({ schools: 1, areas: 0, blankedCount: 0 });
    expect(out.plan.diff).toEqual({
      changedValues: 1,
      perSchool: { [S1]: 1 },
      sample: [{ code: S1, element: "area.building", before: 5000, after: 5100 }],
    });
  });

  it("blanks a stored value only for an empty cell in a column the file has, and says where", () => {
    const out = plan(
      [
        pupils([
          [S1, 2024, ""],
          [S2, 2024, 200],
        ]),
      ],
      {
        current: { [S1]: { "pupils.primary": 300, "area.building": 5000 }, [S2]: { "pupils.primary": 200 } },
      },
    );
    expect(out.kind).toBe("write");
    if (out.kind !== "write") {
      return;
    }
    expect(out.plan.schoolRows).toEqual([
      { orgUnitId: "id-s1", year: 2024, values: { "area.building": 5000 } },
    ]);
    expect(out.plan.blankedCount).toBe(1);
    expect(out.plan.blanked).toEqual([
      {
        sheet: "学生",
        row: 2,
        column: "小学在校生数",
        code: S1,
        element: "pupils.primary",
        before: 300,
        after: null,
      },
    ]);
  });

  it("keeps 10× last year's value as a warning, not an error", () => {
    const out = plan([pupils([[S1, 2024, 3000]])], { previous: { [S1]: { "pupils.primary": 300 } } });
    expect(out.kind).toBe("write");
    expect(out.kind === "write" ? out.plan.warnings.length : 0).toBeGreaterThan(0);
  });
});

describe("codesOutsideScope", () => {
  it("names each code the rows use that is not a unit of the scope, once", () => {
    const parsed = parseImportSheets(
      [
        pupils([
          [S1, 2024, 1],
          ["9999990001", 2024, 2],
          ["9999990001", 2024, 3],
        ]),
      ],
      2024,
      UNITS,
    );
    expect(codesOutsideScope(parsed.rows, UNITS)).toEqual(["9999990001"]);
  });
});

describe("diffStatValues", () => {
  it.each<{ name: string; stored: Record<string, number>; values: Record<string, number>; changed: number }>([
    { name: "no change", stored: { a: 1 }, values: { a: 1 }, changed: 0 },
    { name: "a changed value", stored: { a: 1 }, values: { a: 2 }, changed: 1 },
    { name: "a new value", stored: {}, values: { a: 2 }, changed: 1 },
    { name: "a removed value", stored: { a: 1, b: 2 }, values: { a: 1 }, changed: 1 },
  ])("$name", ({ stored, values, changed }) => {
    const d = diffStatValues(new Map([[S1, stored]]), [{ schoolCode: S1, values }]);
    expect(d.changedValues).toBe(changed);
    expect(d.sample).toHaveLength(changed);
  });

  it("lists at most `sampleSize` changes and counts the rest", () => {
    const d = diffStatValues(new Map(), [{ schoolCode: S1, values: { a: 1, b: 2, c: 3 } }], 2);
    expect(d).toMatchObject({ changedValues: 3, perSchool: { [S1]: 3 } });
    expect(d.sample).toHaveLength(2);
  });
});
