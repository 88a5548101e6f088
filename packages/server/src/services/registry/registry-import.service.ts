/**
 * 学籍导入: a county's or a school's 学籍 export, read by the statistics file reader (in a worker, within
 * the import limits), checked row by row, then — unless it is a preview — written all or nothing in one
 * transaction with the movements it implies and one audit row (counts only, never a personal value).
 */
import { createHash } from "node:crypto";
import {
  inTransaction,
  statsRepo,
  studentMovementRepo,
  studentNumberIndex,
  studentRepo,
  type Db,
  type StudentWrite,
} from "@luoshi/db";
import {
  MOVEMENT_KINDS,
  deriveMovements,
  parseRegistrySheets,
  statusAfter,
  type HeldStudent,
  type MovementKind,
  type RegistrySchool,
  type StudentRecord,
} from "@luoshi/domain/registry";
import type { EduLevel } from "@luoshi/domain/stats";
import type { RegistryImportResult } from "@luoshi/contracts";
import { chinaDate } from "@luoshi/common";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { readStatsFileInWorker } from "../statistics/stats-file-read.ts";
import { studentWrite } from "./registry-demo.service.ts";
import { registryScope } from "./registry-scope.ts";

/** An import as the CLI and the HTTP route hand it over. */
export interface RegistryImportInput {
  fileName: string;
  bytes: Uint8Array;
  schoolYear: number;
  term: 1 | 2;
  asOf?: string;
  unitId?: string;
  preview: boolean;
}

const MAX_PROBLEMS = 200;

/** Pupils stored with the registry's own copies of their number indexes in place of the numbers. */
function heldAsRecords(held: Awaited<ReturnType<typeof studentRepo.heldInScope>>): HeldStudent[] {
  return held.map((h) => ({
    id: h.id,
    record: {
      studentNo: h.studentNoIndex,
      idNumber: h.idNumberIndex,
      name: "",
      sex: "M",
      birthDate: "",
      schoolCode: h.schoolCode,
      grade: { level: h.level as EduLevel, grade: h.grade },
      className: "",
      hukou: "",
      migrant: false,
      leftBehind: false,
      disabled: false,
      guardianName: null,
      guardianPhone: null,
      status: h.status as StudentRecord["status"],
    },
  }));
}

const countBy = (kinds: readonly MovementKind[]): Record<MovementKind, number> => {
  const out = Object.fromEntries(MOVEMENT_KINDS.map((k) => [k, 0])) as Record<MovementKind, number>;
  for (const k of kinds) {
    out[k]++;
  }
  return out;
};

/** Imports (or previews) a 学籍 export for the actor's scope or the unit named in it. */
export async function importRegistry(
  deps: ServiceDeps,
  actor: Actor,
  input: RegistryImportInput,
): Promise<RegistryImportResult> {
  authorize(actor, "pupil.write");
  const { db } = deps.handle;
  const { unit, scope } = await registryScope(db, actor, input.unitId);
  const units = await statsRepo.listUnitsInScope(db, scope);
  const schools = new Map<string, RegistrySchool & { id: string }>();
  for (const u of units) {
    if (u.kind === "school" && u.schoolType !== null) {
      schools.set(u.code, { id: u.id, code: u.code, name: u.name, schoolType: u.schoolType });
    }
  }
  const sheets = await readStatsFileInWorker(input.bytes, input.fileName, deps.config.importLimits);
  const parsed = parseRegistrySheets(sheets, {
    fileName: input.fileName,
    schools,
    maxProblems: MAX_PROBLEMS,
  });
  const errors = parsed.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new AppError("validation-failed", `学籍文件有问题，未导入：${errors[0]?.message ?? ""}`, {
      problems: parsed.problems.map((p) => ({
        sheet: p.where?.sheet ?? "",
        row: p.where?.row ?? 0,
        column: p.where?.column ?? "",
        message: p.message,
      })),
      problemCount: errors.length,
    });
  }
  const records = parsed.records;
  if (records.length === 0) {
    throw new AppError("validation-failed", `文件“${input.fileName}”中没有学生数据行`);
  }
  const asOf = input.asOf ?? chinaDate(deps.now());
  const plan = await planImport(db, scope, records, {
    date: asOf,
    schoolYear: input.schoolYear,
    coveredSchools: new Set(schools.keys()),
    unitIdOf: (code) => schools.get(code)?.id ?? "",
  });
  const bySchool = new Map<string, number>();
  for (const r of records) {
    bySchool.set(r.schoolCode, (bySchool.get(r.schoolCode) ?? 0) + 1);
  }
  const result: RegistryImportResult = {
    id: null,
    applied: false,
    fileName: input.fileName,
    rows: records.length,
    added: plan.writes.filter((w) => w.id === undefined).length,
    updated: plan.writes.filter((w) => w.id !== undefined).length,
    movements: countBy(plan.movements.map((m) => m.kind)),
    pendingTransfers: plan.movements.filter((m) => m.pending).length,
    bySchool: [...bySchool].map(([code, pupils]) => ({
      code,
      name: schools.get(code)?.name ?? code,
      pupils,
    })),
    warnings: parsed.problems.filter((p) => p.severity !== "error").map((p) => p.message),
  };
  if (input.preview) {
    return result;
  }
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const id = await inTransaction(db, async (trx) => {
    const importId = await studentRepo.insertImport(trx, {
      scope_unit_id: unit.id,
      file_name: input.fileName,
      sha256,
      school_year: input.schoolYear,
      term: input.term,
      as_of: asOf,
      row_count: records.length,
      summary: JSON.stringify({ added: result.added, updated: result.updated, movements: result.movements }),
      imported_by: actor.userId,
    });
    const meta = { importId, schoolYear: input.schoolYear, term: input.term };
    const ids = await studentRepo.upsertMany(trx, plan.writes, meta);
    const idByIndex = new Map(plan.indexes.map((n, i) => [n, ids[i] ?? ""]));
    for (const kind of ["transferOut", "graduation"] as const) {
      const absent = plan.movements.filter((m) => m.kind === kind && m.absent).map((m) => m.studentId ?? "");
      await studentRepo.setStatus(trx, absent, statusAfter(kind), importId);
    }
    await studentMovementRepo.insertMovements(
      trx,
      plan.movements.map((m) => ({
        studentId: m.studentId ?? idByIndex.get(m.studentNo) ?? "",
        unitId: schools.get(m.schoolCode)?.id ?? "",
        otherUnitId: m.otherSchoolCode === null ? null : (schools.get(m.otherSchoolCode)?.id ?? null),
        kind: m.kind,
        occurredOn: m.date,
        pending: m.pending,
      })),
      importId,
    );
    await recordAudit(trx, actor, {
      action: "registry.import",
      entityType: "student_import",
      entityId: importId,
      after: { fileName: input.fileName, sha256, rows: records.length, schoolYear: input.schoolYear },
      details: { added: result.added, updated: result.updated, movements: result.movements },
    });
    return importId;
  });
  return { ...result, id, applied: true };
}

interface PlannedMovement {
  kind: MovementKind;
  studentId: string | null;
  /** The new pupil's 学籍号 index (for a pupil the import adds). */
  studentNo: string;
  schoolCode: string;
  otherSchoolCode: string | null;
  date: string;
  pending: boolean;
  /** The pupil is absent from the file (status set by the import, not by the row). */
  absent: boolean;
}

/** What the import will write: the pupils (with their ids when known), their indexes and the movements. */
async function planImport(
  db: Db,
  scope: Parameters<typeof studentRepo.heldInScope>[1],
  records: readonly StudentRecord[],
  ctx: {
    date: string;
    schoolYear: number;
    coveredSchools: ReadonlySet<string>;
    unitIdOf: (schoolCode: string) => string;
  },
): Promise<{ writes: StudentWrite[]; indexes: string[]; movements: PlannedMovement[] }> {
  const heldRows = await studentRepo.heldInScope(db, scope);
  const held = heldAsRecords(heldRows);
  const latestYear = heldRows.reduce((y, h) => Math.max(y, h.schoolYear), 0);
  const indexes = records.map((r) => studentNumberIndex(db, "studentNo", r.studentNo));
  const idIndexes = records.map((r) =>
    r.idNumber === null ? null : studentNumberIndex(db, "idNumber", r.idNumber),
  );
  const next = records.map((r, i) => ({ ...r, studentNo: indexes[i] ?? "", idNumber: idIndexes[i] ?? null }));
  const byNo = new Map(heldRows.map((h) => [h.studentNoIndex, h.id]));
  const byId = new Map(heldRows.filter((h) => h.idNumberIndex !== null).map((h) => [h.idNumberIndex, h.id]));
  const movements = deriveMovements(held, next, {
    date: ctx.date,
    newSchoolYear: latestYear > 0 && ctx.schoolYear > latestYear,
    coveredSchools: ctx.coveredSchools,
  });
  const present = new Set<string>();
  const writes = records.map((r, i): StudentWrite => {
    const idIndex = idIndexes[i] ?? null;
    const id = byNo.get(indexes[i] ?? "") ?? (idIndex === null ? undefined : byId.get(idIndex));
    if (id !== undefined) {
      present.add(id);
    }
    return {
      ...studentWrite(r, ctx.unitIdOf(r.schoolCode)),
      ...(id === undefined ? {} : { id }),
      indexes: { studentNo: indexes[i] ?? "", idNumber: idIndex },
    };
  });
  return {
    writes,
    indexes,
    movements: movements.map((m) => ({
      ...m,
      absent: m.studentId !== null && !present.has(m.studentId),
    })),
  };
}
