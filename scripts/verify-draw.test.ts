import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drawOrder, hashChain, type DrawInput } from "@luoshi/common/draw";

const entropy = [
  { name: "双色球 2027031 期", numbers: [3, 11, 19, 24, 27, 31, 9] },
  { name: "福彩3D 2027085 期", numbers: [381] },
];
const labels = Array.from({ length: 40 }, (_, index) => `BM2027${String(index + 1).padStart(4, "0")}`);
const verifier = join(import.meta.dirname, "verify-draw.py");

/** Runs the stand-alone Python verifier (written from docs/draws.md alone) on the same inputs. */
function pythonOrder(input: DrawInput): { digest: string; order: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "luoshi-draw-"));
  const file = join(dir, "draw.json");
  writeFileSync(file, JSON.stringify(input));
  const lines = execFileSync("python3", [verifier, file], { encoding: "utf8" }).trim().split("\n");
  const digest = lines[0]?.split(" ")[1] ?? "";
  return { digest, order: lines.slice(2).map((line) => line.split("\t").slice(1).join("\t")) };
}

/** scripts/verify-draw.py was written from docs/draws.md alone; it must agree with luoshi's draw. */
describe("the stand-alone draw verifier", () => {
  it("is reproduced by an independent implementation from the published description", () => {
    const reveal = { revealHex: hashChain("5eed", 3)[1] ?? "", commitmentHex: hashChain("5eed", 3)[2] ?? "" };
    for (const input of [
      { labels, entropy },
      { labels: ["甲校", "乙校", "丙校"], entropy, reveal },
    ]) {
      const ours = drawOrder(input);
      const theirs = pythonOrder(input);
      expect(theirs.digest).toBe(ours.listDigest);
      expect(theirs.order).toEqual(ours.order.map((entry) => `${entry.label}\t${entry.position}`));
    }
  });
});
