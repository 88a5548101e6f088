/**
 * Pure views of a plan for the pages: the tree from flat nodes, the 任务分解表 rows, and the text
 * segments the review page highlights. No React, no fetching — tested beside this file.
 */
import type { PlanDetail, PlanNode, PlanTarget } from "@luoshi/contracts";

/** A node with its children, in document order. */
export interface NodeTreeItem {
  node: PlanNode;
  children: NodeTreeItem[];
}

/** Nodes in the order they appear in the source text (ties: the parent first). */
export function inDocumentOrder(nodes: readonly PlanNode[]): PlanNode[] {
  return [...nodes].sort((a, b) => a.span[0] - b.span[0] || a.level - b.level);
}

/** The tree by `parentPath`; a node whose parent is missing becomes a root rather than vanishing. */
export function buildNodeTree(nodes: readonly PlanNode[]): NodeTreeItem[] {
  const ordered = inDocumentOrder(nodes);
  const byPath = new Map<string, NodeTreeItem>();
  for (const node of ordered) {
    byPath.set(node.path, { node, children: [] });
  }
  const roots: NodeTreeItem[] = [];
  for (const node of ordered) {
    const item = byPath.get(node.path);
    if (item === undefined) {
      continue;
    }
    const parent = node.parentPath === "" ? undefined : byPath.get(node.parentPath);
    (parent && parent !== item ? parent.children : roots).push(item);
  }
  return roots;
}

/** The node before this one in document order — what 合并到上一条 merges into; none for the first. */
export function previousNode(nodes: readonly PlanNode[], nodeId: string): PlanNode | undefined {
  const ordered = inDocumentOrder(nodes);
  const index = ordered.findIndex((n) => n.id === nodeId);
  return index > 0 ? ordered[index - 1] : undefined;
}

/** The innermost node whose span holds `offset` (what a click in the text selects). */
export function nodeAt(nodes: readonly PlanNode[], offset: number): PlanNode | undefined {
  let best: PlanNode | undefined;
  for (const node of nodes) {
    const [start, end] = node.span;
    if (
      offset >= start &&
      offset < end &&
      (best === undefined || end - start < best.span[1] - best.span[0])
    ) {
      best = node;
    }
  }
  return best;
}

/** The targets written under a node (same path), 目标 before 现状. */
export function targetsOf(targets: readonly PlanTarget[], path: string): PlanTarget[] {
  return targets.filter((t) => t.path === path);
}

/** One row of the 任务分解表. */
export interface TaskRow {
  key: string;
  path: string;
  title: string;
  leadUnit: string;
  units: string;
  targets: string;
  deadline: string;
}

/**
 * 时限 of a task: its own deadline; else the latest target year in it (`2020年`); else the end of
 * the plan period (`2020年底`); else nothing.
 */
export function taskDeadline(
  node: PlanNode,
  targets: readonly PlanTarget[],
  periodEnd: number | null,
): string {
  if (node.deadline !== null && node.deadline.trim() !== "") {
    return node.deadline;
  }
  const years = targets.filter((t) => t.kind === "target" && t.year !== null).map((t) => t.year ?? 0);
  if (years.length > 0) {
    return `${Math.max(...years)}年`;
  }
  return periodEnd === null ? "" : `${periodEnd}年底`;
}

/**
 * The 任务分解表: every 主要任务 node that has no task beneath it (the items staff are held to), in
 * document order. Units appear as the document names them (as the .xlsx export does); 责任单位 lists
 * all of them in written order.
 */
export function taskRows(plan: Pick<PlanDetail, "nodes" | "targets" | "periodEnd">): TaskRow[] {
  const tasks = plan.nodes.filter((n) => n.role === "task");
  const parents = new Set(tasks.map((n) => n.parentPath));
  return inDocumentOrder(tasks)
    .filter((n) => !parents.has(n.path))
    .map((node) => {
      const own = targetsOf(plan.targets, node.path);
      const lead = node.units.find((u) => u.isLead);
      return {
        key: node.id,
        path: node.path,
        title: node.title,
        leadUnit: lead?.name ?? "",
        units: node.units.map((u) => u.name).join("、"),
        targets: own
          .filter((t) => t.kind === "target")
          .map((t) => t.text)
          .join("；"),
        deadline: taskDeadline(node, own, plan.periodEnd),
      };
    });
}

/** A stretch of the source text with what lies on it. */
export interface TextSegment {
  start: number;
  end: number;
  /** The innermost node the stretch belongs to, if any. */
  nodeId: string | undefined;
  /** Inside some node's title. */
  isTitle: boolean;
  /** Inside the selected node. */
  isActive: boolean;
  /** Inside a target's words. */
  isTarget: boolean;
}

/**
 * Cuts `[0, length)` at every node, title and target boundary so that each piece can be drawn with
 * one style and knows which node a click on it selects. Spans outside the text are clipped.
 */
export function textSegments(
  length: number,
  nodes: readonly PlanNode[],
  targets: readonly PlanTarget[],
  activeNodeId: string | undefined,
): TextSegment[] {
  const clip = (n: number) => Math.max(0, Math.min(length, n));
  const cuts = new Set<number>([0, length]);
  const titles: [number, number][] = [];
  const words: [number, number][] = [];
  for (const node of nodes) {
    cuts.add(clip(node.span[0])).add(clip(node.span[1]));
    cuts.add(clip(node.titleSpan[0])).add(clip(node.titleSpan[1]));
    titles.push(node.titleSpan);
  }
  for (const target of targets) {
    if (target.span !== null) {
      cuts.add(clip(target.span[0])).add(clip(target.span[1]));
      words.push(target.span);
    }
  }
  const active = nodes.find((n) => n.id === activeNodeId);
  const inside = (spans: readonly [number, number][], at: number) =>
    spans.some(([s, e]) => at >= s && at < e);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: TextSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? length;
    if (end <= start) {
      continue;
    }
    segments.push({
      start,
      end,
      nodeId: nodeAt(nodes, start)?.id,
      isTitle: inside(titles, start),
      isActive: active !== undefined && start >= active.span[0] && start < active.span[1],
      isTarget: inside(words, start),
    });
  }
  return segments;
}
