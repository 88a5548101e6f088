/**
 * One checked indicator with its numbers (shared by 学前普及普惠 §2, 政府保障程度 §1.1c, 教育质量 §1.1d):
 * the verdict keeps numerator, denominator, value and threshold so that it can be explained.
 */
import type { Issue } from "../issues.ts";
import { ratioMeets, type ThresholdDirection } from "./exact-compare.ts";
import type { RuleSet } from "./rule-set.ts";
import { THRESHOLD_CATALOGUE, type ThresholdKey } from "./thresholds.ts";

/** One numeric check: value = m·numerator/denominator compared with a rule-set threshold. */
export interface IndicatorCheck {
  /** Stable code, e.g. `preschool-gross-enrolment` or `G11-rotation-rate`. */
  code: string;
  /** Chinese name (指标). */
  name: string;
  thresholdKey: ThresholdKey;
  threshold: number;
  direction: ThresholdDirection;
  /** Ties fail (须低于). */
  isStrict: boolean;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  /** null when an input is missing. */
  met: boolean | null;
}

/** A reviewer's judgement of an evidence item (佐证材料): null = not yet reviewed. */
export interface Attestation {
  met: boolean | null;
  evidence: string;
  reviewer: string;
}

/** Combines verdicts: false if any is false, else null if any is null, else true. */
export function allMet(verdicts: readonly (boolean | null)[]): boolean | null {
  if (verdicts.includes(false)) {
    return false;
  }
  return verdicts.includes(null) ? null : true;
}

/**
 * Checks numerator/denominator against a threshold of the rule set, exactly (exact-compare.ts).
 * Missing input (undefined) gives met = null and an `indicator-input-missing` warning; a zero
 * denominator gives met = null and `indicator-zero-denominator`.
 */
export function checkRatio(
  args: {
    code: string;
    name?: string;
    thresholdKey: ThresholdKey;
    numerator: number | undefined;
    denominator: number | undefined;
    strict?: boolean;
    /** Cap the value (巩固率 is capped at 100%). */
    cap?: number;
  },
  ruleSet: RuleSet,
  issues: Issue[],
): IndicatorCheck {
  const def = THRESHOLD_CATALOGUE[args.thresholdKey];
  const threshold = ruleSet.thresholds[args.thresholdKey];
  const base = {
    code: args.code,
    name: args.name ?? def.label,
    thresholdKey: args.thresholdKey,
    threshold,
    direction: def.direction,
    isStrict: args.strict === true,
  };
  const { numerator, denominator } = args;
  if (
    numerator === undefined ||
    denominator === undefined ||
    !Number.isFinite(numerator) ||
    !Number.isFinite(denominator)
  ) {
    issues.push({
      code: "indicator-input-missing",
      severity: "warning",
      message: `“${base.name}”缺少数据，暂无法判断`,
      where: { field: args.code },
    });
    return {
      ...base,
      numerator: numerator ?? null,
      denominator: denominator ?? null,
      value: null,
      met: null,
    };
  }
  if (!(denominator > 0)) {
    issues.push({
      code: "indicator-zero-denominator",
      severity: "warning",
      message: `“${base.name}”的分母为 0，无法计算`,
      where: { field: args.code },
    });
    // m·x/0 is unbounded: it cannot meet an upper limit, and a lower one is left to the reviewer.
    const met = def.direction === "max" && numerator > 0 ? false : null;
    return { ...base, numerator, denominator, value: null, met };
  }
  let num = numerator;
  if (args.cap !== undefined && numerator / denominator > args.cap) {
    num = args.cap * denominator;
  }
  const met = ratioMeets(num, denominator, threshold, def.direction, { strict: args.strict === true });
  return { ...base, numerator, denominator, value: num / denominator, met };
}

/** Checks a single value (a ratio with denominator 1), e.g. 生均公用经费 6000 元. */
export function checkValue(
  args: {
    code: string;
    name?: string;
    thresholdKey: ThresholdKey;
    value: number | undefined;
    strict?: boolean;
  },
  ruleSet: RuleSet,
  issues: Issue[],
): IndicatorCheck {
  const check = checkRatio(
    { ...args, numerator: args.value, denominator: args.value === undefined ? undefined : 1 },
    ruleSet,
    issues,
  );
  return { ...check, numerator: null, denominator: null };
}
