/**
 * Every 资源配置 figure explained (spec §1.1a/§1.1b): a 差异系数 down to each school part's value, weight
 * and contribution to the weighted variance, and one school part's values down to the data elements of
 * its numerators and denominator, the stats import each came from, and its cheapest fix.
 */
import {
  BALANCE_ELEMENTS,
  evaluateResources,
  isFacilityIndicator,
  type Level,
  LEVEL_LABELS,
  planSchoolFixes,
  RESOURCE_INDICATOR_KEYS,
  RESOURCE_INDICATORS,
  type ResourceEvaluation,
  type ResourceIndicatorKey,
  type SchoolPartEvaluation,
} from "@luoshi/domain/evaluation";
import { findDataElement } from "@luoshi/domain/stats";
import type {
  BalanceExplain,
  BalanceSchoolExplain,
  CvContribution,
  SourceElement,
  StatsSource,
} from "@luoshi/contracts";
import { evaluationRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { type BalanceContext, type BalanceInput, loadCounty } from "./evaluation.service.ts";

function head(c: BalanceContext) {
  return {
    orgUnit: c.orgUnit,
    year: c.year,
    ruleSet: { id: c.ruleSet.id, version: c.ruleSet.version, name: c.ruleSet.name },
    teachingPointPolicy: c.teachingPointPolicy,
  };
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
): Promise<BalanceExplain> {
  const county = await loadCounty(deps, actor, input);
  const evaluation = evaluate(county);
  const { level, indicator } = input;
  const stats = evaluation.levels[level].indicators[indicator];
  const mean = stats.mean ?? Number.NaN;
  const schools: CvContribution[] = evaluation.schools
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
  const def = RESOURCE_INDICATORS[indicator];
  return {
    ...head(county),
    level,
    indicator: { key: indicator, name: def.name, unit: def.unit, multiplier: def.multiplier },
    threshold: stats.threshold,
    limit: stats.limit,
    schoolCount: stats.schoolCount,
    numerator: stats.numerator,
    denominator: stats.denominator,
    mean: stats.mean,
    variance: stats.variance,
    sd: stats.sd,
    cv: stats.cv,
    cvPass: stats.isCvPass,
    contributionSum: schools.reduce((sum, s) => sum + s.contribution, 0),
    schools,
  };
}

/** The element codes behind an indicator's quantity in a 学段. */
function elementsOf(key: ResourceIndicatorKey, level: Level): readonly string[] {
  if (isFacilityIndicator(key)) {
    return BALANCE_ELEMENTS[key];
  }
  return BALANCE_ELEMENTS[key][level];
}

async function loadSources(
  deps: ServiceDeps,
  county: BalanceContext,
  codes: readonly string[],
): Promise<StatsSource[]> {
  const ids = codes.map((c) => county.unitIds.get(c)).filter((id): id is string => id !== undefined);
  const rows = await evaluationRepo.listStatsSources(deps.handle.db, ids, county.year);
  return rows.map((r) => ({
    schoolCode: r.code,
    schoolName: r.name,
    fileName: r.fileName,
    importedBy: r.importedBy,
    importedAt: new Date(r.importedAt).toISOString(),
  }));
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
): Promise<BalanceSchoolExplain> {
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
  const elements = (codesFor: (l: Level) => readonly string[], isFacility: boolean): SourceElement[] =>
    owners.flatMap((o) => {
      const values = county.values.get(o.code) ?? {};
      const share = isFacility ? o.facilityShare : 1;
      return codesFor(o.level).map((element) => {
        const value = values[element];
        return {
          schoolCode: o.code,
          element,
          label: findDataElement(element)?.label ?? element,
          value: value ?? null,
          share,
          counted: (value ?? 0) * share,
        };
      });
    });
  const thresholds = county.ruleSet.thresholds;
  const factor = thresholds["resource.partialFactor"];
  const fix = planSchoolFixes(county.schools, {
    ruleSet: county.ruleSet,
    teachingPointPolicy: county.teachingPointPolicy,
  }).fixes.find((f) => f.schoolCode === part.code && f.level === level);
  const school = county.schools.find((s) => s.code === part.code);
  return {
    ...head(county),
    code: part.code,
    name: county.names.get(part.code) ?? part.name,
    schoolType: school?.schoolType ?? part.schoolType,
    part: level,
    facilityShare: part.facilityShare,
    mergedFrom: [...part.mergedFrom],
    pass: part.isPass,
    metCount: part.metCount,
    denominator: {
      value: part.students,
      elements: elements((l) => BALANCE_ELEMENTS.students[l], false),
    },
    indicators: RESOURCE_INDICATOR_KEYS.map((key) => {
      const def = RESOURCE_INDICATORS[key];
      const threshold = thresholds[`resource.${level}.${key}`];
      return {
        key,
        name: def.name,
        unit: def.unit,
        multiplier: def.multiplier,
        value: part.values[key],
        threshold,
        partialThreshold: threshold * factor,
        met: part.met[key],
        reachesPartial: part.reachesPartial[key],
        numerator: {
          value: part.quantities[key],
          elements: elements((l) => elementsOf(key, l), isFacilityIndicator(key)),
        },
      };
    }),
    sources: await loadSources(
      deps,
      county,
      owners.map((o) => o.code),
    ),
    fix:
      fix === undefined
        ? null
        : {
            leftAtPartial: fix.leftAtPartial,
            additions: fix.additions.map((a) => ({
              indicator: a.indicator,
              ...(a.level === undefined ? {} : { level: a.level }),
              amount: a.amount,
              planUnit: RESOURCE_INDICATORS[a.indicator].planUnit,
              cost: a.cost,
            })),
            cost: fix.cost,
          },
  };
}
