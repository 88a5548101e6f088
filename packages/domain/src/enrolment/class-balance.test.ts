import { describe, expect, it } from "vitest";
import { mulberry32 } from "../demo/prng.ts";
import { balanceClasses, type ClassPupil } from "./class-balance.ts";

const entropy = [{ name: "福彩3D 2027201 期", numbers: [507] }];

function grade(size: number, seed: number, withScores: boolean): ClassPupil[] {
  const random = mulberry32(seed);
  return Array.from({ length: size }, (_, i) => ({
    label: `XJ${String(i + 1).padStart(5, "0")}`,
    sex: random() < 0.52 ? "男" : "女",
    ...(withScores ? { score: Math.round(40 + random() * 60) } : {}),
    ...(random() < 0.12 ? { tags: ["随迁"] } : random() < 0.05 ? { tags: ["留守"] } : {}),
  }));
}

describe("均衡编班", () => {
  it("deals 2,000 pupils into 45 classes within one of the mean size, boys and girls and tags spread, means within 1 point", () => {
    const pupils = grade(2_000, 7, true);
    const result = balanceClasses({ pupils, classCount: 45, entropy });
    const sizes = result.classes.map((c) => c.size);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((s, v) => s + v, 0)).toBe(2_000);
    const boys = result.classes.map((c) => c.boys);
    expect(Math.max(...boys) - Math.min(...boys)).toBeLessThanOrEqual(2);
    const migrants = result.classes.map((c) => c.tags["随迁"] ?? 0);
    expect(Math.max(...migrants) - Math.min(...migrants)).toBeLessThanOrEqual(2);
    expect(result.meanGap).not.toBeNull();
    expect(result.meanGap ?? 99).toBeLessThanOrEqual(1);
    expect(result.classes.map((c) => c.classNo)).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
    expect(new Set(result.classes.flatMap((c) => c.pupils)).size).toBe(2_000);
  });

  it("is reproduced exactly from the same published inputs, and changes with other numbers", () => {
    const pupils = grade(300, 11, false);
    const teachers = Array.from({ length: 7 }, (_, i) => `T${String(i + 1)}`);
    const first = balanceClasses({ pupils, classCount: 7, entropy, teachers });
    expect(balanceClasses({ pupils, classCount: 7, entropy, teachers })).toEqual(first);
    expect(first.meanGap).toBeNull();
    expect(first.classes.map((c) => c.teacher).sort()).toEqual([...teachers].sort());
    const other = balanceClasses({
      pupils,
      classCount: 7,
      entropy: [{ name: "x", numbers: [508] }],
      teachers,
    });
    expect(other.classes.map((c) => c.pupils)).not.toEqual(first.classes.map((c) => c.pupils));
  });

  it("keeps twins together or apart as their parents chose", () => {
    const pupils: ClassPupil[] = grade(120, 3, true).map((p, i) =>
      i < 2
        ? { ...p, sex: "女", siblings: { group: "双胞胎甲", together: true } }
        : i < 4
          ? { ...p, sex: "男", siblings: { group: "双胞胎乙", together: false } }
          : p,
    );
    const result = balanceClasses({ pupils, classCount: 4, entropy });
    const classOf = (label: string) => result.classes.find((c) => c.pupils.includes(label))?.classNo;
    expect(classOf("XJ00001")).toBe(classOf("XJ00002"));
    expect(classOf("XJ00003")).not.toBe(classOf("XJ00004"));
    expect(result.unmet).toEqual([]);
    const sizes = result.classes.map((c) => c.size);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it("refuses impossible inputs with the reason", () => {
    expect(() => balanceClasses({ pupils: grade(3, 1, false), classCount: 4, entropy })).toThrow(
      /少于班级数/u,
    );
    expect(() =>
      balanceClasses({ pupils: grade(30, 1, false), classCount: 2, entropy, teachers: ["T1"] }),
    ).toThrow(/班主任 1 人/u);
  });
});
