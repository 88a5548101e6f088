import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  accuracy,
  f1,
  parseDocument,
  scoreAgainstGold,
  sumScores,
  toGold,
  type GoldDocument,
} from "@luoshi/domain/parsing";
import { decodeDocument } from "./decode.ts";

const CORPUS = new URL("../../../domain/fixtures/corpus/", import.meta.url);

describe("the parser on the corpus beyond the seeds, read as the import reads it", () => {
  it("meets issue 13's bar: node F1 ≥ 0.97, unit assignment ≥ 0.90, target F1 ≥ 0.85", async () => {
    const golds = readdirSync(CORPUS).filter((f) => f.endsWith(".gold.json"));
    const scores = await Promise.all(
      golds.map(async (g) => {
        const gold = JSON.parse(readFileSync(new URL(g, CORPUS), "utf8")) as GoldDocument;
        const file = gold.doc ?? "";
        const bytes = new Uint8Array(readFileSync(new URL(file, CORPUS)));
        const decoded = await decodeDocument(bytes, file);
        expect(decoded.issues.filter((i) => i.severity === "error")).toEqual([]);
        return scoreAgainstGold(toGold(parseDocument(decoded.text)), gold);
      }),
    );
    const total = sumScores(scores);
    expect(golds.length).toBeGreaterThanOrEqual(10);
    expect(f1(total.nodes)).toBeGreaterThanOrEqual(0.97);
    expect(accuracy(total.units)).toBeGreaterThanOrEqual(0.9);
    expect(f1(total.targets)).toBeGreaterThanOrEqual(0.85);
  });
});
