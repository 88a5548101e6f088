/**
 * `parseDocument`: text of a policy document → meta, numbered nodes with roles and responsible units,
 * and targets, every one pointing into the original text. Pure and linear in the text's length.
 */
import type { Issue } from "../issues.ts";
import { cleanText, toOriginalSpan, type CleanText } from "./clean.ts";
import { classifyLines } from "./lines.ts";
import { extractMeta } from "./meta.ts";
import { assignRoles } from "./roles.ts";
import { buildStructure, type StructNode } from "./structure.ts";
import { extractTargets } from "./targets.ts";
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
  const targets: ParsedTarget[] = raw.map((t) => ({
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
  }));

  const issues: Issue[] = [...cleanIssues, ...structure.issues];
  if (meta.title === null) {
    issues.push({ code: "title-not-found", severity: "info", message: "未识别到文件标题" });
  }
  return { meta, nodes, targets, issues, clean };
}
