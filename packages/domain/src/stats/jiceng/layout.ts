/**
 * 基层表 layouts as data: which 表 (教基NNNN / 基础基NNN) a generation of the 教育事业统计 年报 prints, its
 * 行代码 and 栏号, and where each luoshi data element sits in it. A value is addressed by
 * (表号, 行代码, 栏号), never by a cell position, so a column moving between years is a data change.
 */
import JIAOJI_2021 from "./generation-jiaoji-2021.json" with { type: "json" };
import JIAOJI_2022 from "./generation-jiaoji-2022.json" with { type: "json" };
import JICHUJI_2012 from "./generation-jichuji-2012.json" with { type: "json" };

/** A (行代码 or 栏号, label) pair as the sheet prints it. */
export type CodedLabel = readonly [code: string, label: string];

/** One grid 表: 指标名称 and 行代码 down the side, 栏号 (甲, 乙, 1, 2 …) across. */
export interface JicengTable {
  /** 表号 as the sheet name starts: 教基3112, 基础基312. */
  table: string;
  title: string;
  /** 行代码 (two digits) and 指标名称. */
  rows: readonly CodedLabel[];
  /** Numbered 栏号 ("1", "2" …) and their headings. */
  columns: readonly CodedLabel[];
  /** 计量单位 by 行代码 (a 丙 column), for tables that mix units. */
  units?: readonly CodedLabel[];
}

/** A field of the 基本情况 form (教基1001 / 基础基111). */
export type JicengFormField =
  "schoolCode" | "schoolName" | "schoolType" | "urbanRural" | "sponsor" | "ownership" | "isInclusive";

/** The 基本情况 form: labels, each followed by its value to the right. */
export interface JicengForm {
  table: string;
  title: string;
  fields: readonly (readonly [field: JicengFormField, label: string])[];
}

/**
 * Where a data element comes from: the sum of `cells` (addresses `表号/行代码/栏号`) less the sum of
 * `minus`, times `scale` (万元 → 元: 10000). No cell filled: the element is not reported.
 */
export interface JicengMapping {
  element: string;
  cells: readonly string[];
  minus?: readonly string[];
  scale?: number;
}

/** One generation of the 基层表: the years it was used, its sheet prefix, form, tables and mappings. */
export interface JicengGeneration {
  id: string;
  label: string;
  firstYear: number;
  /** Last 统计年度 of the layout; null while current. */
  lastYear: number | null;
  /** 教基 or 基础基. */
  prefix: string;
  form: JicengForm;
  tables: readonly JicengTable[];
  mappings: readonly JicengMapping[];
}

const FORM_FIELDS: readonly JicengFormField[] = [
  "schoolCode",
  "schoolName",
  "schoolType",
  "urbanRural",
  "sponsor",
  "ownership",
  "isInclusive",
];

const isPairs = (x: unknown): x is CodedLabel[] =>
  Array.isArray(x) &&
  x.every((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === "string"));

/**
 * A generation file checked against {@link JicengGeneration}: a broken data file fails at load with its
 * id, never halfway through an import.
 */
function asGeneration(raw: unknown): JicengGeneration {
  const g = raw as Partial<Record<keyof JicengGeneration, unknown>>;
  const form = g.form as Partial<JicengForm> | undefined;
  const tables = g.tables as Partial<JicengTable>[] | undefined;
  const mappings = g.mappings as Partial<JicengMapping>[] | undefined;
  const ok =
    typeof g.id === "string" &&
    typeof g.firstYear === "number" &&
    (g.lastYear === null || typeof g.lastYear === "number") &&
    typeof g.prefix === "string" &&
    form !== undefined &&
    isPairs(form.fields) &&
    form.fields.every(([f]) => (FORM_FIELDS as readonly string[]).includes(f)) &&
    Array.isArray(tables) &&
    tables.every(
      (t) => isPairs(t.rows) && isPairs(t.columns) && (t.units === undefined || isPairs(t.units)),
    ) &&
    Array.isArray(mappings) &&
    mappings.every(
      (m) =>
        typeof m.element === "string" &&
        [m.cells, m.minus ?? []].every(
          (refs: unknown) =>
            Array.isArray(refs) &&
            refs.every((c: unknown) => typeof c === "string" && /^[^/]+\/\d{2}\/\d+$/.test(c)),
        ),
    );
  if (!ok) {
    throw new Error(`基层表格式文件 ${String(g.id)} 不完整`);
  }
  return raw as JicengGeneration;
}

/** Every known generation, oldest first: one JSON file each (generation-<id>.json). */
export const JICENG_GENERATIONS: readonly JicengGeneration[] = [JICHUJI_2012, JIAOJI_2021, JIAOJI_2022].map(
  asGeneration,
);

/** The generation in use for 统计年度 `year`, or undefined before 2012. */
export function jicengGenerationFor(year: number): JicengGeneration | undefined {
  return JICENG_GENERATIONS.find((g) => year >= g.firstYear && (g.lastYear === null || year <= g.lastYear));
}

/** A cell address split: 表号, 行代码, 栏号. */
export interface CellRef {
  table: string;
  row: string;
  column: string;
}

/** `教基3112/02/3` → its parts. */
export function parseCellRef(ref: string): CellRef {
  const [table = "", row = "", column = ""] = ref.split("/");
  return { table, row, column };
}

/** A sheet name split into 表号 and the 办学类型 after it (`教基3112_小学`), or null for another sheet. */
export function parseJicengSheetName(name: string): { table: string; suffix: string } | null {
  const m = /^\s*((?:教基\d{4})|(?:基础基\d{3}))(?:[_＿\-—\s]+(.*))?$/.exec(name);
  return m === null ? null : { table: m[1] ?? "", suffix: (m[2] ?? "").trim() };
}

/** True when a workbook's sheet names are those of a 基层表 (one of them a 教基 / 基础基 表). */
export function isJicengWorkbook(sheetNames: readonly string[]): boolean {
  return sheetNames.some((n) => parseJicengSheetName(n) !== null);
}

/**
 * Elements the 基层表 does not hold, collected through a supplement (补充数据): 骨干教师, 持证教师 and
 * 持证校长, 音乐/美术专用教室, 最大班额, 巩固率 cohorts, 经费. 人口 comes as the template's 人口 sheet.
 */
export const SUPPLEMENT_ELEMENT_PREFIXES: readonly string[] = [
  "teachers.backbone.",
  "teachers.certified.",
  "principals.certified",
  "rooms.",
  "area.musicRooms",
  "area.artRooms",
  "cohort.",
  "funding.",
  ".maxSize",
];

/** Whether `element` is one a supplement carries. */
export function isSupplementElement(element: string): boolean {
  return SUPPLEMENT_ELEMENT_PREFIXES.some((p) =>
    p.startsWith(".") ? element.endsWith(p) : element === p || element.startsWith(p),
  );
}
