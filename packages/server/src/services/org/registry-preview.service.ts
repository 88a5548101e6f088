/**
 * 名录导入预览: parse and check an uploaded school list, compare it with the county's units and store
 * the preview (pending) so that applying it later does exactly what was shown. A file with any problem
 * stores nothing and answers 400 with every problem (sheet, row, column).
 */
import { orgRegistryRepo, orgUnitRepo, type OrgRegistryImportRow } from "@luoshi/db";
import { planRegistryImport, problemAt, type RegistryProblem } from "@luoshi/domain/org";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { assertInScope } from "../access/scope.ts";
import { authorize } from "../access/authorize.ts";
import {
  countyRegistry,
  readRegistryFile,
  registryCounty,
  resolveCounty,
  type StoredRegistryPreview,
} from "./registry-common.ts";

/** A registry import with its stored preview. */
export interface RegistryImportView {
  row: OrgRegistryImportRow;
  preview: StoredRegistryPreview;
}

/**
 * Throws the file's problems as one `validation-failed` error (the first few in the message); a problem
 * of the file as a whole (no sheet, row or column) names the file.
 */
function refuse(problems: readonly RegistryProblem[], fileName: string): never {
  const located = problems.map((p) =>
    p.sheet === "" && p.row <= 0 && p.column === "" && !p.message.includes(fileName)
      ? { ...p, message: `文件“${fileName}”：${p.message}` }
      : p,
  );
  const head = located.slice(0, 3).map((p) => p.message);
  const more = problems.length > 3 ? `等 ${problems.length} 处问题` : "";
  throw new AppError("validation-failed", `名录文件有误，未导入任何数据：${head.join("；")}${more}`, {
    problems: located,
  });
}

/** Parses, checks and compares a file; stores and returns the pending preview. */
export async function previewRegistryImport(
  deps: ServiceDeps,
  actor: Actor,
  input: { countyId?: string; fileName: string; bytes: Uint8Array },
): Promise<RegistryImportView> {
  const { db } = deps.handle;
  const county = await resolveCounty(db, actor, input.countyId);
  const sheets = await readRegistryFile(input.bytes, input.fileName, deps.config.importLimits);
  const { units, fingerprint } = await countyRegistry(db, county);
  const plan = planRegistryImport(sheets, registryCounty(county), units);
  const problems = [...plan.problems];
  const elsewhere = await orgRegistryRepo.unitsByCodes(
    db,
    plan.diff.added.map((a) => a.code),
  );
  for (const u of elsewhere) {
    const a = plan.diff.added.find((x) => x.code === u.code);
    if (a !== undefined) {
      const column = a.kind === "school" ? "学校标识码" : "单位代码";
      problems.push(problemAt(a.sheet, a.row, column, `代码 ${u.code} 已属于本县以外的“${u.name}”`));
    }
  }
  if (problems.length > 0) {
    refuse(problems, input.fileName);
  }
  const preview: StoredRegistryPreview = {
    county: registryCounty(county),
    schoolRows: plan.schoolRows,
    departmentRows: plan.departmentRows,
    diff: plan.diff,
  };
  const row = await orgRegistryRepo.insertImport(db, {
    countyUnitId: county.id,
    fileName: input.fileName,
    preview,
    fingerprint,
    createdBy: actor.userId,
  });
  return { row, preview };
}

/** One import (its preview), for an actor who may write the county's units. */
export async function getRegistryImport(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<RegistryImportView> {
  authorize(actor, "org.write");
  const { db } = deps.handle;
  const row = await orgRegistryRepo.findImport(db, id);
  if (row === undefined) {
    throw new AppError("not-found", "没有这次名录导入");
  }
  const county = await orgUnitRepo.findById(db, row.county_unit_id);
  if (county === undefined) {
    throw new AppError("not-found", "没有这次名录导入");
  }
  assertInScope(actor, county);
  return { row, preview: row.preview as StoredRegistryPreview };
}
