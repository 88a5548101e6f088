/**
 * The figures issue 19 sets goals for, printed the same way by every benchmark that measures one:
 * the figure, its goal and how far behind (or ahead of) the goal it is as a ratio. A run fails only
 * when a figure is more than {@link FAIL_RATIO} times its goal — a ratio, so that a busy or slower
 * machine does not fail it, while a change that makes the work several times slower does.
 *
 * A goal is stated for the size the issue names (the demo county, a province of 25,000 schools …). A
 * smaller run (`npm run bench -- --ci`, or a size argument) compares against the goal scaled to the
 * work it did (`scale`: the share of the named size, for work that grows with it), so the ratio means
 * the same at every size.
 *
 * Every figure is also appended as one JSON line to the file named by LUOSHI_BENCH_FIGURES, which
 * scripts/bench.ts sets to print one table of all figures at the end.
 */
import { appendFileSync } from "node:fs";

/** A figure more than this many times its goal fails the run. */
export const FAIL_RATIO = 2;

/** One measured figure against its goal (lower is better). */
export interface Figure {
  /** What was measured, as the issue names it. */
  name: string;
  /** The measured value, in `unit`. */
  value: number;
  /** The goal at the named size, in `unit` (met when value ≤ goal). */
  goal: number;
  unit: "ms" | "s" | "MB";
  /** Share of the named size this run did (1 at full size); the goal is scaled by it. Default 1. */
  scale?: number;
}

/** True for a CI-sized run (`npm run bench -- --ci` sets LUOSHI_BENCH_CI=1). */
export const isCiRun = (): boolean => process.env["LUOSHI_BENCH_CI"] === "1";

/** Prints the figure with its goal and ratio; sets a failing exit code past {@link FAIL_RATIO}. */
export function reportFigure(figure: Figure): number {
  const scale = figure.scale ?? 1;
  const goal = figure.goal * scale;
  const ratio = figure.value / goal;
  const digits = figure.unit === "s" ? 2 : figure.unit === "MB" ? 0 : 1;
  const verdict = ratio <= 1 ? "met" : ratio <= FAIL_RATIO ? "BEHIND" : `FAILED (> ${FAIL_RATIO}× the goal)`;
  const scaled = scale === 1 ? "" : ` (goal scaled to ${(scale * 100).toFixed(1)}% of the named size)`;
  console.log(
    `GOAL ${figure.name}: ${figure.value.toFixed(digits)} ${figure.unit} / goal ${goal.toFixed(digits)} ${figure.unit}` +
      ` = ${ratio.toFixed(2)}× — ${verdict}${scaled}`,
  );
  const file = process.env["LUOSHI_BENCH_FIGURES"];
  if (file !== undefined && file !== "") {
    appendFileSync(file, `${JSON.stringify({ ...figure, goal, ratio })}\n`);
  }
  if (ratio > FAIL_RATIO) {
    process.exitCode = 1;
  }
  return ratio;
}
