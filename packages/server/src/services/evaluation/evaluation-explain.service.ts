/**
 * Every 资源配置 figure explained (spec §1.1a/§1.1b): a 差异系数 down to each school part's value, weight
 * and contribution to the weighted variance, and one school part's values down to the data elements of
 * its numerators and denominator, the stats import each came from, and its cheapest fix.
 */
import {
  BALANCE_ELEMENTS,
  evaluateResources,
  isFacilityIndicator,
  type IndicatorStatistics,
  type Level,
  LEVEL_LABELS,
  planSchoolFixes,
  RESOURCE_INDICATOR_KEYS,
  type ResourceEvaluation,
  type ResourceIndicatorKey,
  type SchoolFix,
  type SchoolPartEvaluation,
} from "@luoshi/domain/evaluation";
import { findDataElement, STATS_SHEET_LABELS } from "@luoshi/domain/stats";
import { evaluationRepo, type StatsSourceRow } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { type BalanceContext, type BalanceInput, loadCounty } from "./evaluation.service.ts";

/** One school part's share of a 差异系数: its Pᵢ, Rᵢ, Xᵢ, weight, deviation and contribution. */
interface CvContributionRow {
  code: string;
  name: string;
  students: number;
  quantity: number;
  value: number;
  weight: number;
  deviation: number;
  contribution: number;
  met: boolean;
}

/** One 差异系数 explained: the 学段 statistics and each school part's contribution, largest first. */
export interface DifferenceCoefficientExplained {
  county: BalanceContext;
  level: Level;
  indicator: ResourceIndicatorKey;
  stats: IndicatorStatistics;
  schools: CvContributionRow[];
  /** Σ contributions, which equals the variance S². */
  contributionSum: number;
}

/** The template sheet of a data element, or "" for one that no sheet holds (a computed element). */
function sheetLabelOf(element: string): string {
  const found = findDataElement(element);
  return found === undefined ? "" : STATS_SHEET_LABELS[found.sheet];
}

/** One data element counted into a school part's numerator or denominator. */
interface SourceElementRow {
  schoolCode: string;
  element: string;
  label: string;
  /** The statistics template's sheet that holds it (教师, 办学条件 …). */
  sheetLabel: string;
  value: number | null;
  share: number;
  counted: number;
}

/** One school part explained: its evaluation, the elements behind each figure, their imports, its fix. */
export interface SchoolPartExplained {
  county: BalanceContext;
  part: SchoolPartEvaluation;
  schoolType: SchoolPartEvaluation["schoolType"];
  /** The elements summed into Pᵢ. */
  denominatorElements: SourceElementRow[];
  /** The elements summed into each indicator's Rᵢ. */
  numeratorElements: Record<ResourceIndicatorKey, SourceElementRow[]>;
  sources: StatsSourceRow[];
  /** The cheapest additions that make a failing part pass; undefined when it passes. */
  fix: SchoolFix | undefined;
}

function evaluate(c: BalanceContext): ResourceEvaluation {
  return evaluateResources(c.schools, { ruleSet: c.ruleSet, teachingPointPolicy: c.teachingPointPolicy });
}

/**
 * One 差异系数 explained: the 学段's mean, SD, CV and limit, and each school part's Pᵢ, Rᵢ, Xᵢ, weight
 * Pᵢ/P, deviation Xᵢ − X̄ and contribution (Pᵢ/P)(Xᵢ − X̄)², largest contribution first. The
 * contributions sum to the variance S² (`contributionSum`).
 */
export async function explainDifferenceCoefficient(
  deps: ServiceDeps,
  actor: Actor,
  input: BalanceInput & { level: Level; indicator: ResourceIndicatorKey },
): Promise<DifferenceCoefficientExplained> {
  const county = await loadCounty(deps, actor, input);
  const evaluation = evaluate(county);
  const { level, indicator } = input;
  const stats = evaluation.levels[level].indicators[indicator];
  const mean = stats.mean ?? Number.NaN;
  const schools: CvContributionRow[] = evaluation.schools
    .filter((s) => s.level === level)
    .map((s) => ({
      code: s.code,
      name: county.names.get(s.code) ?? s.name,
      students: s.students,
      quantity: s.quantities[indicator],
      value: s.values[indicator],
      weight: s.weight,
      deviation: Number.isFinite(mean) ? s.values[indicator] - mean : 0,
      contribution: s.contributions[indicator],
      met: s.met[indicator],
    }))
    .sort((a, b) => b.contribution - a.contribution || a.code.localeCompare(b.code));
  return {
    county,
    level,
    indicator,
    stats,
    schools,
    contributionSum: schools.reduce((sum, s) => sum + s.contribution, 0),
  };
}

/** The element codes behind an indicator's quantity in a 学段. */
function elementsOf(key: ResourceIndicatorKey, level: Level): readonly string[] {
  if (isFacilityIndicator(key)) {
    return BALANCE_ELEMENTS[key];
  }
  return BALANCE_ELEMENTS[key][level];
}

/**
 * One school part explained: per indicator the value Xᵢ = m·Rᵢ/Pᵢ, threshold and verdict, the data
 * elements summed into Rᵢ (with the facility share of a combined school, and the elements of merged
 * 教学点) and into Pᵢ, the stats import rows they came from, and — when the part fails — the cheapest
 * additions that make it pass (default unit costs). 404 when the part is not evaluated (the reason
 * given when it was excluded).
 */
export async function explainSchoolPart(
  deps: ServiceDeps,
  actor: Actor,
  input: BalanceInput & { code: string; part: Level },
): Promise<SchoolPartExplained> {
  const county = await loadCounty(deps, actor, input);
  const evaluation = evaluate(county);
  const part: SchoolPartEvaluation | undefined = evaluation.schools.find(
    (s) => s.code === input.code && s.level === input.part,
  );
  if (part === undefined) {
    const excluded = evaluation.excluded.find(
      (e) => e.code === input.code && (e.level === undefined || e.level === input.part),
    );
    throw new AppError(
      "not-found",
      excluded
        ? `学校 ${input.code}（${excluded.name}）${LEVEL_LABELS[input.part]}未参与评估：${excluded.reason}`
        : `学校 ${input.code} 没有参与评估的${LEVEL_LABELS[input.part]}部分`,
    );
  }
  const level = part.level;
  const owners = [
    { code: part.code, facilityShare: part.facilityShare, level },
    // Merged 教学点 are 小学 only and count in full.
    ...part.mergedFrom.map((code) => ({ code, facilityShare: 1, level: "primary" as const })),
  ];
  const elements = (codesFor: (l: Level) => readonly string[], isFacility: boolean): SourceElementRow[] =>
    owners.flatMap((o) => {
      const values = county.values.get(o.code) ?? {};
      const share = isFacility ? o.facilityShare : 1;
      return codesFor(o.level).map((element) => {
        const value = values[element];
        return {
          schoolCode: o.code,
          element,
          label: findDataElement(element)?.label ?? element,
          sheetLabel: sheetLabelOf(element),
          value: value ?? null,
          share,
          counted: (value ?? 0) * share,
        };
      });
    });
  const fix = planSchoolFixes(county.schools, {
    ruleSet: county.ruleSet,
    teachingPointPolicy: county.teachingPointPolicy,
  }).fixes.find((f) => f.schoolCode === part.code && f.level === level);
  const school = county.schools.find((s) => s.code === part.code);
  const ids = owners.map((o) => county.unitIds.get(o.code)).filter((id): id is string => id !== undefined);
  return {
    county,
    part,
    schoolType: school?.schoolType ?? part.schoolType,
    denominatorElements: elements((l) => BALANCE_ELEMENTS.students[l], false),
    numeratorElements: Object.fromEntries(
      RESOURCE_INDICATOR_KEYS.map((key) => [
        key,
        elements((l) => elementsOf(key, l), isFacilityIndicator(key)),
      ]),
    ) as Record<ResourceIndicatorKey, SourceElementRow[]>,
    sources: await evaluationRepo.listStatsSources(deps.handle.db, ids, county.year),
    fix,
  };
}
