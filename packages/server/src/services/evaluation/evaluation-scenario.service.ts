/**
 * 情景模拟 of the 资源配置 evaluation: saved scenarios (a named change list on one county's figures for
 * one 统计年度; audited writes) and their evaluation — the county before and after, side by side.
 */
import type { ScenarioBody, ScenarioChangeInput, TEACHING_POINT_POLICY_VALUES } from "@luoshi/contracts";
import { ScenarioChangeInput as ScenarioChangeSchema } from "@luoshi/contracts";
import { inTransaction, type ScenarioRecord, scenarioRepo } from "@luoshi/db";
import {
  applyScenario,
  compareEvaluations,
  type EvaluationComparison,
  evaluateResources,
  type ResourceEvaluation,
  type ScenarioChange,
  type TeachingPointPolicy,
} from "@luoshi/domain/evaluation";
import type { Issue } from "@luoshi/domain";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { type BalanceContext, type BalanceInput, loadCounty } from "./evaluation.service.ts";
import { findEvaluatedArea } from "./evaluated-area.ts";
import { authorize } from "../access/authorize.ts";

type Policy = (typeof TEACHING_POINT_POLICY_VALUES)[number];

/** Converts validated API changes to the domain's (optional fields left out rather than undefined). */
function toDomainChanges(changes: readonly ScenarioChangeInput[]): ScenarioChange[] {
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

/** A 情景 evaluated: the county, its evaluation before and after the changes, and what changed. */
export interface ScenarioEvaluation {
  county: BalanceContext;
  before: ResourceEvaluation;
  after: ResourceEvaluation;
  comparison: EvaluationComparison;
  /** School names by code, with the schools the changes add. */
  names: Map<string, string>;
  /** Changes that could not apply. */
  issues: Issue[];
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
): Promise<ScenarioEvaluation> {
  const county = await loadCounty(deps, actor, input);
  const options = { ruleSet: county.ruleSet, teachingPointPolicy: county.teachingPointPolicy };
  const before = evaluateResources(county.schools, options);
  const applied = applyScenario(county.schools, toDomainChanges(input.changes));
  const after = evaluateResources(applied.schools, options);
  const names = new Map(county.names);
  for (const s of applied.schools) {
    if (!names.has(s.code)) {
      names.set(s.code, s.name);
    }
  }
  return {
    county,
    before,
    after,
    comparison: compareEvaluations(before, after),
    names,
    issues: applied.issues,
  };
}

/** A saved scenario's changes as validated when saved (none when the stored JSON no longer parses). */
export function savedChanges(r: ScenarioRecord): ScenarioChangeInput[] {
  const parsed = ScenarioChangeSchema.array().safeParse(r.changes);
  return parsed.success ? parsed.data : [];
}

/** A saved scenario's 教学点 policy (validated when saved). */
export function savedPolicy(r: ScenarioRecord): Policy {
  return r.policy as Policy;
}

async function unitInScope(deps: ServiceDeps, actor: Actor, orgUnitId: string) {
  const unit = await findEvaluatedArea(deps.handle.db, actor, orgUnitId);
  return unit;
}

/** Saved scenarios of a unit (optionally one year), newest first. Needs `evaluation.read`. */
export async function listScenarios(
  deps: ServiceDeps,
  actor: Actor,
  orgUnitId: string,
  year?: number,
): Promise<ScenarioRecord[]> {
  authorize(actor, "evaluation.read");
  await unitInScope(deps, actor, orgUnitId);
  return scenarioRepo.list(deps.handle.db, orgUnitId, year);
}

/** One saved scenario; 404 when unknown or outside the actor's scope. Needs `evaluation.read`. */
export async function getScenario(deps: ServiceDeps, actor: Actor, id: string): Promise<ScenarioRecord> {
  authorize(actor, "evaluation.read");
  const r = await scenarioRepo.findById(deps.handle.db, id);
  if (r === undefined) {
    throw new AppError("not-found", "没有这个情景");
  }
  await unitInScope(deps, actor, r.org_unit_id);
  return r;
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
export async function createScenario(
  deps: ServiceDeps,
  actor: Actor,
  body: ScenarioBody,
): Promise<ScenarioRecord> {
  authorize(actor, "evaluation.write");
  await unitInScope(deps, actor, body.orgUnitId);
  const id = await inTransaction(deps.handle.db, async (trx) => {
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
): Promise<ScenarioRecord> {
  authorize(actor, "evaluation.write");
  const existing = await getScenario(deps, actor, id);
  await unitInScope(deps, actor, body.orgUnitId);
  await inTransaction(deps.handle.db, async (trx) => {
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
        changes: savedChanges(existing).length,
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
  await inTransaction(deps.handle.db, async (trx) => {
    await scenarioRepo.delete(trx, id);
    await recordAudit(trx, actor, {
      action: "evaluation.scenario-delete",
      entityType: "evaluation_scenario",
      entityId: id,
      before: { name: existing.name, year: existing.year, changes: savedChanges(existing).length },
    });
  });
}

/** Evaluates a saved scenario with its own unit, year and policy. Needs `evaluation.read`. */
export async function evaluateSavedScenario(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  ruleSetId?: string,
): Promise<ScenarioEvaluation> {
  const s = await getScenario(deps, actor, id);
  return evaluateScenario(deps, actor, {
    orgUnitId: s.org_unit_id,
    year: s.year,
    policy: savedPolicy(s),
    ...(ruleSetId === undefined ? {} : { ruleSetId }),
    changes: savedChanges(s),
  });
}
