/**
 * Scores the document parser on the seed corpus (packages/domain/fixtures/seeds): per document and
 * overall node F1, role / unit / lead accuracy, target F1 (matching rules in
 * packages/domain/src/parsing/score.ts). Run: node scripts/eval-parser.ts [--verbose]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  accuracy,
  f1,
  parseDocument,
  scoreAgainstGold,
  sumScores,
  toGold,
  type DocumentScore,
  type GoldDocument,
} from "@luoshi/domain/parsing";

const SEEDS = join(import.meta.dirname, "../packages/domain/fixtures/seeds");
const isVerbose = process.argv.includes("--verbose");

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(6);
}

function row(name: string, s: DocumentScore): string {
  return [
    name.padEnd(28),
    pct(f1(s.nodes)),
    pct(accuracy(s.roles)),
    pct(accuracy(s.units)),
    pct(accuracy(s.lead)),
    pct(f1(s.targets)),
    `${String(s.targets.tp).padStart(4)}/${String(s.targets.tp + s.targets.fn).padEnd(4)}`,
    String(s.targets.fp).padStart(4),
    pct(accuracy(s.meta)),
  ].join(" ");
}

const files = readdirSync(SEEDS)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const scores: DocumentScore[] = [];
console.log(`${"document".padEnd(28)}  node%  role%  unit%  lead%   tgt%   tp/gold    fp  meta%`);
for (const file of files) {
  const gold = JSON.parse(
    readFileSync(join(SEEDS, file.replace(/\.txt$/, ".gold.json")), "utf8"),
  ) as GoldDocument;
  const parsed = parseDocument(readFileSync(join(SEEDS, file), "utf8"));
  const score = scoreAgainstGold(toGold(parsed), gold);
  scores.push(score);
  console.log(row(file, score));
  if (isVerbose) {
    for (const n of score.missedNodes) {
      console.log("   missed node ", n.path, n.title);
    }
    for (const n of score.extraNodes) {
      console.log("   extra node  ", n.path, n.title);
    }
    for (const [g, p] of score.unitMismatches) {
      console.log("   units", g.path, JSON.stringify(g.units), g.lead, "≠", JSON.stringify(p.units), p.lead);
    }
    for (const t of score.missedTargets) {
      console.log("   missed tgt  ", t.path, t.comparator, t.value, t.unit, t.year, t.text);
    }
    for (const t of score.extraTargets) {
      console.log("   extra tgt   ", t.path, t.comparator, t.value, t.unit, t.year, t.metric, "|", t.text);
    }
    console.log("   meta", JSON.stringify(parsed.meta), "gold", JSON.stringify(gold.meta));
  }
}
const total = sumScores(scores);
console.log(row("OVERALL (micro)", total));
console.log(
  `\nnode F1 ${f1(total.nodes).toFixed(3)} · role acc ${accuracy(total.roles).toFixed(3)} · unit acc ${accuracy(
    total.units,
  ).toFixed(3)} · lead acc ${accuracy(total.lead).toFixed(3)} · target F1 ${f1(total.targets).toFixed(
    3,
  )} · target kind acc ${accuracy(total.targetKinds).toFixed(3)} · meta acc ${accuracy(total.meta).toFixed(3)}`,
);
