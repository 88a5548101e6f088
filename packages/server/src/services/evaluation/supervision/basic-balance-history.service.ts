/** 2012 基本均衡 综合差异系数 per year (spec §3) from stored statistics. */
import type { Issue } from "@luoshi/domain";
import type { SchoolType } from "@luoshi/domain/org";
import {
  basicBalanceParts,
  BASIC_BALANCE_INDICATOR_KEYS,
  compositeDifferenceCoefficient,
  evaluateBasicBalance,
  isCompositeWithinLimit,
  type Level,
  type RuleSet,
} from "@luoshi/domain/evaluation";
import { evaluationRepo, type OrgUnitRow, scopeOf, statsRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { loadUnit } from "./supervision-common.ts";
import { findRuleSet } from "../rule-set.ts";

/** One 学段 of one year: its 综合差异系数 and the CVs it averages. */
interface BasicBalanceLevelYear {
  schoolCount: number;
  /** null when the 学段 has no schools. */
  composite: number | null;
  /** How many indicators had a defined CV (the composite averages those). */
  indicatorsUsed: number;
  /** The CVs in `BASIC_BALANCE_INDICATOR_KEYS` order; null where undefined. */
  cvs: (number | null)[];
  limit: number;
  isPass: boolean | null;
}

/** One year of the history. */
interface BasicBalanceYear {
  year: number;
  hasData: boolean;
  primary: BasicBalanceLevelYear;
  junior: BasicBalanceLevelYear;
}

/** The 基本均衡 history of a unit: every year from `from` to `to`, and what was missing. */
export interface BasicBalanceHistory {
  unit: OrgUnitRow;
  ruleSet: RuleSet;
  years: BasicBalanceYear[];
  issues: Issue[];
}

/**
 * 2012 基本均衡 综合差异系数 per year and 学段 for `from`..`to` (spec §3), from stored statistics in two
 * queries. The composite averages the indicators whose CV is defined; `indicatorsUsed` says how many.
 */
export async function basicBalanceHistory(
  deps: ServiceDeps,
  actor: Actor,
  input: { orgUnitId: string; from: number; to: number; ruleSetId?: string | undefined },
): Promise<BasicBalanceHistory> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
  const { db } = deps.handle;
  const yearList = Array.from({ length: Math.max(0, input.to - input.from + 1) }, (_, i) => input.from + i);
  const [schoolsByYear, stats] = await Promise.all([
    // Each year sees the schools open on its reference day (docs/org-units.md).
    Promise.all(yearList.map((y) => evaluationRepo.listSchools(db, scopeOf(unit.path), y))),
    statsRepo.listInScope(db, "school_stats", scopeOf(unit.path), input.from, input.to),
  ]);
  const typeOfYear = new Map(
    yearList.map((y, i) => [y, new Map((schoolsByYear[i] ?? []).map((s) => [s.code, s.schoolType]))]),
  );
  const issues: Issue[] = [];
  const years: BasicBalanceYear[] = [];
  let missingTitles = false as boolean;
  for (let year = input.from; year <= input.to; year++) {
    const typeOf = typeOfYear.get(year) ?? new Map<string, SchoolType | null>();
    const parts = stats
      .filter((s) => s.year === year)
      .flatMap((s) => {
        const schoolType = typeOf.get(s.code);
        return schoolType ? basicBalanceParts({ code: s.code, schoolType, values: s.values }, ruleSet) : [];
      });
    const e = evaluateBasicBalance(parts, { ruleSet });
    const level = (l: Level): BasicBalanceLevelYear => {
      const x = e.levels[l];
      const defined = BASIC_BALANCE_INDICATOR_KEYS.map((k) => x.cvs[k]).filter(
        (c): c is number => c !== null,
      );
      const count = parts.filter((p) => p.level === l).length;
      const composite = count === 0 ? null : compositeDifferenceCoefficient(defined);
      if (count > 0 && defined.length < BASIC_BALANCE_INDICATOR_KEYS.length) {
        missingTitles = true;
      }
      return {
        schoolCount: count,
        composite,
        indicatorsUsed: count === 0 ? 0 : defined.length,
        cvs: BASIC_BALANCE_INDICATOR_KEYS.map((k) => x.cvs[k]),
        limit: x.limit,
        isPass: composite === null ? null : isCompositeWithinLimit(composite, l, ruleSet),
      };
    };
    years.push({ year, hasData: parts.length > 0, primary: level("primary"), junior: level("junior") });
  }
  if (missingTitles) {
    issues.push({
      code: "basic-balance-indicator-missing",
      severity: "warning",
      message: "统计数据缺少部分指标（如“中级及以上专业技术职务教师数”），综合差异系数按其余有数据的指标计算",
    });
  }
  return { unit, ruleSet, years, issues };
}
