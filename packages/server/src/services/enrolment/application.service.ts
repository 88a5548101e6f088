/**
 * 报名 and 资格审核: applications imported from the portal's export or entered at the school, classed into
 * 类别 by the area's versioned rules, listed masked with the count of other schools the same child applied
 * to (blind index), decided with a reason. A school enters and sees only its own applications; the bureau
 * its county's. Every write leaves one audit row without personal values.
 */
import {
  decryptField,
  enrolApplicationRepo,
  enrolCatchmentRepo,
  inTransaction,
  orgUnitRepo,
  scopeOf,
  type ApplicationWrite,
  type Db,
  type OrgUnitRow,
} from "@luoshi/db";
import {
  checkCategoryRules,
  classifyApplication,
  DEFAULT_CATEGORY_RULES,
  parseApplicationSheets,
  type ApplicationDocuments,
  type ApplicationRecord,
  type CategoryRules,
} from "@luoshi/domain/enrolment";
import { maskIdNumber, maskName } from "@luoshi/domain/pii";
import { can } from "@luoshi/domain/auth";
import { chinaDate } from "@luoshi/common";
import type {
  ApplicationCreateBody,
  ApplicationDecisionBody,
  ApplicationImportResult,
  ApplicationItem,
  ApplicationList,
  ApplicationQuery,
  CategoryRulesBody,
  CategoryRulesView,
} from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { revealPersonal } from "../pii/reveal.service.ts";
import { readStatsFileInWorker } from "../statistics/stats-file-read.ts";
import { registryScope } from "../registry/registry-scope.ts";

/** The county a unit lies in (itself when it is one). */
async function countyOf(db: Db, unit: OrgUnitRow): Promise<OrgUnitRow> {
  if (unit.kind === "county") {
    return unit;
  }
  const ids = unit.path.split("/").filter((s) => s !== "");
  const county = (await orgUnitRepo.findByIds(db, ids)).find((u) => u.kind === "county");
  if (county === undefined) {
    throw new AppError("bad-request", "招生按县（区）组织：请以县（区）或其学校的账号操作");
  }
  return county;
}

/** The county a unit lies in, or null above county level (a city's account reads the default rules). */
export async function countyOrNull(db: Db, unit: OrgUnitRow): Promise<OrgUnitRow | null> {
  return unit.kind === "city" || unit.kind === "province" ? null : countyOf(db, unit);
}

/** The area's current rules (the default until the bureau saves its own). */
async function rulesOf(db: Db, areaId: string | null): Promise<CategoryRules> {
  const saved = areaId === null ? undefined : await enrolApplicationRepo.latestRules(db, areaId);
  return saved === undefined
    ? DEFAULT_CATEGORY_RULES
    : { version: saved.version, categories: (saved.rules as Pick<CategoryRules, "categories">).categories };
}

/** The unit the actor enters applications for, its county, and the schools it may name. */
async function entryContext(db: Db, actor: Actor, unitId: string | undefined) {
  authorize(actor, "pupil.write");
  const { unit, scope } = await registryScope(db, actor, unitId);
  const area = await countyOf(db, unit);
  const schools = await enrolCatchmentRepo.schoolsIn(db, scope);
  return { unit, area, schools };
}

const categoryLabel = (rules: CategoryRules, code: string) =>
  rules.categories.find((c) => c.code === code)?.label ?? code;

/** The year's applications in the actor's scope (or a unit within it), masked. */
export async function listApplications(
  deps: ServiceDeps,
  actor: Actor,
  q: ApplicationQuery,
): Promise<ApplicationList> {
  authorize(actor, "pupil.read");
  const { db } = deps.handle;
  const { unit, scope } = await registryScope(db, actor, q.unitId);
  const rules = await rulesOf(db, (await countyOrNull(db, unit))?.id ?? null);
  const { rows, total } = await enrolApplicationRepo.list(db, scope, {
    year: q.year,
    status: q.status,
    duplicatesOnly: q.duplicates === "true",
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    total,
    ruleVersion: rules.version,
    canManage: can(actor.role, "enrolment.manage"),
    items: rows.map((r): ApplicationItem => {
      const p = JSON.parse(decryptField(db, r.personal)) as { name: string; idNumber: string };
      return {
        id: r.id,
        applicationNo: r.applicationNo,
        schoolId: r.schoolId,
        schoolName: r.schoolName,
        name: maskName(p.name),
        idNumber: maskIdNumber(p.idNumber),
        sex: r.sex,
        source: r.source,
        documents: r.documents as ApplicationDocuments,
        category: r.category,
        categoryLabel: categoryLabel(rules, r.category),
        tier: r.tier,
        ruleVersion: r.ruleVersion,
        status: r.status,
        decisionReason: r.decisionReason,
        decidedAt: r.decidedAt?.toISOString() ?? null,
        otherSchools: r.otherSchools,
      };
    }),
  };
}

/** Classes, numbers and writes records (those already entered are left out); returns counts. */
async function writeApplications(
  db: Db,
  actor: Actor,
  ctx: { area: OrgUnitRow; schools: readonly { id: string; code: string }[] },
  year: number,
  source: "portal" | "school",
  records: readonly ApplicationRecord[],
  rules: CategoryRules,
): Promise<{ ids: string[]; skipped: number; byCategory: Record<string, number> }> {
  const exists = await enrolApplicationRepo.existing(
    db,
    year,
    records.map((r) => enrolApplicationRepo.indexOf(db, r.idNumber)),
  );
  const fresh = records.filter(
    (r) => !exists.has(`${r.schoolId}\u0000${enrolApplicationRepo.indexOf(db, r.idNumber)}`),
  );
  const codeOf = new Map(ctx.schools.map((s) => [s.id, s.code]));
  const next = new Map<string, number>();
  const byCategory: Record<string, number> = {};
  const rows: ApplicationWrite[] = [];
  for (const r of fresh) {
    const n = next.get(r.schoolId) ?? (await enrolApplicationRepo.countAtSchool(db, r.schoolId, year));
    next.set(r.schoolId, n + 1);
    const c = classifyApplication(r.documents, rules);
    byCategory[c.code] = (byCategory[c.code] ?? 0) + 1;
    rows.push({
      schoolId: r.schoolId,
      applicationNo: `${String(year)}-${codeOf.get(r.schoolId) ?? ""}-${String(n + 1).padStart(4, "0")}`,
      name: r.name,
      idNumber: r.idNumber,
      sex: r.sex,
      birthMonth: r.birthMonth,
      source,
      documents: r.documents,
      category: c.code,
      tier: c.tier,
      ruleVersion: rules.version,
    });
  }
  const ids = await enrolApplicationRepo.insertMany(db, ctx.area.id, year, rows, actor.userId);
  return { ids, skipped: records.length - fresh.length, byCategory };
}

/** Imports (or previews) a portal export; a school's file may name only the school itself. */
export async function importApplications(
  deps: ServiceDeps,
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array; schoolYear: number; preview: boolean },
): Promise<ApplicationImportResult> {
  const { db } = deps.handle;
  const ctx = await entryContext(db, actor, undefined);
  const byKey = new Map<string, { id: string; name: string }>();
  for (const s of ctx.schools) {
    for (const k of [s.code, s.name, ...s.aliases]) {
      byKey.set(k, { id: s.id, name: s.name });
    }
  }
  const sheets = await readStatsFileInWorker(input.bytes, input.fileName, deps.config.importLimits);
  const parsed = parseApplicationSheets(sheets, {
    fileName: input.fileName,
    today: chinaDate(deps.now()),
    findSchool: (t) => byKey.get(t.trim()) ?? null,
  });
  if (parsed.problems.length > 0) {
    throw new AppError("validation-failed", `报名名单有问题，未导入：${parsed.problems[0]?.message ?? ""}`, {
      problems: parsed.problems.map((p) => ({
        sheet: p.where?.sheet ?? "",
        row: p.where?.row ?? 0,
        column: p.where?.column ?? "",
        message: p.message,
      })),
      problemCount: parsed.problems.length,
    });
  }
  const rules = await rulesOf(db, ctx.area.id);
  const byCategory: Record<string, number> = {};
  for (const r of parsed.records) {
    const c = classifyApplication(r.documents, rules).code;
    byCategory[c] = (byCategory[c] ?? 0) + 1;
  }
  const result: ApplicationImportResult = {
    applied: false,
    fileName: input.fileName,
    applications: parsed.records.length,
    skipped: 0,
    byCategory,
    ruleVersion: rules.version,
  };
  if (input.preview) {
    return result;
  }
  return inTransaction(db, async (trx) => {
    const w = await writeApplications(trx, actor, ctx, input.schoolYear, "portal", parsed.records, rules);
    await recordAudit(trx, actor, {
      action: "enrolment.application-import",
      entityType: "enrol_application",
      entityId: ctx.unit.id,
      after: { fileName: input.fileName, schoolYear: input.schoolYear },
      details: {
        applications: w.ids.length,
        skipped: w.skipped,
        byCategory: w.byCategory,
        ruleVersion: rules.version,
      },
    });
    return {
      ...result,
      applied: true,
      applications: w.ids.length,
      skipped: w.skipped,
      byCategory: w.byCategory,
    };
  });
}

/** One application entered at the school (or by the bureau for a school it names). */
export async function createApplication(
  deps: ServiceDeps,
  actor: Actor,
  body: ApplicationCreateBody,
): Promise<{ id: string; applicationNo: string; category: string; because: string }> {
  const { db } = deps.handle;
  const ctx = await entryContext(db, actor, body.unitId);
  if (ctx.unit.kind !== "school") {
    throw new AppError("bad-request", "请指定报名的学校");
  }
  const school = ctx.unit;
  const { records, problems } = parseApplicationSheets(
    [
      {
        name: "录入",
        headers: ["学校", "姓名", "身份证件号"],
        rows: [{ row: 1, cells: [school.code, body.name, body.idNumber] }],
      },
    ],
    {
      fileName: "录入",
      today: chinaDate(deps.now()),
      findSchool: () => ({ id: school.id, name: school.name }),
    },
  );
  const record = records[0];
  if (record === undefined) {
    const message = problems[0]?.message.replace(/^.*列(（[^）]*）)?：/, "") ?? "报名信息有误";
    throw new AppError("validation-failed", message, { fields: [{ path: "body.idNumber", message }] });
  }
  const rules = await rulesOf(db, ctx.area.id);
  const c = classifyApplication(body.documents, rules);
  return inTransaction(db, async (trx) => {
    const w = await writeApplications(
      trx,
      actor,
      ctx,
      body.schoolYear,
      "school",
      [{ ...record, documents: body.documents }],
      rules,
    );
    const id = w.ids[0];
    if (id === undefined) {
      throw new AppError("conflict", "这名儿童已在本校报名");
    }
    const row = await enrolApplicationRepo.findInScope(trx, scopeOf(school.path), id);
    await recordAudit(trx, actor, {
      action: "enrolment.application-create",
      entityType: "enrol_application",
      entityId: id,
      after: { category: c.code, ruleVersion: rules.version, schoolYear: body.schoolYear },
    });
    return { id, applicationNo: row?.application_no ?? "", category: c.code, because: c.because };
  });
}

/** 资格审核: approves or rejects an application in scope, with a reason. */
export async function decideApplication(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  body: ApplicationDecisionBody,
): Promise<{ id: string; status: string }> {
  authorize(actor, "pupil.write");
  const { db } = deps.handle;
  const row = await enrolApplicationRepo.findInScope(db, actor.scope, id);
  if (row === undefined) {
    throw new AppError("not-found", "报名未找到");
  }
  await inTransaction(db, async (trx) => {
    await enrolApplicationRepo.decide(trx, id, body.decision, body.reason, actor.userId);
    await recordAudit(trx, actor, {
      action: "enrolment.application-decide",
      entityType: "enrol_application",
      entityId: id,
      before: { status: row.status },
      after: { status: body.decision },
      details: { reason: body.reason },
    });
  });
  return { id, status: body.decision };
}

/** The applicant's full name and ID number, through the one audited path. */
export async function revealApplication(deps: ServiceDeps, actor: Actor, id: string, reason: string) {
  authorize(actor, "pupil.unmasked");
  const row = await enrolApplicationRepo.findInScope(deps.handle.db, actor.scope, id);
  if (row === undefined) {
    throw new AppError("not-found", "报名未找到");
  }
  const { personal } = await revealPersonal(
    deps,
    actor,
    { type: "enrol_application", id },
    { personal: row.personal },
    reason,
  );
  return JSON.parse(personal ?? "{}") as { name: string; idNumber: string };
}

/** The area's 类别 rules now in force. */
export async function getCategoryRules(deps: ServiceDeps, actor: Actor): Promise<CategoryRulesView> {
  authorize(actor, "org.read");
  const { unit } = await registryScope(deps.handle.db, actor, undefined);
  return rulesOf(deps.handle.db, (await countyOrNull(deps.handle.db, unit))?.id ?? null);
}

/** Saves a new version of the area's 类别 rules (applications entered later are classed by it). */
export async function saveCategoryRules(
  deps: ServiceDeps,
  actor: Actor,
  body: CategoryRulesBody,
): Promise<CategoryRulesView> {
  authorize(actor, "enrolment.manage");
  const { db } = deps.handle;
  const { unit } = await registryScope(db, actor, undefined);
  if (unit.kind !== "county") {
    throw new AppError("forbidden", "类别规则由县（区）教育局设置");
  }
  const problems = checkCategoryRules({ version: 0, categories: body.categories });
  if (problems.length > 0) {
    throw new AppError("validation-failed", problems.map((p) => p.message).join("；"));
  }
  const current = await rulesOf(db, unit.id);
  const version = current.version + 1;
  await inTransaction(db, async (trx) => {
    await enrolApplicationRepo.insertRules(
      trx,
      unit.id,
      version,
      { categories: body.categories },
      actor.userId,
    );
    await recordAudit(trx, actor, {
      action: "enrolment.category-rules",
      entityType: "enrol_category_rules",
      entityId: unit.id,
      before: { version: current.version },
      after: { version, categories: body.categories.map((c) => c.code) },
    });
  });
  return { version, categories: body.categories };
}
