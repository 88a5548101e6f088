/**
 * 演示学籍: the demo county's synthetic registry (one pupil per pupil its 2024 statistics count, see
 * packages/domain/src/registry/synthetic.ts), written like an import: personal values sealed, one
 * import record, one audit row. Loaded on request (`luoshi demo registry`), not by every demo start:
 * sealing and writing 86,000 pupils takes longer than the demo start should.
 */
import { generateDemoCounty } from "@luoshi/domain/demo";
import { generateDemoStatistics } from "@luoshi/domain/stats";
import { DEMO_REGISTRY_YEAR, demoRegistry, type StudentRecord } from "@luoshi/domain/registry";
import { inTransaction, orgUnitRepo, studentRepo, type Db, type StudentWrite } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** A pupil record as the registry writes it (new: no id yet). */
export function studentWrite(r: StudentRecord, unitId: string): StudentWrite {
  return {
    unitId,
    personal: {
      studentNo: r.studentNo,
      idNumber: r.idNumber,
      name: r.name,
      birthDate: r.birthDate,
      hukou: r.hukou,
      guardianName: r.guardianName,
      guardianPhone: r.guardianPhone,
    },
    sex: r.sex,
    level: r.grade.level,
    grade: r.grade.grade,
    className: r.className,
    migrant: r.migrant,
    leftBehind: r.leftBehind,
    disabled: r.disabled,
    status: r.status,
  };
}

/** Writes `records` as one import of `countyCode`'s registry (a new registry: every pupil added). */
export async function writeRegistry(
  db: Db,
  actor: Actor,
  countyCode: string,
  records: readonly StudentRecord[],
  meta: { fileName: string; schoolYear: number },
): Promise<number> {
  const ids = await orgUnitRepo.idsByCode(db);
  const county = ids.get(countyCode);
  if (county === undefined) {
    throw new AppError("not-found", `没有代码为 ${countyCode} 的地区`);
  }
  const writes = records.map((r) => {
    const unit = ids.get(r.schoolCode);
    if (unit === undefined) {
      throw new AppError("internal", `学籍中的学校 ${r.schoolCode} 不存在`);
    }
    return studentWrite(r, unit);
  });
  await inTransaction(db, async (trx) => {
    const importId = await studentRepo.insertImport(trx, {
      scope_unit_id: county,
      file_name: meta.fileName,
      sha256: "",
      school_year: meta.schoolYear,
      term: 1,
      as_of: `${meta.schoolYear}-09-30`,
      row_count: writes.length,
      summary: JSON.stringify({ added: writes.length, updated: 0 }),
      imported_by: actor.userId,
    });
    await studentRepo.upsertMany(trx, writes, { importId, schoolYear: meta.schoolYear, term: 1 });
    await recordAudit(trx, actor, {
      action: "registry.import",
      entityType: "student_import",
      entityId: importId,
      after: { fileName: meta.fileName, rows: writes.length, schoolYear: meta.schoolYear },
    });
  });
  return writes.length;
}

/** Loads the demo registry into a demo database whose registry is empty; returns the pupils written. */
export async function loadDemoRegistry(deps: ServiceDeps, actor: Actor): Promise<number> {
  const { db } = deps.handle;
  if ((await studentRepo.count(db)) > 0) {
    return 0;
  }
  const county = generateDemoCounty();
  if ((await orgUnitRepo.findByCode(db, county.countyCode)) === undefined) {
    throw new AppError("not-found", "数据库中没有演示县：请先运行 luoshi demo");
  }
  const stats = generateDemoStatistics(county, [DEMO_REGISTRY_YEAR]);
  const records = demoRegistry(county, stats.records);
  return writeRegistry(db, actor, county.countyCode, records, {
    fileName: "演示学籍（合成数据）",
    schoolYear: DEMO_REGISTRY_YEAR,
  });
}
