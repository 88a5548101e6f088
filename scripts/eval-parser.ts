/**
 * Scores the document parser on the annotated corpora: the seeds (packages/domain/fixtures/seeds, plain
 * text) and the wider corpus (packages/domain/fixtures/corpus: .txt, .html, .docx, .doc and .xlsx, read
 * through the same `decodeDocument` the import uses). Per document and per corpus: node F1, role / unit /
 * lead accuracy, target F1 (matching rules in packages/domain/src/parsing/score.ts).
 * Run: node scripts/eval-parser.ts [--verbose] [--corpus seeds|corpus]
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
import { decodeDocument } from "@luoshi/server";

const FIXTURES = join(import.meta.dirname, "../packages/domain/fixtures");
const CORPORA = ["seeds", "corpus"] as const;
const isVerbose = process.argv.includes("--verbose");
const only = process.argv[process.argv.indexOf("--corpus") + 1];

function pct(x: number): string {
  return (x * 100).toFixed(1).padStart(6);
}

function row(name: string, s: DocumentScore): string {
  return [
    name.padEnd(36),
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

/** The document's text as the import reads it: .txt as UTF-8, every other format through the readers. */
async function documentText(dir: string, file: string): Promise<string> {
  const bytes = readFileSync(join(dir, file));
  if (file.endsWith(".txt")) {
    return bytes.toString("utf8");
  }
  const decoded = await decodeDocument(new Uint8Array(bytes), file);
  const errors = decoded.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    throw new Error(`${file}: ${errors.map((e) => e.message).join("; ")}`);
  }
  return decoded.text;
}

function printDiagnosis(score: DocumentScore, parsed: GoldDocument, gold: GoldDocument): void {
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

function summary(label: string, total: DocumentScore): string {
  return `${label}: node F1 ${f1(total.nodes).toFixed(3)} · role acc ${accuracy(total.roles).toFixed(
    3,
  )} · unit acc ${accuracy(total.units).toFixed(3)} · lead acc ${accuracy(total.lead).toFixed(
    3,
  )} · target F1 ${f1(total.targets).toFixed(3)} · target kind acc ${accuracy(total.targetKinds).toFixed(
    3,
  )} · meta acc ${accuracy(total.meta).toFixed(3)}`;
}

const totals: string[] = [];
for (const corpus of CORPORA.filter((c) => !process.argv.includes("--corpus") || c === only)) {
  const dir = join(FIXTURES, corpus);
  const golds = readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .sort();
  const scores: DocumentScore[] = [];
  console.log(`\n${corpus.padEnd(36)}  node%  role%  unit%  lead%   tgt%   tp/gold    fp  meta%`);
  for (const goldFile of golds) {
    const gold = JSON.parse(readFileSync(join(dir, goldFile), "utf8")) as GoldDocument;
    const doc = gold.doc ?? goldFile.replace(/\.gold\.json$/, ".txt");
    const parsed = toGold(parseDocument(await documentText(dir, doc)));
    const score = scoreAgainstGold(parsed, gold);
    scores.push(score);
    console.log(row(doc, score));
    if (isVerbose) {
      printDiagnosis(score, parsed, gold);
    }
  }
  const total = sumScores(scores);
  console.log(row(`${corpus} OVERALL (micro)`, total));
  totals.push(summary(corpus, total));
}
console.log(`\n${totals.join("\n")}`);
