/**
 * Scoring a parse against a gold annotation. Pure, so the eval script and a vitest test share it.
 *
 * Matching rules:
 * - Node: same `path`, and the README-normalised titles contain one another (either way). One-to-one.
 * - Role, units, lead: compared on matched nodes; units and lead only where the gold node has them
 *   (task nodes). Units must be the same names in the same order (normalised); lead equal or both null.
 * - Target: same `path`, same comparator, value equal (to 1e-6 relative), unit equal (normalised),
 *   same year, and the phrase agrees: the normalised metrics contain one another, or the normalised
 *   texts do. The last clause is what keeps the rule fair — metric names are the annotator's wording
 *   (预算内教育经费拨款(十三五累计)) while the text is the document's; a prediction naming the same phrase
 *   with the same number, unit, comparator and year has found the same target. One-to-one, greedy,
 *   preferring a metric match. `kind` is reported separately on matched pairs.
 */
import { normalizeForMatch } from "./chars.ts";
import type { GoldDocument, GoldNode, GoldTarget } from "./gold.ts";

/** True/false positives and false negatives. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

/** Correct out of total. */
export interface Tally {
  correct: number;
  total: number;
}

/** Scores of one document (or, summed, of a corpus) with what was missed, for diagnosis. */
export interface DocumentScore {
  nodes: Counts;
  roles: Tally;
  units: Tally;
  lead: Tally;
  targets: Counts;
  targetKinds: Tally;
  meta: Tally;
  missedNodes: GoldNode[];
  extraNodes: GoldNode[];
  missedTargets: GoldTarget[];
  extraTargets: GoldTarget[];
  /** Matched task nodes whose units or lead differ: [gold, predicted]. */
  unitMismatches: [GoldNode, GoldNode][];
}

/** F1 of counts; 1 when there was nothing to find and nothing was found. */
export function f1(c: Counts): number {
  const denom = 2 * c.tp + c.fp + c.fn;
  return denom === 0 ? 1 : (2 * c.tp) / denom;
}

/** Share correct; 1 when there was nothing to judge. */
export function accuracy(t: Tally): number {
  return t.total === 0 ? 1 : t.correct / t.total;
}

function contains(a: string, b: string): boolean {
  const x = normalizeForMatch(a);
  const y = normalizeForMatch(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function sameUnits(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = (a ?? []).map(normalizeForMatch);
  const y = (b ?? []).map(normalizeForMatch);
  return x.length === y.length && x.every((u, i) => u === y[i]);
}

function sameLead(a: string | null | undefined, b: string | null | undefined): boolean {
  return (a ?? null) === null
    ? (b ?? null) === null
    : normalizeForMatch(a ?? "") === normalizeForMatch(b ?? "");
}

function isSameTarget(p: GoldTarget, g: GoldTarget): boolean {
  return (
    p.path === g.path &&
    p.comparator === g.comparator &&
    sameValue(p.value, g.value) &&
    normalizeForMatch(p.unit) === normalizeForMatch(g.unit) &&
    p.year === g.year &&
    (contains(p.metric, g.metric) || contains(p.text, g.text))
  );
}

function metaTally(p: GoldDocument["meta"], g: GoldDocument["meta"]): Tally {
  const str = (a: string | null, b: string | null): boolean =>
    a === null || b === null ? a === b : normalizeForMatch(a) === normalizeForMatch(b);
  const checks = [
    str(p.title, g.title),
    str(p.docNumber, g.docNumber),
    str(p.issuer, g.issuer),
    p.date === g.date,
    JSON.stringify(p.period) === JSON.stringify(g.period),
  ];
  return { correct: checks.filter(Boolean).length, total: checks.length };
}

/** Scores one predicted document against its gold annotation. */
export function scoreAgainstGold(predicted: GoldDocument, gold: GoldDocument): DocumentScore {
  const usedNodes = new Set<number>();
  const score: DocumentScore = {
    nodes: { tp: 0, fp: 0, fn: 0 },
    roles: { correct: 0, total: 0 },
    units: { correct: 0, total: 0 },
    lead: { correct: 0, total: 0 },
    targets: { tp: 0, fp: 0, fn: 0 },
    targetKinds: { correct: 0, total: 0 },
    meta: metaTally(predicted.meta, gold.meta),
    missedNodes: [],
    extraNodes: [],
    missedTargets: [],
    extraTargets: [],
    unitMismatches: [],
  };
  for (const g of gold.nodes) {
    const k = predicted.nodes.findIndex(
      (p, i) => !usedNodes.has(i) && p.path === g.path && contains(p.title, g.title),
    );
    const p = predicted.nodes[k];
    if (p === undefined) {
      score.nodes.fn++;
      score.missedNodes.push(g);
      continue;
    }
    usedNodes.add(k);
    score.nodes.tp++;
    score.roles.total++;
    score.roles.correct += p.role === g.role ? 1 : 0;
    if (g.units !== undefined) {
      const isUnitsOk = sameUnits(p.units, g.units);
      const isLeadOk = sameLead(p.lead, g.lead);
      score.units.total++;
      score.lead.total++;
      score.units.correct += isUnitsOk ? 1 : 0;
      score.lead.correct += isLeadOk ? 1 : 0;
      if (!isUnitsOk || !isLeadOk) {
        score.unitMismatches.push([g, p]);
      }
    }
  }
  score.extraNodes = predicted.nodes.filter((_, i) => !usedNodes.has(i));
  score.nodes.fp = score.extraNodes.length;

  const usedTargets = new Set<number>();
  for (const g of gold.targets) {
    const candidates = predicted.targets
      .map((p, i) => ({ p, i }))
      .filter(({ p, i }) => !usedTargets.has(i) && isSameTarget(p, g));
    const best = candidates.find(({ p }) => contains(p.metric, g.metric)) ?? candidates[0];
    if (best === undefined) {
      score.targets.fn++;
      score.missedTargets.push(g);
      continue;
    }
    usedTargets.add(best.i);
    score.targets.tp++;
    score.targetKinds.total++;
    score.targetKinds.correct += best.p.kind === g.kind ? 1 : 0;
  }
  score.extraTargets = predicted.targets.filter((_, i) => !usedTargets.has(i));
  score.targets.fp = score.extraTargets.length;
  return score;
}

function addCounts(a: Counts, b: Counts): Counts {
  return { tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn };
}

function addTally(a: Tally, b: Tally): Tally {
  return { correct: a.correct + b.correct, total: a.total + b.total };
}

/** Micro-averaged corpus score: counts and tallies summed over documents. */
export function sumScores(scores: readonly DocumentScore[]): DocumentScore {
  const zero: DocumentScore = {
    nodes: { tp: 0, fp: 0, fn: 0 },
    roles: { correct: 0, total: 0 },
    units: { correct: 0, total: 0 },
    lead: { correct: 0, total: 0 },
    targets: { tp: 0, fp: 0, fn: 0 },
    targetKinds: { correct: 0, total: 0 },
    meta: { correct: 0, total: 0 },
    missedNodes: [],
    extraNodes: [],
    missedTargets: [],
    extraTargets: [],
    unitMismatches: [],
  };
  return scores.reduce<DocumentScore>(
    (acc, s) => ({
      nodes: addCounts(acc.nodes, s.nodes),
      roles: addTally(acc.roles, s.roles),
      units: addTally(acc.units, s.units),
      lead: addTally(acc.lead, s.lead),
      targets: addCounts(acc.targets, s.targets),
      targetKinds: addTally(acc.targetKinds, s.targetKinds),
      meta: addTally(acc.meta, s.meta),
      missedNodes: [...acc.missedNodes, ...s.missedNodes],
      extraNodes: [...acc.extraNodes, ...s.extraNodes],
      missedTargets: [...acc.missedTargets, ...s.missedTargets],
      extraTargets: [...acc.extraTargets, ...s.extraTargets],
      unitMismatches: [...acc.unitMismatches, ...s.unitMismatches],
    }),
    zero,
  );
}
