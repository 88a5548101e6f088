/**
 * Third pass: classified lines become a tree of numbered nodes. The depth of a numbering style is not
 * fixed; it is learnt from how styles nest in the document (a style already open closes everything
 * below it, a new style opens a level), which absorbs documents that skip or reorder GB/T 9704 levels.
 */
import type { Issue } from "../issues.ts";
import { isHan } from "./chars.ts";
import { readMarker, type Line, type MarkerMatch } from "./lines.ts";
import type { MarkerStyle } from "./types.ts";

/** A `[start, end)` range of the clean text. */
export type Segment = [number, number];

/** A node as built, still in clean offsets; roles, units and spans are added later. */
export interface StructNode {
  path: string;
  parentPath: string;
  level: number;
  marker: string;
  markerStyle: MarkerStyle;
  writtenNumber: number | null;
  ordinal: number;
  title: string;
  /** Clean offset of the marker. */
  start: number;
  /** Clean offset where the node's own text ends (the next node starts). */
  end: number;
  titleStart: number;
  titleEnd: number;
  /** The node's own text: heading content and body lines, without child nodes or page chrome. */
  segments: Segment[];
  /** Index of the parent in the node list, -1 at the top. */
  parent: number;
}

/** Result of building the tree. */
export interface Structure {
  nodes: StructNode[];
  /** Text before the first node (cover letter, preamble). */
  preamble: Segment[];
  issues: Issue[];
}

interface Frame {
  style: MarkerStyle;
  index: number;
}

interface Scope {
  ordinals: Set<number>;
  max: number;
}

const TITLE_BREAKS = "。!?;";
/** Findings of one kind listed one by one before they are summarised. */
const MAX_REPEATS = 20;
const TITLE_SOFT_BREAKS = ",、:";
const TITLE_MAX = 40;
/** A space this close to the start of a title ends it. */
const TITLE_SPACE_MAX = 16;

/**
 * The title of a heading or run-in item: up to the first sentence break (。 or, where it was lost, a
 * mojibake "?"), and for long run-ins without one, up to the first comma.
 */
export function titleRange(text: string, start: number, end: number): [number, number] {
  let stop = end;
  for (let i = start; i < end; i++) {
    const c = text.charAt(i);
    // A space after a short heading is a lost line break: "一、指导思想 以习近平…" (text from web pages).
    if (TITLE_BREAKS.includes(c) || (c === " " && i - start >= 2 && i - start <= TITLE_SPACE_MAX)) {
      stop = i;
      break;
    }
  }
  if (stop - start > TITLE_MAX) {
    let soft = -1;
    for (let i = start + 4; i < start + TITLE_MAX; i++) {
      if (TITLE_SOFT_BREAKS.includes(text.charAt(i))) {
        soft = i;
        break;
      }
    }
    stop = soft > 0 ? soft : start + TITLE_MAX;
  }
  let e = stop;
  while (e > start && " ,、:;。.".includes(text.charAt(e - 1))) {
    e--;
  }
  return [start, e];
}

/**
 * Builds the node tree from classified lines. Past `maxNodes` nodes it stops and reports a
 * `too-many-items` error at the line where the limit was reached: a hostile file of a million headings
 * must not become a million-item draft.
 */
export function buildStructure(
  text: string,
  lines: readonly Line[],
  maxNodes: number = Number.POSITIVE_INFINITY,
): Structure {
  const nodes: StructNode[] = [];
  const preamble: Segment[] = [];
  const issues: Issue[] = [];
  const stack: Frame[] = [];
  const scopes = new Map<number, Scope>([[-1, { ordinals: new Set(), max: 0 }]]);
  const lastNumberOfStyle = new Map<MarkerStyle, number>();

  const top = (): number => stack[stack.length - 1]?.index ?? -1;
  const reported = new Map<string, number>();
  /** Records a finding; past MAX_REPEATS of one code only the count grows (a summary is added at the end). */
  const report = (code: string, severity: Issue["severity"], message: string, offset: number): void => {
    const n = (reported.get(code) ?? 0) + 1;
    reported.set(code, n);
    if (n <= MAX_REPEATS) {
      issues.push({ code, severity, message, where: { offset } });
    }
  };
  const addBody = (seg: Segment): void => {
    const node = nodes[top()];
    if (node === undefined) {
      preamble.push(seg);
    } else {
      node.segments.push(seg);
    }
  };

  const expected = (m: MarkerMatch): boolean => {
    const frame = stack.find((f) => f.style === m.style);
    const sibling = frame === undefined ? undefined : nodes[frame.index];
    if (m.style === "cn-shi") {
      return sibling ? m.number === (sibling.writtenNumber ?? 0) + 1 : m.number === 1;
    }
    const last = sibling?.writtenNumber ?? lastNumberOfStyle.get(m.style);
    return last !== undefined && m.number === last + 1;
  };

  const accept = (m: MarkerMatch): boolean => (!m.isDefective && m.style !== "cn-shi") || expected(m);

  const open = (m: MarkerMatch, markerStart: number, lineEnd: number): void => {
    const depth = stack.findIndex((f) => f.style === m.style);
    if (depth >= 0) {
      stack.length = depth;
    }
    const parent = top();
    const scope = scopes.get(parent) ?? { ordinals: new Set<number>(), max: 0 };
    let ordinal = m.number ?? scope.max + 1;
    if (scope.ordinals.has(ordinal)) {
      report(
        "duplicate-number",
        "warning",
        `编号“${m.text}”重复，已按顺序编为第 ${String(scope.max + 1)} 项`,
        markerStart,
      );
      ordinal = scope.max + 1;
    }
    scope.ordinals.add(ordinal);
    scope.max = Math.max(scope.max, ordinal);
    scopes.set(parent, scope);
    const parentNode = nodes[parent];
    const [ts, te] = titleRange(text, m.contentStart, lineEnd);
    const index = nodes.length;
    nodes.push({
      path: parentNode ? `${parentNode.path}.${String(ordinal)}` : String(ordinal),
      parentPath: parentNode?.path ?? "",
      level: stack.length + 1,
      marker: m.text,
      markerStyle: m.style,
      writtenNumber: m.number,
      ordinal,
      title: text.slice(ts, te),
      start: markerStart,
      end: lineEnd,
      titleStart: ts,
      titleEnd: te,
      segments: [],
      parent,
    });
    scopes.set(index, { ordinals: new Set(), max: 0 });
    stack.push({ style: m.style, index });
    if (m.number !== null) {
      lastNumberOfStyle.set(m.style, m.number);
    }
  };

  /**
   * Handles one line: a marker may open a node; run-in items split it further. A loop, not recursion:
   * one giant line of run-in items ("…。2.…。3.…", a .docx with one run) must not exhaust the stack.
   */
  const handle = (lineStart: number, end: number): void => {
    // Looking ahead for sequences may read each character of the line a few times, never more.
    const budget = { left: 4 * (end - lineStart) + SEQUENCE_WINDOW };
    for (let start = lineStart; ;) {
      const m = readMarker(text, start, end);
      let bodyStart = start;
      if (m !== null && accept(m)) {
        open(m, start, end);
        bodyStart = m.contentStart;
      }
      const runIn = findRunIn(
        text,
        bodyStart,
        end,
        (r, at) =>
          r.style !== "cn-shi" &&
          !r.isDefective &&
          (expected(r) ||
            (stack.every((f) => f.style !== r.style) && startsSequence(text, r, at, end, budget))),
      );
      if (runIn < 0) {
        if (bodyStart < end) {
          addBody([bodyStart, end]);
        }
        return;
      }
      endTitleBefore(text, nodes[top()], start, runIn);
      addBody([bodyStart, runIn]);
      report("run-in-item", "info", "有条目与上一段连在同一行，已拆分", runIn);
      start = runIn;
    }
  };

  for (const [index, line] of lines.entries()) {
    if (line.kind !== "text") {
      continue;
    }
    handle(line.start, line.end);
    if (nodes.length > maxNodes) {
      nodes.length = maxNodes;
      issues.push({
        code: "too-many-items",
        severity: "error",
        message: `条目超过 ${String(maxNodes)} 个（到第 ${String(index + 1)} 行已超出），已停止解析。请检查文件是否为一份规划，或拆分后再导入`,
        where: { offset: line.start, line: index + 1 },
      });
      break;
    }
  }
  closeNodes(nodes);
  for (const [code, n] of reported) {
    if (n > MAX_REPEATS) {
      issues.push({
        code,
        severity: "info",
        message: `同类情况另有 ${String(n - MAX_REPEATS)} 处未逐一列出`,
      });
    }
  }
  if (nodes.length === 0) {
    issues.push({
      code: "no-structure",
      severity: "warning",
      message: "未识别到“一、”“(一)”“1.”等编号层级，全文按一段处理",
    });
  }
  return { nodes, preamble, issues };
}

/**
 * Characters after which a run-in item may start: a sentence end, the close of a bracketed note
 * ("…（责任单位：县教育局）四、…"), a space that once was a line break ("三、主要任务 （一）…"), and ；：.
 * Half-width forms: the clean text has folded full-width punctuation.
 */
const RUN_IN_BREAKS = new Set([0x3002, 0x29, 0x20, 0x3b, 0x3a]);

/** How far ahead the next number of a sequence is looked for: bounded, so the scan stays linear. */
const SEQUENCE_WINDOW = 3000;

/**
 * True when `m` (number 1) opens a sequence within this line: the same style's number 2 follows after a
 * break within {@link SEQUENCE_WINDOW} (and the line's look-ahead `budget`). Text copied from a web page arrives as one line
 * ("…制定本方案。一、指导思想…二、工作目标…"); a lone "1." in prose opens nothing.
 */
function startsSequence(
  text: string,
  m: MarkerMatch,
  at: number,
  end: number,
  budget: { left: number },
): boolean {
  if (m.number !== 1 || budget.left <= 0) {
    return false;
  }
  const stopAt = Math.min(end, at + SEQUENCE_WINDOW, m.contentStart + budget.left);
  budget.left -= stopAt - m.contentStart;
  for (let stop = m.contentStart; stop + 1 < stopAt; stop++) {
    if (!RUN_IN_BREAKS.has(text.charCodeAt(stop))) {
      continue;
    }
    const next = readMarker(text, stop + 1, end);
    if (next !== null && next.style === m.style && next.number === 2 && !next.isDefective) {
      return true;
    }
  }
  return false;
}

/** Offset of an item run into the text after a break ("…。2.下一项…"), or -1. */
function findRunIn(
  text: string,
  start: number,
  end: number,
  isExpected: (m: MarkerMatch, at: number) => boolean,
): number {
  // Only this line is searched: a search running on to the end of the text made a document of many
  // lines without a "。" quadratic (10⁶ headings took minutes).
  for (let stop = start; stop + 1 < end; stop++) {
    if (!RUN_IN_BREAKS.has(text.charCodeAt(stop))) {
      continue;
    }
    let p = stop + 1;
    while (p < end && text.charAt(p) === " ") {
      p++;
    }
    const c = text.charCodeAt(p);
    if ((c >= 0x30 && c <= 0x39) || c === 0x28 || isHan(c)) {
      const m = readMarker(text, p, end);
      if (m !== null && isExpected(m, p)) {
        return p;
      }
    }
  }
  return -1;
}

/** The heading of a run-in line ends where the next item starts: "三、主要任务 (一)优化…". */
function endTitleBefore(text: string, node: StructNode | undefined, lineStart: number, next: number): void {
  if (node !== undefined && node.start === lineStart && node.titleEnd > next) {
    [node.titleStart, node.titleEnd] = titleRange(text, node.titleStart, next);
    node.title = text.slice(node.titleStart, node.titleEnd);
  }
}

/** A node's own text ends with its last body segment (the next node or the page furniture follows). */
function closeNodes(nodes: StructNode[]): void {
  for (const node of nodes) {
    const lastSeg = node.segments[node.segments.length - 1];
    node.end = Math.max(lastSeg?.[1] ?? node.titleEnd, node.titleEnd);
  }
}
