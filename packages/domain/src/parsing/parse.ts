/**
 * `parseDocument`: text of a policy document → meta, numbered nodes with roles and responsible units,
 * and targets, every one pointing into the original text. Pure and linear in the text's length.
 */
import type { Issue } from "../issues.ts";
import { cleanText, toOriginalSpan, type CleanText } from "./clean.ts";
import { classifyLines } from "./lines.ts";
import { extractMeta } from "./meta.ts";
import { assignRoles } from "./roles.ts";
import { buildStructure, titleRange, type StructNode } from "./structure.ts";
import { extractTargets, type RawTarget, type TargetNodeInput } from "./targets.ts";
import { findTaskTables, type TaskTable } from "./task-table.ts";
import type { NodeRole, ParsedDocument, ParsedNode, ParsedTarget } from "./types.ts";
import { extractUnits, type UnitsState } from "./units.ts";

/** A parsed document with the cleaned text kept for callers that show or re-read passages. */
export interface ParseResult extends ParsedDocument {
  clean: CleanText;
}

function nodeText(text: string, node: StructNode): string {
  const [only] = node.segments;
  if (node.segments.length === 1 && only !== undefined) {
    return text.slice(only[0], only[1]);
  }
  return node.segments.map(([s, e]) => text.slice(s, e)).join("\n");
}

/** Years a schedule section lists at line starts (2019年 开展…, 2020年 深入…). */
function scheduleYears(text: string, nodes: readonly StructNode[], roles: readonly NodeRole[]): number[] {
  const years: number[] = [];
  nodes.forEach((node, i) => {
    if (roles[i] !== "schedule") {
      return;
    }
    for (const [s] of node.segments) {
      const m = /^((?:19|20)\d{2})\s*年/.exec(text.slice(s, s + 8));
      if (m) {
        years.push(Number(m[1]));
      }
    }
  });
  return years;
}

/** Bounds for untrusted input. */
export interface ParseOptions {
  /** More numbered items than this is an error (`too-many-items`) and parsing stops there. */
  maxNodes?: number;
}

/**
 * Parses the text of a policy document (五年规划, 实施方案, 工作要点 …). Never throws: what it could not
 * read is reported in `issues` (e.g. `no-structure` when the text has no numbering at all; the one error
 * is `too-many-items` past `options.maxNodes`).
 */
export function parseDocument(original: string, options: ParseOptions = {}): ParseResult {
  const { clean, issues: cleanIssues } = cleanText(original);
  const text = clean.text;
  const lines = classifyLines(text);
  // 任务分解表 rows are items of their own; their lines are kept out of the numbered structure.
  const tables = findTaskTables(text, lines);
  for (const line of lines) {
    if (tables.some((t) => line.start >= t.start && line.start < t.end)) {
      line.kind = "blank";
    }
  }
  const structure = buildStructure(text, lines, options.maxNodes);
  const roles = assignRoles(structure.nodes.map((n) => ({ title: n.title, parent: n.parent })));
  const bodyStart = structure.nodes[0]?.start ?? text.length;
  const { meta } = extractMeta(text, lines, bodyStart, scheduleYears(text, structure.nodes, roles));

  const unitsState: UnitsState = { isFirstLead: false };
  const nodes: ParsedNode[] = structure.nodes.map((n, i) => {
    const found = extractUnits(nodeText(text, n), unitsState);
    return {
      path: n.path,
      parentPath: n.parentPath,
      level: n.level,
      marker: n.marker,
      markerStyle: n.markerStyle,
      writtenNumber: n.writtenNumber,
      ordinal: n.ordinal,
      title: n.title,
      role: roles[i] ?? "other",
      units: found.units,
      lead: found.lead,
      span: toOriginalSpan(clean, n.start, n.end),
      titleSpan: toOriginalSpan(clean, n.titleStart, n.titleEnd),
    };
  });

  const raw = extractTargets(
    text,
    structure.nodes.map((n, i) => ({
      path: n.path,
      role: roles[i] ?? "other",
      segments: n.segments,
      parent: n.parent,
    })),
    structure.preamble,
    meta.period,
  );
  const located = (t: RawTarget): ParsedTarget => ({
    path: t.path,
    text: t.text,
    metric: t.metric,
    indicatorCode: t.indicatorCode,
    comparator: t.comparator,
    value: t.value,
    valueMax: t.valueMax,
    unit: t.unit,
    year: t.year,
    kind: t.kind,
    span: toOriginalSpan(clean, t.start, t.end),
  });
  const targets: ParsedTarget[] = raw.map(located);

  const table = tableItems(text, tables, nodes);
  nodes.push(
    ...table.nodes.map((n) => ({
      ...n,
      span: toOriginalSpan(clean, n.span.start, n.span.end),
      titleSpan: toOriginalSpan(clean, n.titleSpan.start, n.titleSpan.end),
    })),
  );
  targets.push(...extractTargets(text, table.targetInputs, [], meta.period).map(located));

  const issues: Issue[] = [...cleanIssues, ...structure.issues];
  if (tables.length > 0) {
    const rows = tables.reduce((n, t) => n + t.rows.length, 0);
    issues.push({
      code: "task-table",
      severity: "info",
      message: `识别到任务分解表 ${String(tables.length)} 张，共 ${String(rows)} 项任务（按表格行读取牵头单位、配合单位和完成时限）`,
    });
  }
  if (meta.title === null) {
    issues.push({ code: "title-not-found", severity: "info", message: "未识别到文件标题" });
  }
  return {
    meta,
    nodes,
    targets,
    issues: nodes.length > 0 ? issues.filter((i) => i.code !== "no-structure") : issues,
    clean,
  };
}

/**
 * The rows of the task tables as items (clean offsets, mapped by the caller). A table in a document with
 * numbered sections of its own becomes one more top-level item (its title, or 任务分解表) with the rows
 * below it; a document that is only a table has the rows at the top.
 */
function tableItems(
  text: string,
  tables: readonly TaskTable[],
  existing: readonly ParsedNode[],
): { nodes: ParsedNode[]; targetInputs: TargetNodeInput[] } {
  const nodes: ParsedNode[] = [];
  const targetInputs: TargetNodeInput[] = [];
  let top = existing.filter((n) => n.level === 1).reduce((m, n) => Math.max(m, n.ordinal), 0);
  for (const table of tables) {
    let parentPath = "";
    let level = 1;
    if (existing.length > 0 || tables.length > 1) {
      top++;
      parentPath = String(top);
      level = 2;
      const title = table.title ?? "任务分解表";
      nodes.push({
        path: parentPath,
        parentPath: "",
        level: 1,
        marker: "",
        markerStyle: "chapter",
        writtenNumber: null,
        ordinal: top,
        title,
        role: "task",
        units: [],
        lead: null,
        deadline: null,
        span: { start: table.start, end: table.end },
        titleSpan: { start: table.start, end: table.start },
      });
      targetInputs.push({ path: parentPath, role: "task", segments: [], parent: -1 });
    }
    const parentIndex = targetInputs.length - 1;
    table.rows.forEach((row, i) => {
      const ordinal = i + 1;
      const path = parentPath === "" ? String(ordinal) : `${parentPath}.${String(ordinal)}`;
      const task = row.task ?? { text: "", start: row.start, end: row.start };
      const [ts, te] = titleRange(text, task.start, task.end);
      nodes.push({
        path,
        parentPath,
        level,
        marker: row.number ?? String(ordinal),
        markerStyle: "arabic-dot",
        writtenNumber: Number.isInteger(Number(row.number)) ? Number(row.number) : ordinal,
        ordinal,
        title: text.slice(ts, te),
        role: "task",
        units: row.units,
        lead: row.lead,
        deadline: row.deadline,
        span: { start: row.start, end: row.end },
        titleSpan: { start: ts, end: te },
      });
      const segments: [number, number][] = [[task.start, task.end]];
      if (row.goal !== null) {
        segments.push([row.goal.start, row.goal.end]);
      }
      targetInputs.push({ path, role: "task", segments, parent: parentPath === "" ? -1 : parentIndex });
    });
  }
  return { nodes, targetInputs };
}
