/**
 * 修订对比: what a re-imported (revised) document changes against the confirmed plan. Nodes are paired
 * by title first, wherever they moved, and then by path; so an item inserted in the middle of a section
 * shows as one addition, not as every later item renamed.
 */

/** The part of a node that a comparison looks at. */
export interface DiffNode {
  path: string;
  title: string;
  role: string;
  units: readonly string[];
  lead: string | null;
}

/** One changed field of a node present in both versions. */
export interface NodeChange {
  path: string;
  field: "title" | "role" | "units" | "lead";
  before: string;
  after: string;
}

/** The differences between two versions of a plan. */
export interface PlanDifference {
  added: { path: string; title: string }[];
  removed: { path: string; title: string }[];
  changed: NodeChange[];
  targetsAdded: string[];
  targetsRemoved: string[];
}

const norm = (s: string) => s.replace(/[\s，。、；：,.;:（）()]/g, "");

/** Compares a confirmed plan (`before`) with its revision (`after`); targets compare by their text. */
export function diffPlans(
  before: { nodes: readonly DiffNode[]; targets: readonly string[] },
  after: { nodes: readonly DiffNode[]; targets: readonly string[] },
): PlanDifference {
  // First pair items whose title is unchanged, wherever they moved; then what is left at the same path
  // (a reworded item); the rest were added or removed.
  const unpairedBefore = new Map(before.nodes.map((n) => [n.path, n]));
  const byTitle = new Map<string, DiffNode[]>();
  for (const n of before.nodes) {
    byTitle.set(norm(n.title), [...(byTitle.get(norm(n.title)) ?? []), n]);
  }
  const pairs: [DiffNode, DiffNode][] = [];
  const rest: DiffNode[] = [];
  for (const n of after.nodes) {
    const candidates = (byTitle.get(norm(n.title)) ?? []).filter((c) => unpairedBefore.has(c.path));
    const match = candidates.find((c) => c.path === n.path) ?? candidates[0];
    if (match === undefined) {
      rest.push(n);
    } else {
      unpairedBefore.delete(match.path);
      pairs.push([match, n]);
    }
  }
  const added: DiffNode[] = [];
  for (const n of rest) {
    const samePath = unpairedBefore.get(n.path);
    if (samePath === undefined) {
      added.push(n);
    } else {
      unpairedBefore.delete(n.path);
      pairs.push([samePath, n]);
    }
  }
  const changed: NodeChange[] = [];
  for (const [b, a] of pairs) {
    if (norm(b.title) !== norm(a.title)) {
      changed.push({ path: a.path, field: "title", before: b.title, after: a.title });
    }
    if (b.role !== a.role) {
      changed.push({ path: a.path, field: "role", before: b.role, after: a.role });
    }
    if (b.units.join("、") !== a.units.join("、")) {
      changed.push({ path: a.path, field: "units", before: b.units.join("、"), after: a.units.join("、") });
    }
    if ((b.lead ?? "") !== (a.lead ?? "")) {
      changed.push({ path: a.path, field: "lead", before: b.lead ?? "", after: a.lead ?? "" });
    }
  }
  const beforeTargets = new Set(before.targets.map(norm));
  const afterTargets = new Set(after.targets.map(norm));
  return {
    added: added.map((n) => ({ path: n.path, title: n.title })),
    removed: [...unpairedBefore.values()].map((n) => ({ path: n.path, title: n.title })),
    changed,
    targetsAdded: after.targets.filter((t) => !beforeTargets.has(norm(t))),
    targetsRemoved: before.targets.filter((t) => !afterTargets.has(norm(t))),
  };
}
