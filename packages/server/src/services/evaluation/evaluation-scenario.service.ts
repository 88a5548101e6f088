/**
 * 情景模拟 of the 资源配置 evaluation: saved scenarios (a named change list on one county's figures for
 * one 统计年度; audited writes) and their evaluation — the county before and after, side by side.
 */
import type {
  Scenario,
  ScenarioBody,
  ScenarioChangeInput,
  ScenarioComparison,
  TEACHING_POINT_POLICY_VALUES,
} from "@luoshi/contracts";
import { ScenarioChangeInput as ScenarioChangeSchema } from "@luoshi/contracts";
import { type ScenarioRecord, scenarioRepo } from "@luoshi/db";
import {
  applyScenario,
  compareEvaluations,
  evaluateResources,
  RESOURCE_INDICATORS,
  type ScenarioChange,
  type TeachingPointPolicy,
} from "@luoshi/domain/evaluation";
import type { Issue } from "@luoshi/domain";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { type BalanceInput, loadCounty } from "./evaluation.service.ts";
import { findUnitInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";

type Policy = (typeof TEACHING_POINT_POLICY_VALUES)[number];

/** Converts validated API changes to the domain's (optional fields left out rather than undefined). */
export function toDomainChanges(changes: readonly ScenarioChangeInput[]): ScenarioChange[] {
  return changes.map((c): ScenarioChange => {
    switch (c.kind) {
      case "set":
      case "add": {
        const base = { schoolCode: c.schoolCode, field: c.field, ...(c.level ? { level: c.level } : {}) };
        return c.kind === "set"
          ? { kind: "set", ...base, value: c.value }
          : { kind: "add", ...base, amount: c.amount };
      }
      case "add-school":
        return { kind: "add-school", school: { ...c.school } };
      case "remove-school":
        return { kind: "remove-school", schoolCode: c.schoolCode };
      case "merge-schools":
        return {
          kind: "merge-schools",
          intoCode: c.intoCode,
          fromCodes: [...c.fromCodes],
          ...(c.schoolType ? { schoolType: c.schoolType } : {}),
        };
    }
  });
}

function presentIssues(issues: readonly Issue[]): ScenarioComparison["issues"] {
  return issues.map((i) => ({
    code: i.code,
    severity: i.severity,
    message: i.message,
    ...(i.where
      ? {
          where: Object.fromEntries(
            Object.entries(i.where).filter((e): e is [string, string | number] => e[1] !== undefined),
          ),
        }
      : {}),
  }));
}

/**
 * Evaluates the county with and without `changes` (applied in order by the domain's applyScenario)
 * and compares: every CV before/after with its change, school parts whose verdict changes (or that
 * appear/disappear), and the county verdicts. Changes that cannot apply come back as issues.
 */
export async function evaluateScenario(
  deps: ServiceDeps,
  actor: Actor,
  input: BalanceInput & { changes: readonly ScenarioChangeInput[] },
): Promise<ScenarioComparison> {
  const county = await loadCounty(deps, actor, input);
  const options = { ruleSet: county.ruleSet, teachingPointPolicy: county.teachingPointPolicy };
  const before = evaluateResources(county.schools, options);
  const applied = applyScenario(county.schools, toDomainChanges(input.changes));
  const after = evaluateResources(applied.schools, options);
  const cmp = compareEvaluations(before, after);
  const names = new Map(county.names);
  for (const s of applied.schools) {
    if (!names.has(s.code)) {
      names.set(s.code, s.name);
    }
  }
  const verdicts = (e: typeof before) => ({
    schoolsPass: e.isSchoolsPass,
    cvPass: e.isCvPass,
    resourcePass: e.isResourcePass,
  });
  return {
    orgUnit: county.orgUnit,
    year: county.year,
    ruleSet: { id: county.ruleSet.id, version: county.ruleSet.version, name: county.ruleSet.name },
    teachingPointPolicy: county.teachingPointPolicy,
    indicators: cmp.indicators.map((i) => ({
      level: i.level,
      indicator: i.indicator,
      name: RESOURCE_INDICATORS[i.indicator].name,
      limit: county.ruleSet.thresholds[`resource.cvLimit.${i.level}`],
      before: { mean: i.before.mean, cv: i.before.cv, cvPass: i.before.isCvPass },
      after: { mean: i.after.mean, cv: i.after.cv, cvPass: i.after.isCvPass },
      cvChange: i.cvChange,
    })),
    changedSchools: cmp.changedSchools.map((s) => ({ ...s, name: names.get(s.code) ?? s.code })),
    schoolsFailing: cmp.schoolsFailing,
    before: verdicts(before),
    after: verdicts(after),
    issues: presentIssues(applied.issues),
  };
}

function present(r: ScenarioRecord): Scenario {
  const parsed = ScenarioChangeSchema.array().safeParse(r.changes);
  return {
    id: r.id,
    name: r.name,
    orgUnitId: r.org_unit_id,
    year: r.year,
    policy: r.policy as Policy,
    note: r.note,
    changes: parsed.success ? parsed.data : [],
    createdBy: r.createdByName,
    createdAt: new Date(r.created_at).toISOString(),
    updatedBy: r.updatedByName,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

async function unitInScope(deps: ServiceDeps, actor: Actor, orgUnitId: string) {
  const unit = await findUnitInScope(deps.handle.db, actor, orgUnitId);
  return unit;
}

/** Saved scenarios of a unit (optionally one year), newest first. Needs `evaluation.read`. */
export async function listScenarios(
  deps: ServiceDeps,
  actor: Actor,
  orgUnitId: string,
  year?: number,
): Promise<Scenario[]> {
  authorize(actor, "evaluation.read");
  await unitInScope(deps, actor, orgUnitId);
  return (await scenarioRepo.list(deps.handle.db, orgUnitId, year)).map(present);
}

/** One saved scenario; 404 when unknown or outside the actor's scope. Needs `evaluation.read`. */
export async function getScenario(deps: ServiceDeps, actor: Actor, id: string): Promise<Scenario> {
  authorize(actor, "evaluation.read");
  const r = await scenarioRepo.findById(deps.handle.db, id);
  if (r === undefined) {
    throw new AppError("not-found", "没有这个情景");
  }
  await unitInScope(deps, actor, r.org_unit_id);
  return present(r);
}

function writeOf(actor: Actor, body: ScenarioBody) {
  return {
    orgUnitId: body.orgUnitId,
    year: body.year,
    name: body.name,
    policy: body.policy ?? ("include" satisfies TeachingPointPolicy),
    note: body.note ?? "",
    changes: body.changes,
    by: actor.userId ?? "",
    at: new Date(),
  };
}

/** Saves a new scenario (audited `evaluation.scenario-create`). Needs `evaluation.write`. */
export async function createScenario(deps: ServiceDeps, actor: Actor, body: ScenarioBody): Promise<Scenario> {
  authorize(actor, "evaluation.write");
  await unitInScope(deps, actor, body.orgUnitId);
  const id = await deps.handle.db.transaction().execute(async (trx) => {
    const w = writeOf(actor, body);
    const newId = await scenarioRepo.insert(trx, w);
    await recordAudit(trx, actor, {
      action: "evaluation.scenario-create",
      entityType: "evaluation_scenario",
      entityId: newId,
      after: {
        name: w.name,
        orgUnitId: w.orgUnitId,
        year: w.year,
        policy: w.policy,
        changes: w.changes.length,
      },
    });
    return newId;
  });
  return getScenario(deps, actor, id);
}

/** Replaces a scenario's name, unit, year, policy and changes (audited). Needs `evaluation.write`. */
export async function updateScenario(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: ScenarioBody,
): Promise<Scenario> {
  authorize(actor, "evaluation.write");
  const existing = await getScenario(deps, actor, id);
  await unitInScope(deps, actor, body.orgUnitId);
  await deps.handle.db.transaction().execute(async (trx) => {
    const w = writeOf(actor, body);
    await scenarioRepo.update(trx, id, w);
    await recordAudit(trx, actor, {
      action: "evaluation.scenario-update",
      entityType: "evaluation_scenario",
      entityId: id,
      before: {
        name: existing.name,
        year: existing.year,
        policy: existing.policy,
        changes: existing.changes.length,
      },
      after: { name: w.name, year: w.year, policy: w.policy, changes: w.changes.length },
    });
  });
  return getScenario(deps, actor, id);
}

/** Deletes a scenario (audited). Needs `evaluation.write`. */
export async function deleteScenario(deps: ServiceDeps, actor: Actor, id: string): Promise<void> {
  authorize(actor, "evaluation.write");
  const existing = await getScenario(deps, actor, id);
  await deps.handle.db.transaction().execute(async (trx) => {
    await scenarioRepo.delete(trx, id);
    await recordAudit(trx, actor, {
      action: "evaluation.scenario-delete",
      entityType: "evaluation_scenario",
      entityId: id,
      before: { name: existing.name, year: existing.year, changes: existing.changes.length },
    });
  });
}

/** Evaluates a saved scenario with its own unit, year and policy. Needs `evaluation.read`. */
export async function evaluateSavedScenario(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  ruleSetId?: string,
): Promise<ScenarioComparison> {
  const s = await getScenario(deps, actor, id);
  return evaluateScenario(deps, actor, {
    orgUnitId: s.orgUnitId,
    year: s.year,
    policy: s.policy,
    ...(ruleSetId === undefined ? {} : { ruleSetId }),
    changes: s.changes,
  });
}
