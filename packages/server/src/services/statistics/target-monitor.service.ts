/**
 * 目标监测: the targets of confirmed plans against the indicators computed from stored statistics.
 *
 * Which targets: those of the confirmed plans owned by the unit itself or by any unit above it (a
 * county sees its own 十四五 plan and the city's and province's), each measured on the unit's own data.
 * Plans of units below are not listed: they are measured on those units and shown when one selects them.
 *
 * Link: the parser's metric gives a suggestion (see `suggestIndicator`); staff confirm or change it with
 * PUT /api/targets/:id/link, which is audited. Baseline: the plan's own baseline figure for the same
 * indicator, else the computed value in the plan's base year (the year before its period). Targets without
 * a number (基本消除大班额) are assessed by the checkable rule of `QUALITATIVE_TARGET_RULES`.
 */
import type { TargetMonitorItem, TargetMonitorList } from "@luoshi/contracts";
import { indicatorRepo, orgUnitRepo, scopeOf, type MonitoredTargetRow, type PlanTargetRow } from "@luoshi/db";
import {
  type CohortYear,
  type CompiledIndicator,
  type SeriesPoint,
  type TargetComparator,
  TARGET_STATUS_LABELS,
  assessQualitativeRule,
  assessTarget,
  baseYear,
  COHORT_INDICATORS,
  cohortHistory,
  cohortInputDefinitions,
  compileIndicators,
  describeRule,
  evaluateIndicators,
  findQualitativeRule,
  findRuleSentences,
  isCohortIndicator,
  judgedComparator,
  prepareRows,
  projectCohortRate,
  suggestIndicator,
  tableValue,
} from "@luoshi/domain/indicators";
import type { Actor, ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { loadCatalogue } from "./indicator-catalogue.service.ts";
import { assertInScope, findUnitInScope } from "../access/scope.ts";
import { loadStatRows } from "./stats-scope.service.ts";
import { authorize } from "../access/authorize.ts";
import { linkStateOf } from "./target-link-state.ts";

/** Cohort formulas read up to 9 years back (九年义务教育巩固率). */
const MAX_LAG = 9;
/** Years of history shown at least (the trend is fitted on the last five). */
const HISTORY = 6;
/** Never reach back further than this many years before the requested one. */
const MAX_HISTORY = 12;

type LinkState = TargetMonitorItem["linkState"];

/** Years of cohort statistics read for 队列推算: the entry year of a cohort graduating within nine years. */
const COHORT_YEARS = 9;

/**
 * Series of the given indicators for one unit over `years`, from the statistics below the unit, and for
 * the cohort-defined ones among `cohortCodes` (巩固率) the unit's cohort history of the last
 * {@link COHORT_YEARS} years, read from the same rows (队列推算 inputs).
 */
async function computeSeries(
  deps: ServiceDeps,
  unit: { code: string; path: string },
  indicators: readonly CompiledIndicator[],
  years: readonly number[],
  cohortCodes: readonly string[],
): Promise<{ series: Map<string, SeriesPoint[]>; cohorts: Map<string, CohortYear[]> }> {
  const out = new Map<string, SeriesPoint[]>();
  const cohorts = new Map<string, CohortYear[]>();
  const first = years[0];
  const last = years[years.length - 1];
  if (indicators.length === 0 || first === undefined || last === undefined) {
    return { series: out, cohorts };
  }
  const cohortYears = Array.from({ length: COHORT_YEARS }, (_, i) => last - COHORT_YEARS + 1 + i);
  const from = (cohortCodes.length === 0 ? first : Math.min(first, last - COHORT_YEARS + 1)) - MAX_LAG;
  const { db } = deps.handle;
  const { rows } = await loadStatRows(db, scopeOf(unit.path), { from: first, to: last, lag: first - from });
  const prepared = prepareRows(rows);
  const { tables } = evaluateIndicators(prepared, indicators, { years, maxIssues: 0 });
  for (const c of indicators) {
    const table = tables.get(c.definition.code);
    out.set(
      c.definition.code,
      years.map((y) => ({
        year: y,
        value: table === undefined ? null : (tableValue(table, unit.code, y)?.value ?? null),
      })),
    );
  }
  if (cohortCodes.length > 0) {
    const inputs = compileIndicators(cohortCodes.flatMap((c) => cohortInputDefinitions(c))).compiled;
    const evaluated = evaluateIndicators(prepared, inputs, { years: cohortYears, maxIssues: 0 }).tables;
    for (const code of cohortCodes) {
      cohorts.set(
        code,
        cohortHistory(code, cohortYears, (input, y) => {
          const table = evaluated.get(input);
          return table === undefined ? null : (tableValue(table, unit.code, y)?.value ?? null);
        }),
      );
    }
  }
  return { series: out, cohorts };
}

/**
 * The 队列推算 value of a cohort-defined indicator in the target year, when its cohort can be followed
 * from the same latest year the series ends in (else null: the trend is used).
 */
function cohortProjection(
  code: string,
  series: readonly SeriesPoint[],
  targetYear: number,
  cohorts: ReadonlyMap<string, CohortYear[]>,
): number | null {
  const spec = COHORT_INDICATORS[code];
  const history = cohorts.get(code);
  if (spec === undefined || history === undefined) {
    return null;
  }
  const latest = series.reduce<number | null>(
    (y, p) => (p.value === null || (y !== null && y >= p.year) ? y : p.year),
    null,
  );
  const p = projectCohortRate(history, targetYear, spec);
  return p === null || p.fromYear !== latest ? null : p.value;
}

const round = (v: number | null): number | null => (v === null ? null : Math.round(v * 1e4) / 1e4);

/**
 * 目标监测 of a unit as of `year`: every target of the confirmed plans that apply to it, with its indicator's
 * series up to `year`, baseline, latest value, status, projection and the yearly change still needed.
 * Needs stats.read; the unit must lie in the actor's scope.
 */
export async function monitorTargets(
  deps: ServiceDeps,
  actor: Actor,
  input: { orgUnitId: string; year: number },
): Promise<TargetMonitorList> {
  authorize(actor, "stats.read");
  const { db } = deps.handle;
  const unit = await findUnitInScope(db, actor, input.orgUnitId);
  const { year } = input;
  const owners = unit.path.split("/").filter((s) => s !== "");
  const [rows, goalTexts, catalogue] = await Promise.all([
    indicatorRepo.listConfirmedTargets(db, owners),
    indicatorRepo.listConfirmedGoalTexts(db, owners),
    loadCatalogue(db),
  ]);
  const names = catalogue.map((c) => ({
    code: c.definition.code,
    name: c.definition.name,
    unit: c.definition.unit,
  }));
  const byCode = new Map(catalogue.map((c) => [c.definition.code, c]));

  const linkOf = (t: MonitoredTargetRow): { code: string | null; state: LinkState } => {
    if (t.indicator_confirmed_at !== null) {
      return {
        code: t.indicator_code !== null && byCode.has(t.indicator_code) ? t.indicator_code : null,
        state: "confirmed",
      };
    }
    const code = suggestIndicator(t.metric, t.indicator_code, names);
    return { code, state: code === null ? "none" : "suggested" };
  };

  const targets = rows.filter((r) => r.kind === "target");
  const baselines = rows.filter((r) => r.kind === "baseline");
  const planned = targets.map((t) => {
    const link = linkOf(t);
    const targetYear = t.year ?? t.plan_period_end;
    const rule = t.value === null || link.code === null ? findQualitativeRule(t.text) : null;
    return { t, link, targetYear, rule };
  });

  // Qualitative targets stated only in running text of 发展目标 (…大班额问题基本消除…): one item per plan
  // and rule, from the deepest goal passage, unless a target row of the plan already carries the rule.
  const covered = new Set(planned.flatMap((p) => (p.rule === null ? [] : [`${p.t.plan_id}|${p.rule.code}`])));
  const depth = (path: string) => path.split(".").length;
  const stated = [...goalTexts]
    .sort((a, b) => depth(b.path) - depth(a.path))
    .flatMap((g) => findRuleSentences(g.text).map((r) => ({ g, ...r })))
    .filter((s) => {
      const key = `${s.g.plan_id}|${s.rule.code}`;
      if (covered.has(key)) {
        return false;
      }
      covered.add(key);
      return true;
    });

  // One evaluation for every indicator any target needs, over the years from the earliest base year.
  const needed = new Set<string>();
  for (const s of stated) {
    for (const c of s.rule.conditions) {
      needed.add(c.indicatorCode);
    }
  }
  let from = year - HISTORY + 1;
  for (const p of planned) {
    if (p.link.code !== null) {
      needed.add(p.link.code);
    }
    for (const c of p.rule?.conditions ?? []) {
      needed.add(c.indicatorCode);
    }
    const base = baseYear(p.t.plan_period_start, p.targetYear);
    if (base !== null) {
      from = Math.min(from, base);
    }
  }
  from = Math.max(from, year - MAX_HISTORY);
  const years = Array.from({ length: year - from + 1 }, (_, i) => from + i);
  // 巩固率 linked to a target are projected by cohort flow (队列推算) rather than by trend.
  const cohortCodes = [
    ...new Set(
      planned.flatMap((p) => (p.link.code !== null && isCohortIndicator(p.link.code) ? [p.link.code] : [])),
    ),
  ];
  const { series, cohorts } = await computeSeries(
    deps,
    unit,
    [...needed].map((c) => byCode.get(c)).filter((c): c is CompiledIndicator => c !== undefined),
    years,
    cohortCodes,
  );

  const items = planned.map(({ t, link, targetYear, rule }): TargetMonitorItem => {
    const definition = link.code === null ? undefined : byCode.get(link.code)?.definition;
    // “达到 90%” (=) is judged as ≥ or ≤ by the indicator's better direction, and shown that way.
    const comparator = judgedComparator(t.comparator as TargetComparator, definition?.direction);
    const dueYear = targetYear ?? year;
    let s: SeriesPoint[] = link.code === null ? [] : (series.get(link.code) ?? []);
    const base = baseYear(t.plan_period_start, targetYear);
    const stated = baselines.find(
      (b) =>
        b.plan_id === t.plan_id &&
        b.value !== null &&
        (b.metric === t.metric ||
          (link.code !== null && suggestIndicator(b.metric, b.indicator_code, names) === link.code)),
    );
    let baseline: TargetMonitorItem["baseline"] = null;
    if (stated?.value !== null && stated?.value !== undefined) {
      baseline = { year: stated.year ?? base ?? dueYear - 5, value: stated.value };
    } else if (base !== null) {
      const v = s.find((p) => p.year === base)?.value ?? null;
      baseline = v === null ? null : { year: base, value: v };
    }
    let status: TargetMonitorItem["status"];
    let latest: TargetMonitorItem["latest"] = null;
    let projected: number | null = null;
    let projectionMethod: TargetMonitorItem["projectionMethod"];
    let required: number | null = null;
    let ruleText: string | null = null;
    let goal: number | null = null;
    if (rule !== null) {
      ruleText = describeRule(rule, names);
      const assessed = assessQualitativeRule(rule, dueYear, series);
      status = assessed.status;
      const firstCode = rule.conditions[0]?.indicatorCode;
      const main = assessed.conditions[0];
      s = firstCode === undefined ? [] : (series.get(firstCode) ?? []);
      latest = main?.latest ?? null;
      projected = main?.projected ?? null;
      projectionMethod = main?.projectionMethod ?? undefined;
      required = main?.requiredYearlyChange ?? null;
      goal = main?.goal ?? null;
    } else if (link.code === null) {
      status = "no-data";
    } else {
      const cohort = cohortProjection(link.code, s, dueYear, cohorts);
      const a = assessTarget(
        {
          indicatorCode: link.code,
          comparator,
          value: t.value,
          year: dueYear,
          ...(baseline === null ? {} : { baseline }),
        },
        s,
        cohort === null ? {} : { projection: { method: "cohort", value: cohort } },
      );
      status = a.status;
      latest = a.latest;
      projected = a.projected;
      projectionMethod = a.projectionMethod ?? undefined;
      required = a.requiredYearlyChange;
      goal = a.goal;
    }
    const ruleCode = rule?.conditions[0]?.indicatorCode;
    const shown = rule !== null && ruleCode !== undefined ? byCode.get(ruleCode)?.definition : definition;
    return {
      targetId: t.id,
      planId: t.plan_id,
      planTitle: t.plan_title,
      path: t.path,
      text: t.text,
      metric: t.metric,
      indicatorCode: link.code,
      indicatorName: definition?.name ?? null,
      linkState: link.state,
      comparator,
      value: t.value,
      unit: t.unit === "" ? (shown?.unit ?? "") : t.unit,
      targetYear,
      rule: ruleText,
      baseline,
      latest,
      status,
      statusLabel: TARGET_STATUS_LABELS[status],
      projected: round(projected),
      ...(projected === null || projectionMethod === undefined ? {} : { projectionMethod }),
      requiredYearlyChange: round(required),
      series: s,
      goal: round(goal),
      seriesIndicatorName: shown?.name ?? null,
      confirmedAt:
        t.indicator_confirmed_at === null ? null : new Date(t.indicator_confirmed_at).toISOString(),
      origin: "target",
    };
  });
  const textItems = stated.map(({ g, rule, sentence }): TargetMonitorItem => {
    const dueYear = g.plan_period_end ?? year;
    const assessed = assessQualitativeRule(rule, dueYear, series);
    const main = assessed.conditions[0];
    const code = rule.conditions[0]?.indicatorCode ?? null;
    const shown = code === null ? undefined : byCode.get(code)?.definition;
    return {
      targetId: g.node_id,
      planId: g.plan_id,
      planTitle: g.plan_title,
      path: g.path,
      text: sentence,
      metric: sentence,
      indicatorCode: null,
      indicatorName: null,
      linkState: "none",
      comparator: rule.conditions[0]?.comparator ?? "<=",
      value: null,
      unit: shown?.unit ?? "",
      targetYear: g.plan_period_end,
      rule: describeRule(rule, names),
      baseline: null,
      latest: main?.latest ?? null,
      status: assessed.status,
      statusLabel: TARGET_STATUS_LABELS[assessed.status],
      projected: round(main?.projected ?? null),
      ...(main?.projectionMethod === null || main?.projectionMethod === undefined
        ? {}
        : { projectionMethod: main.projectionMethod }),
      requiredYearlyChange: round(main?.requiredYearlyChange ?? null),
      series: code === null ? [] : (series.get(code) ?? []),
      goal: round(main?.goal ?? null),
      seriesIndicatorName: shown?.name ?? null,
      confirmedAt: null,
      origin: "text",
    };
  });
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    year,
    items: [...items, ...textItems],
  };
}

/**
 * 确认指标关联: sets the indicator a plan target is measured by (null: none measures it) and marks it
 * confirmed. Needs plan.write on a plan owned within the actor's scope; audited with before and after.
 */
export async function linkTarget(
  deps: ServiceDeps,
  actor: Actor,
  targetId: string,
  indicatorCode: string | null,
): Promise<PlanTargetRow> {
  authorize(actor, "plan.write");
  const { db } = deps.handle;
  const target = await indicatorRepo.findTargetWithPlan(db, targetId);
  if (target === undefined) {
    throw new AppError("not-found", "没有这个规划目标");
  }
  const owner = await orgUnitRepo.findById(db, target.plan_org_unit_id);
  if (owner === undefined) {
    throw new AppError("not-found", "规划所属单位不存在");
  }
  assertInScope(actor, owner);
  if (target.plan_status === "discarded" || target.plan_status === "superseded") {
    throw new AppError("invalid-transition", "规划已作废或已被新版本取代，不能再关联指标");
  }
  if (indicatorCode !== null) {
    const catalogue = await loadCatalogue(db);
    if (!catalogue.some((c) => c.definition.code === indicatorCode)) {
      throw new AppError("validation-failed", `指标目录中没有代码为“${indicatorCode}”的指标`, {
        fields: [{ path: "body.indicatorCode", message: "指标目录中没有这个指标" }],
      });
    }
  }
  const now = deps.now();
  return db.transaction().execute(async (trx) => {
    const row = await indicatorRepo.setTargetLink(trx, targetId, {
      indicatorCode,
      confirmedBy: actor.userId,
      confirmedAt: now,
    });
    await recordAudit(trx, actor, {
      action: "target.link",
      entityType: "plan_target",
      entityId: targetId,
      before: { indicatorCode: target.indicator_code, linkState: linkStateOf(target) },
      after: { indicatorCode, linkState: "confirmed" },
      details: { planId: target.plan_id, metric: target.metric },
    });
    return row;
  });
}
