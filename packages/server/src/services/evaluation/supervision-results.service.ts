/**
 * 社会认可度 from stored survey results (spec §1.1d), the overall 优质均衡 verdict with its 一票否决 items
 * (§1.1e), 学前普及普惠 from stored statistics (§2) and the 2012 基本均衡 composite CVs per year (§3).
 * Every result names the rule set (id + version) it used.
 */
import type {
  BasicBalanceHistoryResult,
  OverallResult,
  OverallSettingsBody,
  PreschoolResult,
  RecognitionBody,
  RecognitionResult,
} from "@luoshi/contracts";
import type { Issue } from "@luoshi/domain";
import {
  BALANCE_ELEMENTS,
  BASIC_BALANCE_INDICATOR_KEYS,
  BASIC_BALANCE_INDICATORS,
  type BasicBalanceIndicatorKey,
  type BasicBalancePart,
  compositeDifferenceCoefficient,
  evaluateBasicBalance,
  evaluateOverall,
  evaluatePreschool,
  evaluateSocialRecognition,
  isCompositeWithinLimit,
  isPreschoolAttestedCode,
  type Level,
  levelsOfSchoolType,
  type OverallPart,
  type PreschoolAttestedCode,
  type PreschoolClaim,
  type PreschoolFigures,
  RESPONDENT_GROUP_LABELS,
  RESPONDENT_GROUPS,
  type RespondentGroup,
  RULE_SETS,
  type RuleSet,
  splitFacilityQuantity,
  VETO_ITEM_LABELS,
  VETO_ITEMS,
} from "@luoshi/domain/evaluation";
import type { SchoolType } from "@luoshi/domain/org";
import { type OrgUnitRow, statsRepo, supervisionRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { evaluateBalance } from "./evaluation.service.ts";
import { computeIndicators } from "../statistics/stats-indicators.service.ts";
import {
  claimFacts,
  evaluateSupervisionPart,
  findRuleSet,
  loadUnit,
  actingUser,
  presentAttestations,
  presentIssues,
  ruleSetInfo,
  type SupervisionInput,
  vetoAttestations,
} from "./supervision.service.ts";
import { toAttestation } from "./supervision-inputs.ts";

type Aggregation = RecognitionResult["aggregation"];

const head = (unit: OrgUnitRow) => ({ id: unit.id, code: unit.code, name: unit.name });

function recognitionOf(
  unit: OrgUnitRow,
  year: number,
  ruleSet: RuleSet,
  aggregation: Aggregation,
  surveys: readonly { respondent_group: string; respondents: number; satisfied: number; updated_at: Date }[],
): RecognitionResult {
  const results = surveys.map((s) => ({
    group: s.respondent_group as RespondentGroup,
    respondents: s.respondents,
    satisfied: s.satisfied,
  }));
  const weights =
    aggregation === "respondents"
      ? (Object.fromEntries(results.map((r) => [r.group, r.respondents])) as Partial<
          Record<RespondentGroup, number>
        >)
      : undefined;
  const r = evaluateSocialRecognition(results, { ruleSet, ...(weights ? { weights } : {}) });
  const updated = surveys.reduce<Date | null>(
    (a, s) => (a === null || s.updated_at > a ? s.updated_at : a),
    null,
  );
  return {
    orgUnit: head(unit),
    year,
    ruleSet: ruleSetInfo(ruleSet),
    aggregation,
    groups: RESPONDENT_GROUPS.map((group) => {
      const entered = results.find((x) => x.group === group);
      const counted = r.groups.find((g) => g.group === group);
      return {
        group,
        label: RESPONDENT_GROUP_LABELS[group],
        respondents: entered?.respondents ?? null,
        satisfied: entered?.satisfied ?? null,
        rate: counted?.rate ?? null,
        weight: counted?.weight ?? null,
      };
    }),
    rate: r.rate,
    threshold: r.threshold,
    isPass: r.isPass,
    updatedAt: updated === null ? null : updated.toISOString(),
    issues: presentIssues(r.issues),
  };
}

async function aggregationOf(deps: ServiceDeps, unitId: string, year: number): Promise<Aggregation> {
  const s = await supervisionRepo.findSettings(deps.handle.db, unitId, year);
  return s?.aggregation === "respondents" ? "respondents" : "groupWeights";
}

/** 社会认可度 of a county and year from its stored survey results. Needs `evaluation.read`. */
export async function getRecognition(
  deps: ServiceDeps,
  actor: Actor,
  input: SupervisionInput,
): Promise<RecognitionResult> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
  const [surveys, aggregation] = await Promise.all([
    supervisionRepo.listSurveys(deps.handle.db, unit.id, input.year),
    aggregationOf(deps, unit.id, input.year),
  ]);
  return recognitionOf(unit, input.year, ruleSet, aggregation, surveys);
}

/**
 * Replaces the survey results and the aggregation of a county and year, then answers the recomputed
 * 社会认可度. Needs `evaluation.write`; audited with before/after.
 */
export async function saveRecognition(
  deps: ServiceDeps,
  actor: Actor,
  body: RecognitionBody,
): Promise<RecognitionResult> {
  const unit = await loadUnit(deps, actor, body.orgUnitId, "evaluation.write");
  const ruleSet = findRuleSet(body.ruleSet);
  const now = deps.now();
  await deps.handle.db.transaction().execute(async (trx) => {
    const [before, settings] = await Promise.all([
      supervisionRepo.listSurveys(trx, unit.id, body.year),
      supervisionRepo.findSettings(trx, unit.id, body.year),
    ]);
    await supervisionRepo.replaceSurveys(trx, unit.id, body.year, body.groups, actingUser(actor), now);
    await supervisionRepo.upsertSettings(
      trx,
      unit.id,
      body.year,
      { aggregation: body.aggregation },
      actingUser(actor),
      now,
    );
    await recordAudit(trx, actor, {
      action: "evaluation.survey-save",
      entityType: "supervision_survey",
      entityId: unit.id,
      before: {
        aggregation: settings?.aggregation ?? "groupWeights",
        groups: before.map((s) => ({
          group: s.respondent_group,
          respondents: s.respondents,
          satisfied: s.satisfied,
        })),
      },
      after: { aggregation: body.aggregation, groups: body.groups },
      details: { year: body.year },
    });
  });
  return getRecognition(deps, actor, { orgUnitId: unit.id, year: body.year, ruleSetId: ruleSet.id });
}

/** Stores the year the county passed 基本均衡 认定 (the prerequisite). Needs `evaluation.write`; audited. */
export async function saveOverallSettings(
  deps: ServiceDeps,
  actor: Actor,
  body: OverallSettingsBody,
): Promise<void> {
  const unit = await loadUnit(deps, actor, body.orgUnitId, "evaluation.write");
  await deps.handle.db.transaction().execute(async (trx) => {
    const before = await supervisionRepo.findSettings(trx, unit.id, body.year);
    await supervisionRepo.upsertSettings(
      trx,
      unit.id,
      body.year,
      { basicBalanceYear: body.basicBalanceYear },
      actingUser(actor),
      deps.now(),
    );
    await recordAudit(trx, actor, {
      action: "evaluation.settings-save",
      entityType: "supervision_settings",
      entityId: unit.id,
      before: { basicBalanceYear: before?.basic_balance_year ?? null },
      after: { basicBalanceYear: body.basicBalanceYear },
      details: { year: body.year },
    });
  });
}

const PART_LABELS: Record<OverallPart, string> = {
  resource: "资源配置",
  government: "政府保障程度",
  quality: "教育质量",
  recognition: "社会认可度",
  prerequisite: "申报条件（通过基本均衡认定三年以上）",
};

/**
 * The overall verdict (spec §1.1e): 资源配置 from the stored statistics, the other parts as stored,
 * the veto items from reviewed declarations. A county without statistics has 资源配置 pending.
 */
export async function getOverall(
  deps: ServiceDeps,
  actor: Actor,
  input: SupervisionInput,
): Promise<OverallResult> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
  const resource = await evaluateBalance(deps, actor, {
    orgUnitId: unit.id,
    year: input.year,
    ruleSetId: ruleSet.id,
  }).then(
    (r) => r.evaluation.isResourcePass,
    (e: unknown) => {
      if (e instanceof AppError && e.code === "not-found") {
        return null;
      }
      throw e;
    },
  );
  const government = await evaluateSupervisionPart(deps, actor, input, "government");
  const quality = await evaluateSupervisionPart(deps, actor, input, "quality");
  const recognition = await getRecognition(deps, actor, input);
  const vetoes = await vetoAttestations(deps, unit.id, input.year);
  const settings = await supervisionRepo.findSettings(deps.handle.db, unit.id, input.year);
  const basicBalanceYear = settings?.basic_balance_year ?? null;
  const vetoMet = (item: (typeof VETO_ITEMS)[number]): boolean | null => {
    const a = vetoes.get(item);
    return a?.reviewState === "confirmed" ? a.claimMet : null;
  };
  const v = evaluateOverall({
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    resource: { isResourcePass: resource ?? true },
    government: { isPass: government.isPass },
    quality: { isPass: quality.isPass },
    recognition: { isPass: recognition.isPass },
    vetoes: Object.fromEntries(
      VETO_ITEMS.map((item) => [item, { met: vetoMet(item), evidence: "", reviewer: "" }]),
    ),
    ...(basicBalanceYear === null ? {} : { prerequisite: { basicBalanceYear, evaluationYear: input.year } }),
  });
  let verdict = v.verdict;
  const pendingParts = [...v.pendingParts];
  const reasons = [...v.reasons];
  if (resource === null) {
    pendingParts.unshift("resource");
    reasons.push(`${PART_LABELS.resource}缺少 ${String(input.year)} 年的学校统计数据，尚未完成评估`);
    if (verdict === "pass") {
      verdict = "pending";
    }
  }
  const isPass: Record<OverallPart, boolean | null> = {
    resource,
    government: government.isPass,
    quality: quality.isPass,
    recognition: recognition.isPass,
    prerequisite: basicBalanceYear === null ? null : input.year - basicBalanceYear >= 3,
  };
  return {
    orgUnit: head(unit),
    year: input.year,
    ruleSet: ruleSetInfo(ruleSet),
    verdict,
    parts: (Object.keys(PART_LABELS) as OverallPart[]).map((part) => ({
      part,
      label: PART_LABELS[part],
      isPass: isPass[part],
    })),
    vetoItems: VETO_ITEMS.map((item) => ({
      item,
      label: VETO_ITEM_LABELS[item],
      met: vetoMet(item),
      attestation: vetoes.get(item) ?? null,
    })),
    vetoes: v.vetoes,
    failedParts: v.failedParts,
    pendingParts,
    reasons,
    basicBalanceYear,
  };
}

/** The county figures of spec §2 the indicator engine computes from stored statistics. */
async function preschoolFigures(
  deps: ServiceDeps,
  actor: Actor,
  unit: OrgUnitRow,
  year: number,
): Promise<PreschoolFigures> {
  const r = await computeIndicators(deps, actor, { orgUnitId: unit.id, year });
  const item = (code: string) => {
    const i = r.items.find((x) => x.code === code);
    return i !== undefined && i.numerator !== null && i.denominator !== null && i.denominator > 0
      ? i
      : undefined;
  };
  const f: PreschoolFigures = {};
  const gross = item("preschool-gross-enrolment-rate");
  if (gross) {
    f.enrolledChildren = gross.numerator ?? 0;
    f.population3to5 = gross.denominator ?? 0;
  }
  const inclusive = item("inclusive-kindergarten-share");
  if (inclusive) {
    f.enrolledChildren ??= inclusive.denominator ?? 0;
    f.inclusiveEnrolled = inclusive.numerator ?? 0;
  }
  const pub = item("public-kindergarten-share");
  if (pub) {
    f.publicEnrolled = pub.numerator ?? 0;
  }
  const ratio = item("kindergarten-child-teacher-ratio");
  if (ratio) {
    f.enrolledChildren ??= ratio.numerator ?? 0;
    f.fullTimeTeachers = ratio.denominator ?? 0;
  }
  const certified = item("kindergarten-certified-rate");
  if (certified) {
    f.certified = { compliant: certified.numerator ?? 0, total: certified.denominator ?? 0 };
  }
  return f;
}

/**
 * 学前普及普惠 (spec §2) of a unit and year from stored statistics under the chosen rule set (河南's
 * 90% 毛入园率 via `cn-41-henan`), the items no statistic carries from claims a second person confirmed
 * (the 佐证 flow of 优质均衡, part `preschool`); the result records the set and lists the ones to choose from.
 */
export async function getPreschool(
  deps: ServiceDeps,
  actor: Actor,
  input: SupervisionInput,
): Promise<PreschoolResult> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
  const [figures, rows] = await Promise.all([
    preschoolFigures(deps, actor, unit, input.year),
    supervisionRepo.listAttestations(deps.handle.db, unit.id, input.year),
  ]);
  const views = await presentAttestations(
    deps,
    rows.filter((row) => row.part === "preschool" && isPreschoolAttestedCode(row.code)),
  );
  const claims: Partial<Record<PreschoolAttestedCode, PreschoolClaim>> = {};
  for (const c of claimFacts(views).values()) {
    if (isPreschoolAttestedCode(c.code)) {
      claims[c.code] = { ...toAttestation(c), value: c.confirmed ? c.claimedValue : null };
    }
  }
  figures.claims = claims;
  const r = evaluatePreschool(figures, { ruleSet });
  return {
    orgUnit: head(unit),
    year: input.year,
    ruleSet: ruleSetInfo(ruleSet),
    ruleSets: RULE_SETS.map(ruleSetInfo),
    checks: r.checks.map((c) => ({
      code: c.code,
      name: c.name,
      thresholdKey: c.thresholdKey,
      threshold: c.threshold,
      direction: c.direction,
      isStrict: c.isStrict,
      numerator: c.numerator,
      denominator: c.denominator,
      value: c.value,
      met: c.met,
      indicator: c.indicator,
      number: c.number,
      attestable: c.attestable,
      source: c.source,
      attestation: views.get(c.indicator) ?? null,
    })),
    isPass: r.isPass,
    issues: presentIssues(r.issues),
  };
}

const sumOf = (values: Record<string, number>, codes: readonly string[]): number =>
  codes.reduce((a, c) => a + (values[c] ?? 0), 0);

/** Facility totals of the 2012 indicators (split between 学段 by the rule set's weights). */
const FACILITY_ELEMENTS: Partial<Record<BasicBalanceIndicatorKey, readonly string[]>> = {
  teachingFloorArea: BALANCE_ELEMENTS.teachingFloorArea,
  sportsArea: BALANCE_ELEMENTS.sportsArea,
  equipmentValue: BALANCE_ELEMENTS.equipmentValue,
  computers: ["computers.pupil"],
  books: ["books"],
};

/** One school's 2012 parts for a year (spec §3; facilities split by spec §1.1b weights). */
export function basicBalanceParts(
  school: { code: string; schoolType: SchoolType; values: Record<string, number> },
  ruleSet: RuleSet,
): BasicBalancePart[] {
  const shape = levelsOfSchoolType(school.schoolType);
  if (shape === null) {
    return [];
  }
  const v = school.values;
  const students = {
    primary: sumOf(v, BALANCE_ELEMENTS.students.primary),
    junior: sumOf(v, BALANCE_ELEMENTS.students.junior),
    senior: shape.hasSenior ? sumOf(v, BALANCE_ELEMENTS.students.senior) : 0,
  };
  const split = Object.fromEntries(
    Object.entries(FACILITY_ELEMENTS).map(([k, codes]) => [
      k,
      splitFacilityQuantity(sumOf(v, codes), school.schoolType, students, ruleSet.splitWeights),
    ]),
  ) as Record<string, { primary: number; junior: number }>;
  return shape.levels
    .filter((level) => students[level] > 0)
    .map((level: Level) => ({
      schoolId: school.code,
      level,
      students: students[level],
      quantities: {
        teachingFloorArea: split.teachingFloorArea?.[level] ?? 0,
        sportsArea: split.sportsArea?.[level] ?? 0,
        equipmentValue: split.equipmentValue?.[level] ?? 0,
        computers: split.computers?.[level] ?? 0,
        books: split.books?.[level] ?? 0,
        teachers: v[`teachers.fullTime.${level}`] ?? 0,
        qualifiedTeachers: sumOf(v, BALANCE_ELEMENTS.qualifiedTeachers[level]),
        // 中级及以上职称 is not in the 教育事业统计 template: its CV stays undefined.
        seniorTitleTeachers: 0,
      },
    }));
}

/**
 * 2012 基本均衡 综合差异系数 per year and 学段 for `from`..`to` (spec §3), from stored statistics in two
 * queries. The composite averages the indicators whose CV is defined; `indicatorsUsed` says how many.
 */
export async function basicBalanceHistory(
  deps: ServiceDeps,
  actor: Actor,
  input: { orgUnitId: string; from: number; to: number; ruleSetId?: string | undefined },
): Promise<BasicBalanceHistoryResult> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
  const { db } = deps.handle;
  const [schools, stats] = await Promise.all([
    db
      .selectFrom("org_units")
      .select(["code", "school_type as schoolType"])
      .where("path", "like", `${unit.path}%`)
      .where("kind", "=", "school")
      .execute(),
    statsRepo.listInScope(db, "school_stats", unit.path, input.from, input.to),
  ]);
  const typeOf = new Map(schools.map((s) => [s.code, s.schoolType]));
  const issues: Issue[] = [];
  const years: BasicBalanceHistoryResult["years"] = [];
  let missingTitles = false as boolean;
  for (let year = input.from; year <= input.to; year++) {
    const parts = stats
      .filter((s) => s.year === year)
      .flatMap((s) => {
        const schoolType = typeOf.get(s.code);
        return schoolType ? basicBalanceParts({ code: s.code, schoolType, values: s.values }, ruleSet) : [];
      });
    const e = evaluateBasicBalance(parts, { ruleSet });
    const level = (l: Level) => {
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
  return {
    orgUnit: head(unit),
    ruleSet: ruleSetInfo(ruleSet),
    indicators: BASIC_BALANCE_INDICATOR_KEYS.map((key) => ({
      key,
      name: BASIC_BALANCE_INDICATORS[key].name,
    })),
    limits: {
      primary: ruleSet.thresholds["basic.compositeLimit.primary"],
      junior: ruleSet.thresholds["basic.compositeLimit.junior"],
    },
    years,
    issues: presentIssues(issues),
  };
}
