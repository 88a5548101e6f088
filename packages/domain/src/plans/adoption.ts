/**
 * 承接方案: a county's own plan made from a higher-level document (上级文件). Staff pick the items the
 * county takes on, name the local units that carry each one, and set local targets (by default the
 * higher-level value). The result is a new own plan whose items and targets keep a link to the ones they
 * implement, so that the county can later report item by item how it carried out the higher scheme.
 *
 * Pure: the service loads the higher plan and the county's unit registry and stores what this returns.
 */

/** An item of the higher-level plan, with its parsed units (tied to the registry where they resolved). */
export interface HigherItem {
  id: string;
  path: string;
  parentPath: string;
  title: string;
  role: string;
  deadline: string | null;
  units: readonly { name: string; orgUnitId: string | null; isLead: boolean }[];
}

/** A target (目标) or current figure (现状值) of the higher-level plan. */
export interface HigherTarget {
  id: string;
  path: string;
  kind: "target" | "baseline";
  text: string;
  metric: string;
  indicatorCode: string | null;
  comparator: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
  year: number | null;
}

/** What staff chose for one picked item; left-out fields take their defaults. */
export interface AdoptionPick {
  nodeId: string;
  /** Local units in order; omitted: the item's parsed units that resolve to the county's registry. */
  units?: readonly { orgUnitId: string; isLead: boolean }[] | undefined;
  /**
   * Local targets; omitted: every target of the item at the higher-level value. Given: only the listed
   * ones, each with its local value (null keeps a target without a number, e.g. 基本消除大班额).
   */
  targets?:
    | readonly {
        targetId: string;
        value: number | null;
        valueMax?: number | null | undefined;
        year?: number | null | undefined;
      }[]
    | undefined;
  /** Local 完成时限; omitted: the higher item's. */
  deadline?: string | null | undefined;
}

/** An item of the new plan, in document order, linked to the higher item it implements or heads. */
export interface AdoptedNode {
  adoptedNodeId: string;
  /** Whether staff picked it (false: an ancestor kept so the tree reads as in the higher document). */
  isPicked: boolean;
  path: string;
  parentPath: string;
  level: number;
  marker: string;
  ordinal: number;
  title: string;
  role: string;
  deadline: string | null;
  span: [number, number];
  titleSpan: [number, number];
  units: { name: string; orgUnitId: string; isLead: boolean }[];
}

/** A local target of the new plan. */
export interface AdoptedTarget {
  adoptedTargetId: string;
  path: string;
  text: string;
  metric: string;
  indicatorCode: string | null;
  comparator: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
  year: number | null;
  span: [number, number];
}

/** The new plan: its generated text (what the offsets point into), items and targets. */
export interface AdoptionDraft {
  title: string;
  text: string;
  nodes: AdoptedNode[];
  targets: AdoptedTarget[];
}

/** Why an adoption cannot be made; the service answers 400 with the message. */
export class AdoptionError extends Error {}

const CN_DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 12 → 十二, 21 → 二十一 (item numbers stay well below 100 in practice). */
export function chineseNumber(n: number): string {
  if (n < 10) {
    return CN_DIGITS[n] ?? String(n);
  }
  if (n < 100) {
    const tens = Math.floor(n / 10);
    return `${tens === 1 ? "" : (CN_DIGITS[tens] ?? "")}十${CN_DIGITS[n % 10] ?? ""}`;
  }
  return String(n);
}

/** The numbering of GB/T 9704 公文 by level: 一、 （一） 1. （1）. */
function markerOf(level: number, ordinal: number): string {
  switch (level) {
    case 1:
      return `${chineseNumber(ordinal)}、`;
    case 2:
      return `（${chineseNumber(ordinal)}）`;
    case 3:
      return `${String(ordinal)}.`;
    default:
      return `（${String(ordinal)}）`;
  }
}

const COMPARATOR_WORDS: Readonly<Record<string, string>> = {
  ">=": "达到",
  "<=": "不超过",
  "=": "达到",
  ">": "超过",
  "<": "低于",
  increase: "提高",
  decrease: "下降",
};

/** A target written out as a sentence: 义务教育巩固率达到97%（2025年）. */
export function targetSentence(t: {
  metric: string;
  comparator: string;
  value: number | null;
  valueMax: number | null;
  unit: string;
  year: number | null;
}): string {
  const value =
    t.value === null
      ? ""
      : t.valueMax === null
        ? String(t.value)
        : `${String(t.value)}–${String(t.valueMax)}`;
  const year = t.year === null ? "" : `（${String(t.year)}年）`;
  return t.value === null
    ? `${t.metric}${year}`
    : `${t.metric}${COMPARATOR_WORDS[t.comparator] ?? t.comparator}${value}${t.unit}${year}`;
}

const isAncestor = (ancestor: string, path: string) => path.startsWith(`${ancestor}.`);

/**
 * The default local units of an item: its parsed units that resolved to a unit of the county's registry
 * (`local`: id → name), in the order written, the lead kept; a unit of another area (市教育局 of the
 * issuing city) is left out.
 */
export function defaultLocalUnits(
  item: Pick<HigherItem, "units">,
  local: ReadonlyMap<string, string>,
): { orgUnitId: string; isLead: boolean }[] {
  const seen = new Set<string>();
  const out: { orgUnitId: string; isLead: boolean }[] = [];
  for (const u of item.units) {
    if (u.orgUnitId !== null && local.has(u.orgUnitId) && !seen.has(u.orgUnitId)) {
      seen.add(u.orgUnitId);
      out.push({ orgUnitId: u.orgUnitId, isLead: u.isLead });
    }
  }
  if (out.length > 0 && !out.some((u) => u.isLead)) {
    const first = out[0];
    if (first !== undefined) {
      first.isLead = true;
    }
  }
  return out;
}

/**
 * Builds the 承接方案 from the picked items: each picked item with its ancestors (kept as headings so the
 * tree reads as in the higher document; a picked item's unpicked children are left out), renumbered
 * 一、（一）1.（1） in order; its local units (chosen, else {@link defaultLocalUnits}); its targets
 * (chosen, else the higher-level values; 现状值 are the higher area's figures and are not carried). The
 * text lists each item with its units, 时限 and targets, and every offset points into it.
 */
export function buildAdoption(input: {
  title: string;
  basis: string;
  items: readonly HigherItem[];
  targets: readonly HigherTarget[];
  picks: readonly AdoptionPick[];
  /** The county's own units (id → name): the only units an adopted item may name. */
  localUnits: ReadonlyMap<string, string>;
}): AdoptionDraft {
  const byId = new Map(input.items.map((n) => [n.id, n]));
  const picks = new Map<string, AdoptionPick>();
  for (const p of input.picks) {
    if (!byId.has(p.nodeId)) {
      throw new AdoptionError("所选条目不属于该上级文件");
    }
    if (picks.has(p.nodeId)) {
      throw new AdoptionError("同一条目不能选择两次");
    }
    picks.set(p.nodeId, p);
  }
  if (picks.size === 0) {
    throw new AdoptionError("请至少选择一个承接的条目");
  }
  const pickedPaths = [...picks.keys()].map((id) => byId.get(id)?.path ?? "");
  const kept = input.items.filter((n) => picks.has(n.id) || pickedPaths.some((p) => isAncestor(n.path, p)));
  const targetIds = new Map(input.targets.map((t) => [t.id, t]));

  const lines: string[] = [input.title, input.basis, ""];
  let offset = lines.reduce((a, l) => a + l.length + 1, 0);
  const newPath = new Map<string, string>();
  const ordinals = new Map<string, number>();
  const nodes: AdoptedNode[] = [];
  const targets: AdoptedTarget[] = [];
  for (const item of kept) {
    const parent = newPath.get(item.parentPath) ?? "";
    const ordinal = (ordinals.get(parent) ?? 0) + 1;
    ordinals.set(parent, ordinal);
    const path = parent === "" ? String(ordinal) : `${parent}.${String(ordinal)}`;
    newPath.set(item.path, path);
    const level = path.split(".").length;
    const marker = markerOf(level, ordinal);
    const pick = picks.get(item.id);
    const start = offset;
    const push = (line: string) => {
      lines.push(line);
      offset += line.length + 1;
    };
    push(`${marker}${item.title}`);
    const titleSpan: [number, number] = [start + marker.length, start + marker.length + item.title.length];
    let units: AdoptedNode["units"] = [];
    let deadline: string | null = null;
    if (pick !== undefined) {
      const chosen = pick.units ?? defaultLocalUnits(item, input.localUnits);
      if (chosen.filter((u) => u.isLead).length > 1) {
        throw new AdoptionError(`“${item.title}”的牵头单位只能有一个`);
      }
      const seen = new Set<string>();
      units = chosen.map((u) => {
        const name = input.localUnits.get(u.orgUnitId);
        if (name === undefined) {
          throw new AdoptionError(`“${item.title}”的责任单位应为本地单位`);
        }
        if (seen.has(u.orgUnitId)) {
          throw new AdoptionError(`“${item.title}”的责任单位重复`);
        }
        seen.add(u.orgUnitId);
        return { name, orgUnitId: u.orgUnitId, isLead: u.isLead };
      });
      const lead = units.filter((u) => u.isLead).map((u) => u.name);
      const co = units.filter((u) => !u.isLead).map((u) => u.name);
      if (lead.length > 0) {
        push(`牵头单位：${lead.join("、")}`);
      }
      if (co.length > 0) {
        push(`${lead.length > 0 ? "配合单位" : "责任单位"}：${co.join("、")}`);
      }
      deadline = pick.deadline === undefined ? item.deadline : pick.deadline;
      if (deadline !== null && deadline !== "") {
        push(`完成时限：${deadline}`);
      }
      const own = input.targets.filter((t) => t.path === item.path && t.kind === "target");
      const chosenTargets =
        pick.targets ??
        own.map((t) => ({ targetId: t.id, value: t.value, valueMax: t.valueMax, year: t.year }));
      for (const c of chosenTargets) {
        const higher = targetIds.get(c.targetId);
        if (higher?.path !== item.path || higher.kind !== "target") {
          throw new AdoptionError(`“${item.title}”的目标应为该条目自己的目标`);
        }
        const local = {
          metric: higher.metric,
          comparator: higher.comparator,
          value: c.value,
          valueMax:
            c.valueMax === undefined ? (c.value === higher.value ? higher.valueMax : null) : c.valueMax,
          unit: higher.unit,
          year: c.year === undefined ? higher.year : c.year,
        };
        const prefix = "目标：";
        const sentence = targetSentence(local);
        const at = offset + prefix.length;
        push(`${prefix}${sentence}`);
        targets.push({
          ...local,
          adoptedTargetId: higher.id,
          path,
          text: sentence,
          indicatorCode: higher.indicatorCode,
          span: [at, at + sentence.length],
        });
      }
    }
    nodes.push({
      adoptedNodeId: item.id,
      isPicked: pick !== undefined,
      path,
      parentPath: parent,
      level,
      marker,
      ordinal,
      title: item.title,
      // a heading kept for context keeps its role; a picked item is the county's work
      role: item.role,
      deadline,
      span: [start, offset],
      titleSpan,
      units,
    });
  }
  const text = lines.join("\n");
  for (const n of nodes) {
    n.span = [n.span[0], Math.min(n.span[1], text.length)];
  }
  return { title: input.title, text, nodes, targets };
}
