/**
 * 学区 per school year: the bureau imports the county's catchment list (all or nothing) and edits one
 * school's catchment; everyone in scope reads the list (a school its own) and the change from the year
 * before. Every write leaves one audit row naming the file's hash or the school.
 */
import { createHash } from "node:crypto";
import {
  enrolCatchmentRepo,
  inTransaction,
  scopeOf,
  type CatchmentRow,
  type Db,
  type OrgUnitRow,
} from "@luoshi/db";
import {
  addressText,
  compareCatchments,
  findCatchmentClash,
  parseCatchmentSheets,
  type AddressUnit,
  type CatchmentRecord,
} from "@luoshi/domain/enrolment";
import type {
  CatchmentCompare,
  CatchmentEditBody,
  CatchmentImportResult,
  CatchmentItem,
  CatchmentList,
} from "@luoshi/contracts";
import { can } from "@luoshi/domain/auth";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { readStatsFileInWorker } from "../statistics/stats-file-read.ts";
import { registryScope } from "../registry/registry-scope.ts";

/** The area whose list the actor manages: its scope's own root, which must be an area, not a school. */
export async function managedArea(db: Db, actor: Actor): Promise<OrgUnitRow> {
  authorize(actor, "enrolment.manage");
  const { unit } = await registryScope(db, actor, undefined);
  if (unit.kind === "school" || unit.kind === "department") {
    throw new AppError("forbidden", "学区、摇号和编班由教育局按县（区）管理，学校只录入本校报名");
  }
  return unit;
}

const toRecord = (r: CatchmentRow): CatchmentRecord => ({
  schoolId: r.schoolId,
  stage: r.stage,
  multiGroup: r.multiGroup,
  feederId: r.feederId,
  seats: r.seats,
  units: r.units as AddressUnit[],
});

function presentItem(r: CatchmentRow): CatchmentItem {
  return {
    schoolId: r.schoolId,
    schoolName: r.schoolName,
    schoolCode: r.schoolCode,
    stage: r.stage,
    multiGroup: r.multiGroup,
    feederId: r.feederId,
    feederName: r.feederName,
    seats: r.seats,
    units: (r.units as AddressUnit[]).map((u) => ({ ...u, text: addressText(u) })),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** The catchment list of `year` within the actor's scope. */
export async function listCatchments(deps: ServiceDeps, actor: Actor, year: number): Promise<CatchmentList> {
  authorize(actor, "org.read");
  const { db } = deps.handle;
  const { unit, scope } = await registryScope(db, actor, undefined);
  const [rows, years, last] = await Promise.all([
    enrolCatchmentRepo.list(db, scope, year),
    enrolCatchmentRepo.years(db, scope),
    enrolCatchmentRepo.latestImport(db, unit.id, year),
  ]);
  return {
    year,
    years,
    areaName: unit.name,
    lastImport:
      last === undefined
        ? null
        : { fileName: last.fileName, sha256: last.sha256, importedAt: last.importedAt.toISOString() },
    canEdit: can(actor.role, "enrolment.manage") && unit.kind !== "school",
    items: rows.map(presentItem),
  };
}

/** The schools of the area, by 学校标识码, name and alias, for the file reader. */
async function schoolFinder(db: Db, area: OrgUnitRow) {
  const schools = await enrolCatchmentRepo.schoolsIn(db, scopeOf(area.path));
  const byKey = new Map<string, { id: string; name: string }>();
  for (const s of schools) {
    for (const k of [s.code, s.name, ...s.aliases]) {
      byKey.set(k, { id: s.id, name: s.name });
    }
  }
  return (t: string) => byKey.get(t.trim()) ?? null;
}

/** Imports (or previews) the area's catchment list of a year, replacing the year's list. */
export async function importCatchments(
  deps: ServiceDeps,
  actor: Actor,
  input: { fileName: string; bytes: Uint8Array; schoolYear: number; preview: boolean },
): Promise<CatchmentImportResult> {
  const { db } = deps.handle;
  const area = await managedArea(db, actor);
  const sheets = await readStatsFileInWorker(input.bytes, input.fileName, deps.config.importLimits);
  const parsed = parseCatchmentSheets(sheets, {
    fileName: input.fileName,
    findSchool: await schoolFinder(db, area),
  });
  if (parsed.problems.length > 0) {
    throw new AppError("validation-failed", `片区名单有问题，未导入：${parsed.problems[0]?.message ?? ""}`, {
      problems: parsed.problems.map((p) => ({
        sheet: p.where?.sheet ?? "",
        row: p.where?.row ?? 0,
        column: p.where?.column ?? "",
        message: p.message,
      })),
      problemCount: parsed.problems.length,
    });
  }
  const current = await enrolCatchmentRepo.list(db, scopeOf(area.path), input.schoolYear, area.id);
  const changes = compareCatchments(current.map(toRecord), parsed.records);
  const result: CatchmentImportResult = {
    applied: false,
    fileName: input.fileName,
    schoolYear: input.schoolYear,
    schools: parsed.records.length,
    units: parsed.records.reduce((n, r) => n + r.units.length, 0),
    changedSchools: changes.filter((c) => c.status !== "same").length,
  };
  if (input.preview) {
    return result;
  }
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  await inTransaction(db, async (trx) => {
    await enrolCatchmentRepo.replaceYear(trx, area.id, input.schoolYear, parsed.records, actor.userId);
    const id = await enrolCatchmentRepo.insertImport(trx, {
      area_unit_id: area.id,
      school_year: input.schoolYear,
      file_name: input.fileName,
      sha256,
      school_count: result.schools,
      unit_count: result.units,
      imported_by: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: "enrolment.catchment-import",
      entityType: "enrol_catchment",
      entityId: id,
      after: { fileName: input.fileName, sha256, schoolYear: input.schoolYear },
      details: { schools: result.schools, units: result.units, changedSchools: result.changedSchools },
    });
  });
  return { ...result, applied: true };
}

/** Replaces one school's catchment of a year (its units, group, 对口 school and seats). */
export async function editCatchment(
  deps: ServiceDeps,
  actor: Actor,
  schoolId: string,
  body: CatchmentEditBody,
): Promise<CatchmentItem> {
  const { db } = deps.handle;
  const area = await managedArea(db, actor);
  const areaScope = scopeOf(area.path);
  const schools = new Map((await enrolCatchmentRepo.schoolsIn(db, areaScope)).map((s) => [s.id, s]));
  if (!schools.has(schoolId)) {
    throw new AppError("not-found", "本县（区）没有这所学校");
  }
  if (body.feederId !== null && (!schools.has(body.feederId) || body.stage === "junior")) {
    throw new AppError("validation-failed", "对口学校应是本县（区）的初中，且只为小学设置");
  }
  const record: CatchmentRecord = { schoolId, ...body, units: body.units };
  const others = (await enrolCatchmentRepo.list(db, areaScope, body.schoolYear, area.id))
    .filter((r) => !(r.schoolId === schoolId && r.stage === body.stage))
    .map(toRecord);
  const clash = findCatchmentClash(record, others);
  if (clash !== null) {
    const name = schools.get(clash.schoolId)?.name ?? "";
    throw new AppError(
      "conflict",
      `“${addressText(clash.unit)}”已在${name}的片区：同一地址只能划入一所学校或同一多校划片组`,
    );
  }
  const before = await enrolCatchmentRepo.list(
    db,
    scopeOf(schools.get(schoolId)?.path ?? area.path),
    body.schoolYear,
  );
  await inTransaction(db, async (trx) => {
    const id = await enrolCatchmentRepo.upsert(trx, area.id, body.schoolYear, record, actor.userId);
    const prev = before.find((b) => b.stage === body.stage);
    await recordAudit(trx, actor, {
      action: "enrolment.catchment-edit",
      entityType: "enrol_catchment",
      entityId: id,
      before:
        prev === undefined
          ? undefined
          : { units: prev.units.length, seats: prev.seats, multiGroup: prev.multiGroup },
      after: { units: record.units.length, seats: record.seats, multiGroup: record.multiGroup },
      details: { schoolYear: body.schoolYear, schoolId },
    });
  });
  const rows = await enrolCatchmentRepo.list(db, areaScope, body.schoolYear, area.id);
  const row = rows.find((r) => r.schoolId === schoolId && r.stage === body.stage);
  if (row === undefined) {
    throw new AppError("not-found", "片区未找到");
  }
  return presentItem(row);
}

/** `year`'s list beside the year before's, school by school. */
export async function compareCatchmentYears(
  deps: ServiceDeps,
  actor: Actor,
  year: number,
): Promise<CatchmentCompare> {
  authorize(actor, "org.read");
  const { db } = deps.handle;
  const { scope } = await registryScope(db, actor, undefined);
  const [before, after] = await Promise.all([
    enrolCatchmentRepo.list(db, scope, year - 1),
    enrolCatchmentRepo.list(db, scope, year),
  ]);
  const names = new Map([...before, ...after].map((r) => [r.schoolId, r.schoolName]));
  const feeders = new Map(
    [...before, ...after].flatMap((r) =>
      r.feederId === null ? [] : [[r.feederId, r.feederName ?? ""] as const],
    ),
  );
  const feederName = (id: string | null | undefined) => (id == null ? null : (feeders.get(id) ?? null));
  return {
    year,
    previousYear: year - 1,
    items: compareCatchments(before.map(toRecord), after.map(toRecord)).map((c) => ({
      schoolId: c.schoolId,
      schoolName: names.get(c.schoolId) ?? "",
      stage: c.stage,
      status: c.status,
      added: c.added.map(addressText),
      removed: c.removed.map(addressText),
      kept: c.kept.map(addressText),
      seatsBefore: c.before?.seats ?? null,
      seatsAfter: c.after?.seats ?? null,
      groupBefore: c.before?.multiGroup ?? null,
      groupAfter: c.after?.multiGroup ?? null,
      feederBefore: feederName(c.before?.feederId),
      feederAfter: feederName(c.after?.feederId),
    })),
  };
}
