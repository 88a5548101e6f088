/**
 * 适龄比对: a 适龄儿童 list (公安 户籍/人口, 卫健 births) read with the statistics file reader, checked row by
 * row, then — unless previewed — written all or nothing with its match against the 学籍 registry (by the
 * 身份证件号's blind index, nothing decrypted) and a case opened for every unmatched child (一生一案).
 * One audit row per import: counts only, never a personal value.
 */
import { createHash } from "node:crypto";
import { inTransaction, schoolAgeRepo, type Db, type VillageCountRow } from "@luoshi/db";
import { DEFAULT_SCHOOL_AGE_RULE, parseSchoolAgeSheets, type SchoolAgeRecord } from "@luoshi/domain/dropout";
import type { SchoolAgeImportResult } from "@luoshi/contracts";
import { chinaDate } from "@luoshi/common";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { readStatsFileInWorker } from "../statistics/stats-file-read.ts";
import { registryScope } from "../registry/registry-scope.ts";
import { insertCase } from "./case-open.ts";

export interface SchoolAgeImportInput {
  fileName: string;
  bytes: Uint8Array;
  schoolYear: number;
  source: "police" | "health" | "other";
  unitId?: string;
  preview: boolean;
}

/** The 适龄 rule as shown beside every result that depends on it. */
export const SCHOOL_AGE_RULE_TEXT = `${String(DEFAULT_SCHOOL_AGE_RULE.minAge)}–${String(DEFAULT_SCHOOL_AGE_RULE.maxAge)} 周岁（以学年当年 8 月 31 日计，《义务教育法》第十一条，多数省份以 8 月 31 日为入学年龄截止日）`;

function villages(records: readonly SchoolAgeRecord[], matched: ReadonlySet<number>): VillageCountRow[] {
  const map = new Map<string, VillageCountRow>();
  records.forEach((r, i) => {
    const key = `${r.township}\u0000${r.village}`;
    const row = map.get(key) ?? { township: r.township, village: r.village, children: 0, unmatched: 0 };
    row.children++;
    row.unmatched += matched.has(i) ? 0 : 1;
    map.set(key, row);
  });
  return [...map.values()].sort((a, b) =>
    a.township === b.township
      ? a.village.localeCompare(b.village, "zh")
      : a.township.localeCompare(b.township, "zh"),
  );
}

/** Imports (or previews) a 适龄 list for the actor's area or the unit named. */
export async function importSchoolAge(
  deps: ServiceDeps,
  actor: Actor,
  input: SchoolAgeImportInput,
): Promise<SchoolAgeImportResult> {
  authorize(actor, "pupil.write");
  const { db } = deps.handle;
  const { unit } = await registryScope(db, actor, input.unitId);
  if (unit.kind === "school") {
    throw new AppError("forbidden", "适龄儿童名单由教育局按区域导入，学校不导入");
  }
  const sheets = await readStatsFileInWorker(input.bytes, input.fileName, deps.config.importLimits);
  const parsed = parseSchoolAgeSheets(sheets, { fileName: input.fileName, schoolYear: input.schoolYear });
  const errors = parsed.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    throw new AppError("validation-failed", `适龄儿童名单有问题，未导入：${errors[0]?.message ?? ""}`, {
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
  const indexes = records.map((r) => schoolAgeRepo.indexOf(db, r.idNumber));
  const inSchool = await schoolAgeRepo.inSchoolByIndex(db, indexes);
  const matched = new Set(indexes.flatMap((x, i) => (inSchool.has(x) ? [i] : [])));
  const result: SchoolAgeImportResult = {
    id: null,
    applied: false,
    fileName: input.fileName,
    schoolYear: input.schoolYear,
    rule: SCHOOL_AGE_RULE_TEXT,
    children: records.length,
    outOfAge: parsed.outOfAge,
    matched: matched.size,
    unmatched: records.length - matched.size,
    casesOpened: 0,
    villages: villages(records, matched),
    warnings: parsed.problems.filter((p) => p.severity !== "error").map((p) => p.message),
  };
  if (input.preview) {
    return result;
  }
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const today = chinaDate(deps.now());
  const { id, opened } = await inTransaction(db, async (trx) => {
    const importId = await schoolAgeRepo.insertImport(trx, {
      scope_unit_id: unit.id,
      file_name: input.fileName,
      sha256,
      source: input.source,
      school_year: input.schoolYear,
      row_count: records.length,
      summary: JSON.stringify({ children: records.length, outOfAge: parsed.outOfAge, matched: matched.size }),
      imported_by: actor.userId,
    });
    await schoolAgeRepo.insertChildren(
      trx,
      importId,
      unit.id,
      records.map((r, i) => ({
        personal: {
          idNumber: r.idNumber,
          name: r.name,
          birthDate: r.birthDate,
          township: r.township,
          village: r.village,
        },
        sex: r.sex,
        age: r.age,
        index: indexes[i] ?? "",
        studentId: inSchool.get(indexes[i] ?? "") ?? null,
      })),
    );
    const count = await openUnmatchedCases(deps, trx, actor, importId, today);
    await recordAudit(trx, actor, {
      action: "dropout.school-age-import",
      entityType: "school_age_import",
      entityId: importId,
      after: {
        fileName: input.fileName,
        sha256,
        rows: records.length,
        schoolYear: input.schoolYear,
        source: input.source,
      },
      details: {
        matched: matched.size,
        unmatched: records.length - matched.size,
        outOfAge: parsed.outOfAge,
        casesOpened: count,
      },
    });
    return { id: importId, opened: count };
  });
  return { ...result, id, applied: true, casesOpened: opened };
}

/** Opens a case (cause 适龄未入学) for every unmatched child of the import that has none open. */
async function openUnmatchedCases(
  deps: ServiceDeps,
  db: Db,
  actor: Actor,
  importId: string,
  today: string,
): Promise<number> {
  const children = await schoolAgeRepo.unmatchedWithoutCase(db, importId);
  for (const c of children) {
    await insertCase(deps, db, actor, {
      unitId: c.unit_id,
      studentId: null,
      childId: c.id,
      idNumberIndex: c.id_number_index,
      sealedChild: c.personal,
      sex: c.sex,
      level: null,
      grade: null,
      township: c.township,
      village: c.village,
      cause: "unmatched",
      causeNote: "户籍与学籍比对：名单中的适龄儿童在学籍中没有在校记录",
      openedOn: today,
    });
  }
  return children.length;
}
