import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RUN_TIMEOUT, runCli } from "./run-cli.ts";

/**
 * The draw as a parent, a journalist or a 督学 re-runs it from the published files alone: `luoshi draw
 * run` writes the result, `luoshi lottery verify` reproduces it and names the first row that differs.
 */
describe("luoshi draw run|verify|commit", { timeout: 6 * RUN_TIMEOUT }, () => {
  let dir: string;
  const file = (name: string) => join(dir, name);
  const run = (args: string[]) => runCli(file("unused-data"), args);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "luoshi-draw-cli-"));
    const labels = Array.from({ length: 30 }, (_, i) => `BM2027${String(i + 1).padStart(4, "0")}`);
    writeFileSync(file("labels.txt"), `${labels.join("\n")}\n`);
    writeFileSync(
      file("entropy.txt"),
      "# 公告第 3 号\n双色球 2027031 期：3 11 19 24 27 31 9\n福彩3D 2027085 期：381\n",
    );
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const inputs = ["--labels", "", "--entropy", ""];
  const withFiles = (args: string[]) => {
    const copy = [...inputs];
    copy[1] = file("labels.txt");
    copy[3] = file("entropy.txt");
    return [...args, ...copy];
  };

  it("draws, and the published result verifies", () => {
    const drawn = run(withFiles(["draw", "run", "--out", file("result.csv")]));
    expect(drawn.code, drawn.err).toBe(0);
    expect(drawn.out).toMatch(/名单摘要 SHA-256：[0-9a-f]{64}/u);
    expect(drawn.out).toContain("随机数串：3.9.11.19.24.27.31./381./");
    const rows = readFileSync(file("result.csv"), "utf8").trim().split(/\r?\n/u);
    expect(rows).toHaveLength(31);
    expect(rows[0]).toBe("名次,名单项,位置值");
    const verified = run(withFiles(["lottery", "verify", "--result", file("result.csv")]));
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toContain("验证通过：30 项的名次与重算结果一致");
  });

  it("names the row of a result that was altered after the draw", () => {
    const rows = readFileSync(file("result.csv"), "utf8").trim().split(/\r?\n/u);
    const [first, second] = [rows[1] ?? "", rows[2] ?? ""];
    const swapped = [
      rows[0],
      `1,${second.split(",")[1] ?? ""},x`,
      `2,${first.split(",")[1] ?? ""},x`,
      ...rows.slice(3),
    ];
    writeFileSync(file("altered.csv"), `${swapped.join("\n")}\n`);
    const verified = run(withFiles(["draw", "verify", "--result", file("altered.csv")]));
    expect(verified.code).toBe(1);
    expect(verified.err).toContain("验证不通过");
    expect(verified.err).toMatch(/名次 1 应为“BM2027\d{4}”，公布结果第 2 行为/u);
  });

  it("binds the draw to a commitment made in advance", () => {
    const committed = run(["draw", "commit", "--out", file("chain.txt"), "--rounds", "4"]);
    expect(committed.code, committed.err).toBe(0);
    const chain = readFileSync(file("chain.txt"), "utf8").trim().split("\n");
    expect(committed.out).toContain(`承诺值（请公布）：${chain[4] ?? ""}`);
    const good = run(withFiles(["draw", "run", "--reveal", chain[3] ?? "", "--commitment", chain[4] ?? ""]));
    expect(good.code, good.err).toBe(0);
    expect(good.out.split("\n")).toHaveLength(32);
    const bad = run(withFiles(["draw", "run", "--reveal", chain[2] ?? "", "--commitment", chain[4] ?? ""]));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("揭示值与事先公布的承诺值不符");
  });

  it("names the file and line of a problem in the published inputs", () => {
    writeFileSync(file("dup.txt"), "BM1\nBM2\n\nBM1\n");
    const dup = run(["draw", "run", "--labels", file("dup.txt"), "--entropy", file("entropy.txt")]);
    expect(dup.code).toBe(1);
    expect(dup.err).toContain(`${file("dup.txt")}：名单第 4 行“BM1”与第 1 行重复`);
  });
});
