/**
 * Synthetic 基层表 workbooks: a school-year record written back into the year's 基层表 layout (one grid
 * per 表, the 基本情况 form first) and the elements the 基层表 lacks into a 补充数据 supplement. Tests and
 * demos use them; the values are the synthetic records', so they look made up because they are.
 */
import {
  SCHOOL_TYPE_LABELS,
  type SchoolAttributes,
  type SchoolType,
  type UrbanRural,
} from "../../org/org-unit.ts";
import { SCHOOL_TYPE_CODES, URBAN_RURAL_CODES } from "@luoshi/common";
import { DATA_ELEMENTS } from "../data-elements.ts";
import { FINE_CLASS_SIZE_BANDS } from "../levels.ts";
import type { Cell } from "../template-parse.ts";
import { jicengGenerationFor, parseCellRef, type JicengFormField, type JicengGeneration } from "./layout.ts";
import type { GridWorkbook, SheetGrid } from "./read.ts";

/** The 办学类型 code a generated form prints for each school type. */
const TYPE_CODE: Readonly<Record<SchoolType, string>> = Object.fromEntries(
  (Object.keys(SCHOOL_TYPE_LABELS) as SchoolType[]).map((t) => [
    t,
    t === "special" ? "514" : (SCHOOL_TYPE_CODES.find((c) => c.schoolType === t)?.code ?? ""),
  ]),
) as Record<SchoolType, string>;
const URBAN_CODE: Readonly<Record<UrbanRural, string>> = { urban: "111", town: "121", rural: "220" };

/** A school to write: its code, name and attributes. */
export interface GeneratedSchool {
  code: string;
  name: string;
  attributes: SchoolAttributes;
}

/** Cell values by address (`表号/行代码/栏号`) that reproduce `values` through `generation`'s mappings. */
function cellValues(
  generation: JicengGeneration,
  values: Readonly<Record<string, number | undefined>>,
): Map<string, number> {
  const cells = new Map<string, number>();
  const simple = generation.mappings.filter((m) => m.cells.length === 1 && m.minus === undefined);
  for (const m of simple) {
    const v = values[m.element];
    const ref = m.cells[0];
    if (v !== undefined && ref !== undefined) {
      cells.set(ref, v / (m.scale ?? 1));
    }
  }
  for (const m of generation.mappings.filter((x) => !simple.includes(x))) {
    const v = values[m.element];
    if (v === undefined) {
      continue;
    }
    const scaled = v / (m.scale ?? 1);
    const less = (m.minus ?? []).reduce((s, ref) => s + (cells.get(ref) ?? 0), 0);
    const open = m.cells.filter((ref) => !cells.has(ref));
    const first = open[0];
    if (first === undefined) {
      continue;
    }
    const filled = m.cells.reduce((s, ref) => s + (cells.get(ref) ?? 0), 0);
    cells.set(first, scaled + less - filled);
  }
  return cells;
}

/** The elements a generation's mappings read. */
export function mappedElements(generation: JicengGeneration): Set<string> {
  return new Set(generation.mappings.map((m) => m.element));
}

function formValue(field: JicengFormField, school: GeneratedSchool): Cell {
  const a = school.attributes;
  switch (field) {
    case "schoolCode":
      return school.code;
    case "schoolName":
      return school.name;
    case "schoolType": {
      const code = TYPE_CODE[a.schoolType];
      return `${code} ${SCHOOL_TYPE_CODES.find((c) => c.code === code)?.name ?? ""}`;
    }
    case "urbanRural": {
      const code = URBAN_CODE[a.urbanRural];
      return `${code} ${URBAN_RURAL_CODES.find((c) => c.code === code)?.name ?? ""}`;
    }
    case "sponsor":
      return a.ownership === "private" ? "999 民办" : "841 县级教育部门";
    case "ownership":
      return a.ownership === "private" ? "民办" : "公办";
    case "isInclusive":
      return a.schoolType === "kindergarten" ? (a.isInclusive ? "是" : "否") : null;
  }
}

/**
 * One school's 基层表 workbook for `year`: the form, then every 表 one of whose cells the record fills
 * (others left out, as a school leaves out 表 that do not concern it). A 10-wide 班额 band without its
 * 5-wide halves is written into the lower half.
 */
export function jicengWorkbook(
  school: GeneratedSchool,
  year: number,
  values: Readonly<Record<string, number | undefined>>,
): GridWorkbook {
  const generation = jicengGenerationFor(year);
  if (generation === undefined) {
    return { fileName: `${school.code}.xlsx`, sheets: [] };
  }
  const suffix = (name: string) =>
    generation.prefix === "教基" ? `${name}_${SCHOOL_TYPE_LABELS[school.attributes.schoolType]}` : name;
  const cells = cellValues(generation, values);
  const sheets: SheetGrid[] = [
    {
      name: suffix(generation.form.table),
      rows: [
        [`${generation.form.title}（${generation.form.table}）`],
        [`统计年度：${year}`],
        ...generation.form.fields.map(([field, label]): Cell[] => [label, formValue(field, school)]),
      ],
    },
  ];
  for (const t of generation.tables) {
    if (![...cells.keys()].some((ref) => parseCellRef(ref).table === t.table)) {
      continue;
    }
    const units = t.units === undefined ? null : new Map(t.units);
    const lead = (a: Cell, b: Cell, c: Cell): Cell[] => (units === null ? [a, b] : [a, b, c]);
    sheets.push({
      name: suffix(t.table),
      rows: [
        [`${t.title}（${t.table}）`],
        [`学校名称：${school.name}`, null, `学校标识码：${school.code}`],
        [...lead("指标名称", "代码", "计量单位"), ...t.columns.map(([, label]) => label)],
        [...lead("甲", "乙", "丙"), ...t.columns.map(([code]) => code)],
        ...t.rows.map(([row, label]) => [
          ...lead(label, row, units?.get(row) ?? null),
          ...t.columns.map(([column]) => cells.get(`${t.table}/${row}/${column}`) ?? null),
        ]),
      ],
    });
  }
  return { fileName: `${school.code}_${school.name}.xlsx`, sheets };
}

/** Adds the 5-wide 班额 halves a record lacks: each 10-wide band's count goes to its lower half. */
export function withFineClassBands(values: Readonly<Record<string, number>>): Record<string, number> {
  const out = { ...values };
  for (const level of ["primary", "junior", "senior"]) {
    for (const b of FINE_CLASS_SIZE_BANDS) {
      const whole = values[`classes.${level}.${b.of}`];
      const key = `classes.${level}.${b.key}`;
      if (whole !== undefined && out[key] === undefined) {
        const lower = FINE_CLASS_SIZE_BANDS.find((x) => x.of === b.of)?.key === b.key;
        out[key] = lower ? whole : 0;
      }
    }
  }
  return out;
}

const LABEL = new Map(DATA_ELEMENTS.map((e) => [e.code, e.label]));

/**
 * The supplement (补充数据) of a year: one row per school with the elements the year's 基层表 layout does
 * not map, and a 人口 sheet of the 乡镇 rows given. No 统计年度 column: the year is the import's.
 */
export function supplementWorkbook(
  year: number,
  records: readonly { schoolCode: string; values: Readonly<Record<string, number | undefined>> }[],
  population: readonly { areaCode: string; values: Readonly<Record<string, number | undefined>> }[] = [],
): GridWorkbook {
  const generation = jicengGenerationFor(year);
  const mapped = generation === undefined ? new Set<string>() : mappedElements(generation);
  const schoolElements = [
    ...new Set(records.flatMap((r) => Object.keys(r.values).filter((e) => !mapped.has(e)))),
  ].sort();
  const areaElements = [...new Set(population.flatMap((r) => Object.keys(r.values)))].sort((a, b) =>
    a.localeCompare(b, "en", { numeric: true }),
  );
  const sheets: SheetGrid[] = [
    {
      name: "补充数据",
      rows: [
        ["学校标识码", ...schoolElements.map((e) => LABEL.get(e) ?? e)],
        ...records.map((r) => [r.schoolCode, ...schoolElements.map((e) => r.values[e] ?? null)]),
      ],
    },
  ];
  if (population.length > 0) {
    sheets.push({
      name: "人口",
      rows: [
        ["乡镇代码", ...areaElements.map((e) => LABEL.get(e) ?? e)],
        ...population.map((r) => [r.areaCode, ...areaElements.map((e) => r.values[e] ?? null)]),
      ],
    });
  }
  return { fileName: `补充数据_${year}.xlsx`, sheets };
}
