import { createHash } from "node:crypto";
import type { UnitRegistryEntry } from "@luoshi/domain/parsing";
import {
  readDocumentLevel,
  resolveUnitNames,
  type DocumentLevel,
  type DocumentLevelReading,
} from "@luoshi/domain/plans";
import { chinaDate } from "@luoshi/common";
import {
  type Db,
  inTransaction,
  orgUnitRepo,
  planRepo,
  type OrgUnitRow,
  type PlanRow,
  type Scope,
} from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { readDocument } from "../../documents/read-document.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { unitNameRulesOf } from "./unit-name-rules.ts";

/**
 * The registry parsed unit names are matched against: every non-school unit in the scope, and the
 * departments of the areas above it (a county plan names 市教育局 too). Given `today` (a Date), only
 * the units open on that China day: new work goes to none that closed.
 */
export async function unitRegistry(db: Db, scope: Scope, today?: Date): Promise<OrgUnitRow[]> {
  return planRepo.registryUnits(db, scope, today === undefined ? undefined : chinaDate(today));
}

/** The area unit at the root of the actor's scope: the owner of the plans the actor imports. */
export async function scopeRoot(db: Db, actor: Actor): Promise<OrgUnitRow> {
  const root = await planRepo.findScopeRoot(db, actor.scope);
  if (root === undefined) {
    throw new AppError("forbidden", "您的账号没有所属管辖范围，无法导入规划文件");
  }
  return root;
}

/**
 * Whose document this is (文件层级), read from its issuer or title against the owning area and the areas
 * above it; `chosen` (the importer's own choice) wins, with the reading's issuer level kept.
 */
async function documentLevelOf(
  db: Db,
  owner: OrgUnitRow,
  document: { issuer: string | null; title: string | null },
  chosen: DocumentLevel | undefined,
): Promise<DocumentLevelReading> {
  const aboveIds = owner.path.split("/").filter((id) => id !== "" && id !== owner.id);
  const above = (await orgUnitRepo.findByIds(db, aboveIds)).sort((a, b) => b.depth - a.depth);
  const reading = readDocumentLevel(document, owner, above);
  if (chosen === undefined || chosen === reading.level) {
    return reading;
  }
  return {
    ...reading,
    level: chosen,
    reason: chosen === "own" ? "导入时指定为本级文件" : "导入时指定为上级文件",
  };
}

/**
 * 导入规划文件: decode the bytes, parse the document, tie each responsible unit to the registry, and store
 * a draft plan — all or nothing. A confirmed plan with the same title or 文号 in the same area makes the
 * new draft its revision.
 */
export async function importPlan(
  deps: ServiceDeps,
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array; documentLevel?: DocumentLevel | undefined },
): Promise<PlanRow> {
  authorize(actor, "plan.write");
  const { db } = deps.handle;
  // decoding and parsing run in a worker with the configured bounds: a hostile file is refused there
  const { decoded, parsed } = await readDocument(input.bytes, input.fileName, deps.config.documentLimits);
  const refused = [...decoded.issues, ...(parsed?.issues ?? [])].filter((i) => i.severity === "error");
  if (parsed === null || refused.length > 0) {
    const messages = refused.map((i) =>
      i.message.includes(input.fileName) ? i.message : `文件“${input.fileName}”：${i.message}`,
    );
    const first = messages[0] ?? `文件“${input.fileName}”无法读取`;
    throw new AppError("validation-failed", messages.join("；") || first, {
      fields: [{ path: "body.contentBase64", message: first }],
      issues: refused.map((i) => ({ ...i, where: { ...i.where, file: input.fileName } })),
    });
  }
  const owner = await scopeRoot(db, actor);
  const registry = await unitRegistry(db, actor.scope, deps.now());
  const entries: UnitRegistryEntry[] = registry.map((u) => ({
    code: u.code,
    name: u.name,
    aliases: u.aliases,
  }));
  const byCode = new Map(registry.map((u) => [u.code, u]));
  const title = parsed.meta.title ?? input.fileName.replace(/\.[^.]+$/, "");
  const previous = await planRepo.findConfirmedMatch(db, owner.id, title, parsed.meta.docNumber);
  const level = await documentLevelOf(db, owner, { issuer: parsed.meta.issuer, title }, input.documentLevel);

  const planId = crypto.randomUUID();
  const nodeIds = parsed.nodes.map(() => crypto.randomUUID());
  const nodes = parsed.nodes.map((n, i) => ({
    id: nodeIds[i] ?? crypto.randomUUID(),
    plan_id: planId,
    path: n.path,
    parent_path: n.parentPath,
    level: n.level,
    marker: n.marker,
    ordinal: n.ordinal,
    title: n.title.slice(0, 500),
    role: n.role,
    span_start: n.span.start,
    span_end: n.span.end,
    title_start: n.titleSpan.start,
    title_end: n.titleSpan.end,
    deadline: n.deadline ?? null,
    sort_order: i,
  }));
  // every distinct name resolved once for the whole document: registry name or alias, then an old
  // agency name through the county's renamed-agency table; groups (各乡镇 …) are resolved when read
  const { rules } = await unitNameRulesOf(db, owner.id);
  const resolved = resolveUnitNames(
    parsed.nodes.flatMap((n) => n.units),
    entries,
    rules,
  );
  const units = parsed.nodes.flatMap((n, i) =>
    n.units.map((name, position) => {
      const r = resolved.get(name);
      const unit = r !== undefined && "code" in r ? byCode.get(r.code) : undefined;
      return {
        node_id: nodeIds[i] ?? "",
        position,
        name,
        is_lead: n.lead === name,
        org_unit_id: unit?.id ?? null,
        match: unit === undefined || r === undefined ? "none" : r.by,
      };
    }),
  );
  const targets = parsed.targets.map((t, i) => ({
    plan_id: planId,
    path: t.path,
    text: t.text,
    metric: t.metric,
    indicator_code: t.indicatorCode,
    comparator: t.comparator,
    value: t.value,
    value_max: t.valueMax,
    unit: t.unit,
    year: t.year,
    kind: t.kind,
    span_start: t.span.start,
    span_end: t.span.end,
    sort_order: i,
  }));
  const issues = [...decoded.issues, ...parsed.issues];
  await inTransaction(db, async (trx) => {
    await planRepo.insertTree(
      trx,
      {
        id: planId,
        org_unit_id: owner.id,
        title,
        doc_number: parsed.meta.docNumber,
        issuer: parsed.meta.issuer,
        issued_on: parsed.meta.date,
        period_start: parsed.meta.period?.[0] ?? null,
        period_end: parsed.meta.period?.[1] ?? null,
        status: "draft",
        version: previous === undefined ? 1 : previous.version + 1,
        revises_plan_id: previous?.id ?? null,
        source_file_name: input.fileName,
        source_format: decoded.format,
        source_text: decoded.text,
        source_sha256: createHash("sha256").update(input.bytes).digest("hex"),
        parse_issues: JSON.stringify(issues),
        created_by: actor.userId,
        document_level: level.level,
        issuer_level: level.issuerLevel,
        document_level_reason: level.reason,
      },
      nodes,
      units,
      targets,
    );
    await recordAudit(trx, actor, {
      action: "plan.import",
      entityType: "plan",
      entityId: planId,
      after: {
        title,
        fileName: input.fileName,
        nodes: nodes.length,
        units: units.length,
        targets: targets.length,
        documentLevel: level.level,
      },
    });
  });
  const plan = await planRepo.findById(db, planId);
  if (plan === undefined) {
    throw new AppError("internal", "导入后找不到规划");
  }
  return plan;
}
