/**
 * 单位名称核对: every distinct unit name of a plan resolved once — registry unit, alias, renamed agency,
 * unit group or nothing — with "map this name everywhere", and the county's rules (renamed agencies,
 * unit groups) the resolution uses.
 */
import { chinaDate } from "@luoshi/common";
import { PLAN_UNIT_MATCH_VALUES, UnitNameRules } from "@luoshi/contracts";
import {
  applyRename,
  groupMembers,
  resolveUnitNames,
  type GroupCandidate,
  type UnitGroupRule,
} from "@luoshi/domain/plans";
import { inTransaction, planRepo, type OrgUnitRow, type PlanNodeUnitRow, type Scope } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { editableDraft } from "./plan-access.ts";
import { scopeRoot, unitRegistry } from "./plan-import.service.ts";
import { unitNameRulesOf } from "./unit-name-rules.ts";

/** The units below the scope's root that groups draw members from, open today. */
async function candidatesOf(deps: ServiceDeps, scope: Scope): Promise<GroupCandidate[]> {
  const rows = await planRepo.groupCandidates(deps.handle.db, scope, chinaDate(deps.now()));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    schoolType: r.school_type,
    parentKind: r.parent_kind,
  }));
}

/** Why an old agency name stands for today's: 国土局已更名为自然资源局（2018年，依据）. */
function renameNote(rule: { from: string; to: string; year: number; source: string }): string {
  return `${rule.from}已更名为${rule.to}（${String(rule.year)}年，${rule.source}）`;
}

/** How one written name of a plan resolved, over all the items writing it. */
interface PlanUnitNameRow {
  name: string;
  items: number;
  resolution: (typeof PLAN_UNIT_MATCH_VALUES)[number] | "mixed";
  orgUnitId: string | null;
  groupName: string | null;
  renamedTo: string | null;
  renameNote: string | null;
  suggestions: { orgUnitId: string; name: string; score: number }[];
}

/** What a name left untied by the stored rows resolves to now (renamed agency or group). */
interface DynamicUnit {
  orgUnitId: string | null;
  match: "renamed" | "group";
  groupName: string | null;
}

/** The plan's unit names resolved: per name, the dynamic ties and the groups with their members. */
export interface PlanUnitResolution {
  names: PlanUnitNameRow[];
  dynamic: Map<string, DynamicUnit>;
  groups: { name: string; members: { orgUnitId: string; name: string }[] }[];
}

/**
 * Resolves a plan's names: stored ties stay; an untied name is looked up again with the county's
 * rules (a group, or an old agency name), and what still matches nothing gets suggestions.
 */
export async function resolvePlanUnits(
  deps: ServiceDeps,
  actor: Actor,
  ownerId: string,
  units: readonly PlanNodeUnitRow[],
  registry: readonly OrgUnitRow[],
): Promise<PlanUnitResolution> {
  const { rules } = await unitNameRulesOf(deps.handle.db, ownerId);
  const untied = [...new Set(units.filter((u) => u.org_unit_id === null).map((u) => u.name))];
  const resolved = resolveUnitNames(
    untied,
    registry.map((u) => ({ code: u.code, name: u.name, aliases: u.aliases })),
    rules,
  );
  const byCode = new Map(registry.map((u) => [u.code, u]));
  const dynamic = new Map<string, DynamicUnit>();
  const suggestions = new Map<string, PlanUnitNameRow["suggestions"]>();
  const notes = new Map<string, { renamedTo: string; note: string | null }>();
  const usedGroups = new Map<string, UnitGroupRule>();
  for (const [name, r] of resolved) {
    if (r.by === "group") {
      usedGroups.set(r.group.name, r.group);
      dynamic.set(name, { orgUnitId: null, match: "group", groupName: r.group.name });
    } else if (r.by === "renamed") {
      const unit = byCode.get(r.code);
      if (unit !== undefined) {
        dynamic.set(name, { orgUnitId: unit.id, match: "renamed", groupName: null });
      }
      notes.set(name, {
        renamedTo: r.renamedTo,
        note: `${r.rule.from}已更名为${r.rule.to}（${String(r.rule.year)}年，${r.rule.source}）`,
      });
    } else if (r.by === "none") {
      suggestions.set(
        name,
        r.suggestions.flatMap((s) => {
          const unit = byCode.get(s.code);
          return unit === undefined ? [] : [{ orgUnitId: unit.id, name: unit.name, score: s.score }];
        }),
      );
      if (r.renamedTo !== undefined) {
        notes.set(name, { renamedTo: r.renamedTo, note: `现名“${r.renamedTo}”不在单位名录中` });
      }
    }
  }
  // names tied through the rename table on import keep saying why
  for (const u of units) {
    const r = u.match === "renamed" && !notes.has(u.name) ? applyRename(u.name, rules.renames) : undefined;
    if (r !== undefined) {
      notes.set(u.name, { renamedTo: r.renamed, note: renameNote(r.rule) });
    }
  }
  const candidates = usedGroups.size === 0 ? [] : await candidatesOf(deps, actor.scope);
  const groups = [...usedGroups.values()].map((g) => ({
    name: g.name,
    members: groupMembers(g, candidates).map((c) => ({ orgUnitId: c.id, name: c.name })),
  }));
  const stored = units.map((u) => {
    const d = u.org_unit_id === null ? dynamic.get(u.name) : undefined;
    return {
      name: u.name,
      orgUnitId: d?.orgUnitId ?? u.org_unit_id,
      match: d?.match ?? u.match,
      groupName: d?.groupName ?? null,
    };
  });
  const names: PlanUnitNameRow[] = [];
  for (const name of [...new Set(stored.map((s) => s.name))]) {
    const rows = stored.filter((s) => s.name === name);
    const first = rows[0];
    if (first === undefined) {
      continue;
    }
    const same = rows.every((r) => r.orgUnitId === first.orgUnitId && r.groupName === first.groupName);
    const note = notes.get(name);
    names.push({
      name,
      items: rows.length,
      resolution: !same ? "mixed" : (PLAN_UNIT_MATCH_VALUES.find((v) => v === first.match) ?? "none"),
      orgUnitId: same ? first.orgUnitId : null,
      groupName: same ? first.groupName : null,
      renamedTo: note?.renamedTo ?? null,
      renameNote: note?.note ?? null,
      suggestions: suggestions.get(name) ?? [],
    });
  }
  return { names, dynamic, groups };
}

/**
 * 统一对应: ties a written name to one registry unit (or leaves it as written, with null) on every item
 * of the draft that writes it; recorded as a confirmed tie and audited with the items before.
 */
export async function mapPlanUnitName(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  body: { name: string; orgUnitId: string | null },
): Promise<number> {
  await editableDraft(deps, actor, planId);
  const { db } = deps.handle;
  if (body.orgUnitId !== null) {
    const registry = await unitRegistry(db, actor.scope, deps.now());
    if (!registry.some((u) => u.id === body.orgUnitId)) {
      throw new AppError("validation-failed", "所选单位不在本辖区的单位名录中", {
        fields: [{ path: "body.orgUnitId", message: "单位不在本辖区名录中" }],
      });
    }
  }
  return inTransaction(db, async (trx) => {
    const before = await planRepo.mapUnitName(trx, planId, body.name, body.orgUnitId);
    if (before.length === 0) {
      throw new AppError("not-found", `该规划中没有写作“${body.name}”的责任单位`);
    }
    await recordAudit(trx, actor, {
      action: "plan.unit-map",
      entityType: "plan",
      entityId: planId,
      before: before.map((b) => ({ nodeId: b.node_id, orgUnitId: b.org_unit_id, match: b.match })),
      after: { name: body.name, orgUnitId: body.orgUnitId, items: before.length },
    });
    return before.length;
  });
}

/** The county's rules with each group's size today. */
export async function readUnitNameRules(
  deps: ServiceDeps,
  actor: Actor,
): Promise<{ rules: UnitNameRules; isDefault: boolean; groupSizes: { name: string; members: number }[] }> {
  authorize(actor, "plan.read");
  const owner = await scopeRoot(deps.handle.db, actor);
  const { rules, isDefault } = await unitNameRulesOf(deps.handle.db, owner.id);
  const candidates = await candidatesOf(deps, actor.scope);
  return {
    rules: {
      renames: rules.renames.map((r) => ({ ...r })),
      groups: rules.groups.map((g) => ({ ...g, aliases: [...g.aliases], schoolTypes: [...g.schoolTypes] })),
    },
    isDefault,
    groupSizes: rules.groups.map((g) => ({ name: g.name, members: groupMembers(g, candidates).length })),
  };
}

/** Saves the county's rules (规划管理人员), audited with the rules before and after. */
export async function saveUnitNameRules(
  deps: ServiceDeps,
  actor: Actor,
  rules: UnitNameRules,
): Promise<void> {
  authorize(actor, "plan.write");
  const body = UnitNameRules.parse(rules);
  const names = body.groups.flatMap((g) => [g.name, ...g.aliases]);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice !== undefined) {
    throw new AppError("validation-failed", `单位组名称或别称“${twice}”重复`, {
      fields: [{ path: "body.groups", message: `“${twice}”重复` }],
    });
  }
  const owner = await scopeRoot(deps.handle.db, actor);
  await inTransaction(deps.handle.db, async (trx) => {
    const before = await unitNameRulesOf(trx, owner.id);
    await planRepo.saveUnitNameRules(trx, owner.id, body, actor.userId);
    await recordAudit(trx, actor, {
      action: "plan.unit-name-rules",
      entityType: "unit_name_rules",
      entityId: owner.id,
      before: before.rules,
      after: body,
    });
  });
}

/** The members of a group for a batch 立项: by the county's rules, below the actor's scope, open today. */
export async function groupMembersFor(
  deps: ServiceDeps,
  actor: Actor,
  ownerId: string,
  groupName: string,
): Promise<{ id: string; name: string }[] | undefined> {
  const { rules } = await unitNameRulesOf(deps.handle.db, ownerId);
  const group = rules.groups.find((g) => g.name === groupName || g.aliases.includes(groupName));
  if (group === undefined) {
    return undefined;
  }
  return groupMembers(group, await candidatesOf(deps, actor.scope)).map((c) => ({ id: c.id, name: c.name }));
}
