import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { drawFromText, drawOrder, hashChain, listDigest, revealMatches } from "./draw.ts";
import { DrawInputError } from "./entropy.ts";

const entropy = [
  { name: "双色球 2027031 期", numbers: [3, 11, 19, 24, 27, 31, 9] },
  { name: "福彩3D 2027085 期", numbers: [381] },
];
const labels = Array.from({ length: 40 }, (_, index) => `BM2027${String(index + 1).padStart(4, "0")}`);
describe("luoshi-draw-v1", () => {
  it("orders every label exactly once, the same way on every run", () => {
    const first = drawOrder({ labels, entropy });
    expect(first.order.map((entry) => entry.label).sort()).toEqual([...labels].sort());
    expect(first.order.map((entry) => entry.rank)).toEqual(labels.map((_, index) => index + 1));
    expect(drawOrder({ labels, entropy })).toEqual(first);
  });

  it("changes the order when the entropy or the frozen list changes", () => {
    const base = drawOrder({ labels, entropy }).order.map((entry) => entry.label);
    const otherEntropy = drawOrder({
      labels,
      entropy: [{ name: "双色球", numbers: [4, 11, 19, 24, 27, 31, 9] }],
    });
    expect(otherEntropy.order.map((entry) => entry.label)).not.toEqual(base);
    const oneMore = drawOrder({ labels: [...labels, "BM20279999"], entropy });
    expect(oneMore.listDigest).not.toBe(listDigest(labels));
  });

  it("does not depend on how the entropy numbers of a source were listed", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 99 }), { minLength: 1, maxLength: 8 }), (numbers) => {
        const shuffled = [...numbers].reverse();
        expect(drawOrder({ labels, entropy: [{ name: "a", numbers }] })).toEqual(
          drawOrder({ labels, entropy: [{ name: "b", numbers: shuffled }] }),
        );
      }),
      { numRuns: 30 },
    );
  });

  it("checks the revealed link against the published commitment", () => {
    const chain = hashChain("00112233", 5);
    expect(revealMatches(chain[3] ?? "", chain[4] ?? "")).toBe(true);
    expect(revealMatches(chain[2] ?? "", chain[4] ?? "")).toBe(false);
    expect(() =>
      drawOrder({ labels, entropy, reveal: { revealHex: chain[2] ?? "", commitmentHex: chain[4] ?? "" } }),
    ).toThrow(/承诺值不符/u);
  });

  it("refuses duplicate, empty or multi-line labels, naming the item", () => {
    expect(() => listDigest(["A", "B", "A"])).toThrow(/第 3 项“A”重复/u);
    expect(() => listDigest(["A", " "])).toThrow(/第 2 项/u);
    expect(() => listDigest(["A\nB"])).toThrow(/含换行/u);
    expect(() => listDigest([])).toThrow(/名单为空/u);
  });

  it("draws from the published texts as the list and numbers are printed, naming the line of a problem", () => {
    const text = {
      labels: `\n${labels.join("\n")}\n\n`,
      entropy: "双色球 2027031 期：3 11 19 24 27 31 9\n福彩3D：381",
    };
    expect(drawFromText(text)).toEqual(drawOrder({ labels, entropy }));
    const duplicate = () => drawFromText({ ...text, labels: "A\n\nB\nA" });
    expect(duplicate).toThrow("名单第 4 行“A”与第 1 行重复");
    expect(() => drawFromText({ ...text, reveal: "00" })).toThrow(/揭示值与承诺值须同时给出/u);
    try {
      drawFromText({ ...text, entropy: "双色球：3 x" });
    } catch (error) {
      expect(error).toBeInstanceOf(DrawInputError);
      expect((error as DrawInputError).field).toBe("entropy");
    }
    expect.assertions(5);
  });
});
