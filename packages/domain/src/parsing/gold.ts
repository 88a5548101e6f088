/**
 * The gold annotation format of the policy corpus (shared/corpus/README.md) and `toGold`, which turns a
 * parse into exactly that shape so parses can be diffed and scored against hand annotations.
 */
import type { Comparator, DocumentMeta, NodeRole, ParsedDocument } from "./types.ts";

/** A node as the gold files write it; `units` and `lead` appear on task nodes only. */
export interface GoldNode {
  path: string;
  marker: string;
  title: string;
  role: NodeRole;
  units?: string[];
  lead?: string | null;
}

/** A target as the gold files write it. */
export interface GoldTarget {
  path: string;
  text: string;
  metric: string;
  comparator: Comparator;
  value: number;
  unit: string;
  year: number | null;
  kind: "target" | "baseline";
}

/** One gold file (`*.gold.json`); `doc` names the text file and is optional in parser output. */
export interface GoldDocument {
  doc?: string;
  meta: DocumentMeta;
  nodes: GoldNode[];
  targets: GoldTarget[];
}

/**
 * A target as one bound, the way the gold writes ranges (it has no upper value): a period range
 * (每3-5年, parsed as 3–5) is "at most every 5 years", `<=` 5.
 */
function goldBound(
  t: ParsedDocument["targets"][number],
  value: number,
): { comparator: Comparator; value: number } {
  if (t.valueMax !== null && t.comparator === "=" && t.text.startsWith("每")) {
    return { comparator: "<=", value: t.valueMax };
  }
  return { comparator: t.comparator, value };
}

/**
 * The parse in gold shape. Qualitative targets (value null, e.g. 基本消除大班额) are kept in the parse but
 * left out here: the gold lists quantitative targets and reported figures only.
 */
export function toGold(parsed: ParsedDocument): GoldDocument {
  return {
    meta: { ...parsed.meta },
    nodes: parsed.nodes.map((n) => {
      const node: GoldNode = { path: n.path, marker: n.marker, title: n.title, role: n.role };
      if (n.role === "task") {
        node.units = [...n.units];
        node.lead = n.lead;
      }
      return node;
    }),
    targets: parsed.targets.flatMap((t) =>
      t.value === null
        ? []
        : [
            {
              path: t.path,
              text: t.text,
              metric: t.metric,
              ...goldBound(t, t.value),
              unit: t.unit,
              year: t.year,
              kind: t.kind,
            },
          ],
    ),
  };
}
