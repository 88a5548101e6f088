/**
 * 任务分解表: the table a bureau assigns work with — 序号 / 重点工作任务 / 牵头单位 / 配合单位 / 完成时限
 * (and often 目标 or 备注). It reaches the parser in two shapes:
 *
 * - one row per line, cells separated by tabs (a workbook's rows, as the .xlsx reader writes them);
 * - one cell per line (a Word table read as paragraphs, or a web page's table flattened by the site),
 *   where empty cells leave no line and a long cell may span several lines.
 *
 * The header row is recognised by its wording, whatever the exact words; each row becomes an item with
 * its task text, units (the lead first), deadline and goal, every part pointing at its cell in the text.
 * Pure and linear in the number of lines.
 */
import type { Line } from "./lines.ts";
import { isUnitName, splitTopLevel, splitUnitNames } from "./units.ts";

/** What a column holds. */
type ColumnKind = "seq" | "task" | "lead" | "co" | "resp" | "deadline" | "goal" | "note" | "leader";

/** A cell: its text and `[start, end)` in the (clean) text. */
interface TableCell {
  text: string;
  start: number;
  end: number;
}

/** One row of a task table. */
interface TaskTableRow {
  /** 序号 as written, or null when the table has none (rows are then numbered in order). */
  number: string | null;
  task: TableCell | null;
  goal: TableCell | null;
  /** Units in the order the row names them: 牵头 first, then 配合 (or the 责任单位 as listed). */
  units: string[];
  /** The lead (牵头单位): the 牵头 column's first unit, else the first 责任单位. */
  lead: string | null;
  deadline: string | null;
  start: number;
  end: number;
}

export interface TaskTable {
  /** The line just above the header when it names the table (…任务分解表, …任务清单). */
  title: string | null;
  /** From the header's first character to the last row's end. */
  start: number;
  end: number;
  rows: TaskTableRow[];
}

const HEADER_WORDS: readonly [RegExp, ColumnKind][] = [
  [/^(?:序号|编号|序|项次|号)$/, "seq"],
  [/^(?:牵头(?:单位|部门|领导)?|主责(?:单位|部门)|牵头责任单位)$/, "lead"],
  [/^(?:配合|协办|协同|参与|协助)(?:单位|部门)?$/, "co"],
  [/^(?:责任(?:单位|部门|主体|科室)|负责(?:单位|部门)|承办(?:单位|科室))$/, "resp"],
  [/^(?:完成)?(?:时限|时间|期限)(?:要求|安排|节点)?$|^(?:进度|时间)安排$|^完成时间节点$/, "deadline"],
  [
    /^(?:(?:预期|工作|年度|具体|量化)?目标(?:任务)?|(?:考核)?指标|预期成效|完成标准|工作标准|成果形式|预期成果)$/,
    "goal",
  ],
  [/^(?:备注|说明)$/, "note"],
  // the official in charge (分管县领导 俞悦): a person, not a unit, so the row's units leave it out
  [/^(?:分管|联系|包保|责任)(?:县|市|区|局)?(?:领导|负责人|责任人)$|^(?:责任人|负责人|联系人)$/, "leader"],
  [
    /^(?:重点|主要|具体|年度)?(?:工作)?(?:任务|内容|事项|措施)(?:内容|名称|及措施)?$|^重点工作$|^工作(?:内容|举措|要点)$|^具体(?:措施|举措)$|^任务(?:分解|清单)$|^(?:工作)?目标(?:与|和|及)(?:任务|举措|措施)$/,
    "task",
  ],
];

function columnKind(cell: string): ColumnKind | null {
  const word = cell.replace(/[\s()（）*]/g, "");
  if (word.length === 0 || word.length > 12) {
    return null;
  }
  return HEADER_WORDS.find(([re]) => re.test(word))?.[1] ?? null;
}

/** A header needs a task column and a unit column; no column kind twice. */
function isHeader(kinds: readonly (ColumnKind | null)[]): kinds is ColumnKind[] {
  if (kinds.length < 3 || kinds.some((k) => k === null)) {
    return false;
  }
  const set = new Set(kinds);
  return (
    set.size === kinds.length && set.has("task") && (set.has("lead") || set.has("resp") || set.has("co"))
  );
}

/** A deadline by the calendar: 2024年12月底, 2024.12, 9月, 2025. */
const DATE_LIKE = /^(?:(?:19|20)\d{2}\s*年|(?:19|20)\d{2}[.\-/]|\d{1,2}\s*月|(?:19|20)\d{2}$)/;
/** A deadline in words, short: 长期坚持, 持续推进, 每学期, 年底前 (a task may start with 持续推进 too). */
const DATE_WORDS =
  /^(?:长期|持续|常态|每年|每学期|每季度|每月|全年|年底|年内|年前|上半年|下半年|按(?:时|期|要求))/;

/** A cell that lists units: every name ends like an agency, or it is a collective 各… group. */
function isUnitList(text: string): boolean {
  if (text.length > 120) {
    return false;
  }
  const names = splitTopLevel(text.replace(/[（(](?:牵头|配合|负责)[)）]/g, "")).filter((t) => t.length > 0);
  return names.length > 0 && names.every(isUnitName);
}

/** A cell naming officials: a few short Han names (俞 悦, 陆明、俞悦), no unit among them. */
function isPersonList(text: string): boolean {
  return text.length <= 16 && /^[\u4e00-\u9fff][\u4e00-\u9fff\s、,，]*$/.test(text) && !isUnitList(text);
}

function isDateLike(text: string): boolean {
  return (text.length <= 40 && DATE_LIKE.test(text)) || (text.length <= 10 && DATE_WORDS.test(text));
}

/** Units and lead of a row from its unit cells. */
function rowUnits(cells: Partial<Record<ColumnKind, TableCell>>): { units: string[]; lead: string | null } {
  const units: string[] = [];
  let lead: string | null = null;
  for (const kind of ["lead", "resp", "co"] as const) {
    const cell = cells[kind];
    if (cell === undefined) {
      continue;
    }
    const raw = cell.text.split(/[、,，;；/\s]+/);
    const marked = raw.find((t) => /[（(]牵头[)）]$/.test(t));
    for (const name of splitUnitNames(cell.text.replace(/[（(](?:牵头|配合|负责)[)）]/g, ""))) {
      if (!units.includes(name)) {
        units.push(name);
      }
    }
    if (lead === null && marked !== undefined) {
      lead = marked.replace(/[（(]牵头[)）]$/, "");
    }
    if (lead === null && (kind === "lead" || kind === "resp")) {
      lead = splitUnitNames(cell.text.replace(/[（(](?:牵头|配合|负责)[)）]/g, ""))[0] ?? null;
    }
  }
  return { units, lead };
}

function toRow(
  number: string | null,
  cells: Partial<Record<ColumnKind, TableCell>>,
  start: number,
  end: number,
) {
  const { units, lead } = rowUnits(cells);
  return {
    number,
    task: cells.task ?? null,
    goal: cells.goal ?? null,
    units,
    lead,
    deadline: cells.deadline?.text ?? null,
    start,
    end,
  };
}

function cellAt(text: string, start: number, end: number): TableCell {
  return { text: text.slice(start, end).trim(), start, end };
}

/** True when the line holds a tab; searched within the line only (a search to the end is quadratic). */
function hasTab(text: string, line: Line): boolean {
  for (let i = line.start; i < line.end; i++) {
    if (text.charCodeAt(i) === 0x09) {
      return true;
    }
  }
  return false;
}

/** Splits a line on tabs into cells with their offsets. */
function tabCells(text: string, line: Line): TableCell[] {
  const cells: TableCell[] = [];
  let from = line.start;
  for (let i = line.start; i <= line.end; i++) {
    if (i === line.end || text.charCodeAt(i) === 0x09) {
      let s = from;
      let e = i;
      while (s < e && text.charCodeAt(s) === 0x20) {
        s++;
      }
      while (e > s && text.charCodeAt(e - 1) === 0x20) {
        e--;
      }
      cells.push({ text: text.slice(s, e), start: s, end: e });
      from = i + 1;
    }
  }
  return cells;
}

function titleAbove(text: string, lines: readonly Line[], index: number): string | null {
  for (let k = index - 1; k >= 0 && k >= index - 3; k--) {
    const l = lines[k];
    if (l === undefined || l.end === l.start) {
      continue;
    }
    const t = text.slice(l.start, l.end);
    return /(?:任务分解|任务清单|分工|责任分解|台账|一览表|安排表)/.test(t) && t.length <= 60 ? t : null;
  }
  return null;
}

/** A table laid out one row per line, cells separated by tabs, from the header at line `h`. */
function readTabTable(text: string, lines: readonly Line[], h: number, kinds: ColumnKind[]) {
  const rows: TaskTableRow[] = [];
  let end = lines[h]?.end ?? 0;
  let k = h + 1;
  for (; k < lines.length; k++) {
    const line = lines[k];
    if (line === undefined) {
      break;
    }
    if (line.end === line.start) {
      continue;
    }
    const cells = tabCells(text, line);
    if (cells.length < 2) {
      break;
    }
    const byKind: Partial<Record<ColumnKind, TableCell>> = {};
    kinds.forEach((kind, i) => {
      const c = cells[i];
      if (c !== undefined && c.text !== "") {
        byKind[kind] = c;
      }
    });
    if (byKind.task === undefined) {
      continue;
    }
    rows.push(toRow(byKind.seq?.text ?? null, byKind, line.start, line.end));
    end = line.end;
  }
  return { rows, end, next: k };
}

/** The number a 序号 cell holds: 1, 1., (一), 一 … or null when the line is not one. */
function seqNumber(cell: string): number | null {
  const m = /^[(（]?(\d{1,3}|[一二三四五六七八九十]{1,3})[)）.、．]?$/.exec(cell);
  if (m?.[1] === undefined) {
    return null;
  }
  const digits = Number(m[1]);
  if (Number.isInteger(digits)) {
    return digits;
  }
  const cn = "一二三四五六七八九";
  const t = m[1];
  if (t === "十") {
    return 10;
  }
  const tens = t.startsWith("十") ? 1 : t.includes("十") ? cn.indexOf(t.charAt(0)) + 1 : 0;
  const unit = cn.indexOf(t.charAt(t.length - 1)) + 1;
  return t.includes("十") ? tens * 10 + (t.endsWith("十") ? 0 : unit) : unit;
}

/**
 * Distributes a row's lines (one cell per line) over the columns after 序号: in column order, each line
 * goes to the first column left that fits it (units to a unit column, a date to 时限, text to 任务/目标);
 * more text lines than text columns continue the cell before them (a cell of several paragraphs).
 */
function assignCells(text: string, rowLines: readonly Line[], kinds: readonly ColumnKind[]) {
  const columns = kinds.filter((k) => k !== "seq");
  const byKind: Partial<Record<ColumnKind, TableCell>> = {};
  let col = 0;
  let used = 0;
  let last: ColumnKind | null = null;
  for (const line of rowLines) {
    const content = text.slice(line.start, line.end);
    const fits = (kind: ColumnKind): boolean =>
      kind === "lead" || kind === "co" || kind === "resp"
        ? isUnitList(content)
        : kind === "deadline"
          ? isDateLike(content)
          : kind === "leader"
            ? isPersonList(content)
            : !isUnitList(content) && !isDateLike(content);
    let found = -1;
    for (let c = col; c < columns.length; c++) {
      const kind = columns[c];
      if (kind !== undefined && fits(kind)) {
        found = c;
        break;
      }
    }
    const kind = found >= 0 ? columns[found] : undefined;
    if (kind === undefined) {
      // A further paragraph of a text cell; anything else is past the row (a signature, a date).
      const prev = last === null ? undefined : byKind[last];
      if (last === null || prev === undefined || !fits(last) || !TEXT_COLUMNS.has(last)) {
        break;
      }
      byKind[last] = cellAt(text, prev.start, line.end);
      used++;
      continue;
    }
    byKind[kind] = cellAt(text, line.start, line.end);
    last = kind;
    col = found + 1;
    used++;
  }
  return { byKind, used };
}

const TEXT_COLUMNS = new Set<ColumnKind>(["task", "goal", "note"]);

/** A table laid out one cell per line, rows starting at their 序号 (n, n+1, n+2 … in order, n the first). */
function readCellTable(text: string, lines: readonly Line[], first: number, kinds: ColumnKind[]) {
  const rows: TaskTableRow[] = [];
  let end = lines[first - 1]?.end ?? 0;
  // rows count on from their first 序号: an excerpt or a continued table may start at 80
  const firstLine = lines.slice(first).find((l) => l.end > l.start);
  let expected = firstLine === undefined ? 1 : (seqNumber(text.slice(firstLine.start, firstLine.end)) ?? 1);
  let k = first;
  const maxLinesPerRow = kinds.length * 6;
  while (k < lines.length) {
    const head = lines[k];
    if (head === undefined) {
      break;
    }
    if (head.end === head.start) {
      k++;
      continue;
    }
    const seqText = text.slice(head.start, head.end);
    if (seqNumber(seqText) !== expected) {
      break;
    }
    const rowLines: Line[] = [];
    let j = k + 1;
    for (; j < lines.length && rowLines.length < maxLinesPerRow; j++) {
      const l = lines[j];
      if (l === undefined) {
        break;
      }
      if (l.end === l.start) {
        continue;
      }
      const t = text.slice(l.start, l.end);
      if (seqNumber(t) === expected + 1) {
        break;
      }
      // The last row ends where its columns are used up and a line that fits none follows.
      if (rowLines.length >= kinds.length - 1 && !isUnitList(t) && !isDateLike(t)) {
        break;
      }
      rowLines.push(l);
    }
    const { byKind, used } = assignCells(text, rowLines, kinds);
    if (byKind.task === undefined) {
      break;
    }
    const lastLine = rowLines[used - 1];
    const rowEnd = lastLine?.end ?? head.end;
    rows.push(toRow(seqText, byKind, head.start, rowEnd));
    end = rowEnd;
    expected++;
    k = used < rowLines.length ? lines.indexOf(rowLines[used] ?? head, k) : j;
    if (used < rowLines.length) {
      break;
    }
  }
  return { rows, end, next: k };
}

/**
 * Every task table in the text, in order. `lines` are the classified lines of the clean text; the
 * tables' lines are the caller's to set aside from the numbered structure.
 */
export function findTaskTables(text: string, lines: readonly Line[]): TaskTable[] {
  const tables: TaskTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || line.end === line.start || line.end - line.start > 200) {
      continue;
    }
    // One row per line: the header's cells are tab-separated.
    if (hasTab(text, line)) {
      const kinds = tabCells(text, line).map((c) => columnKind(c.text));
      if (isHeader(kinds)) {
        const read = readTabTable(text, lines, i, kinds);
        if (read.rows.length > 0) {
          tables.push({
            title: titleAbove(text, lines, i),
            start: line.start,
            end: read.end,
            rows: read.rows,
          });
          i = read.next - 1;
        }
      }
      continue;
    }
    // One cell per line: consecutive short lines that are all header words.
    if (columnKind(text.slice(line.start, line.end)) === null) {
      continue;
    }
    const kinds: ColumnKind[] = [];
    let j = i;
    for (; j < lines.length && kinds.length < 9; j++) {
      const l = lines[j];
      if (l === undefined) {
        break;
      }
      if (l.end === l.start) {
        continue;
      }
      const kind = columnKind(text.slice(l.start, l.end));
      if (kind === null) {
        break;
      }
      kinds.push(kind);
    }
    if (!isHeader(kinds) || kinds[0] !== "seq") {
      continue;
    }
    const read = readCellTable(text, lines, j, kinds);
    if (read.rows.length > 0) {
      tables.push({ title: titleAbove(text, lines, i), start: line.start, end: read.end, rows: read.rows });
      i = read.next - 1;
    }
  }
  return tables;
}
