import { checkOrgCode, type OrgUnitSeed } from "@luoshi/domain/org";
import { inTransaction, orgUnitRepo, type NewOrgUnitRow, type Tx } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";

/**
 * Inserts a tree of org units given parent-before-child, all or nothing. Ids and materialised paths
 * are computed here so that the whole tree goes in with a few multi-row inserts. Given `trx`, it writes
 * in the caller's transaction (which then owns all-or-nothing).
 */
export async function importOrgUnits(
  deps: ServiceDeps,
  actor: Actor,
  seeds: readonly OrgUnitSeed[],
  action = "org.import",
  trx?: Tx,
): Promise<number> {
  const rows: (NewOrgUnitRow & { id: string })[] = [];
  const byCode = new Map<string, { id: string; path: string; depth: number }>();
  const problems: string[] = [];
  seeds.forEach((s, i) => {
    const codeProblem = checkOrgCode(s.kind, s.code);
    if (codeProblem !== null) {
      problems.push(`第 ${i + 1} 个单位（${s.name}）代码 ${s.code}：${codeProblem}`);
    }
    if (byCode.has(s.code)) {
      problems.push(`第 ${i + 1} 个单位（${s.name}）代码 ${s.code} 重复`);
    }
    const parent = s.parentCode === undefined ? undefined : byCode.get(s.parentCode);
    if (s.parentCode !== undefined && parent === undefined) {
      problems.push(`第 ${i + 1} 个单位（${s.name}）的上级 ${s.parentCode} 未在其前出现`);
    }
    const id = crypto.randomUUID();
    const path = `${parent?.path ?? "/"}${id}/`;
    const depth = (parent?.depth ?? -1) + 1;
    byCode.set(s.code, { id, path, depth });
    rows.push({
      id,
      parent_id: parent?.id ?? null,
      kind: s.kind,
      code: s.code,
      name: s.name,
      aliases: s.aliases ?? [],
      path,
      depth,
      school_type: s.school?.schoolType ?? null,
      ownership: s.school?.ownership ?? null,
      is_inclusive: s.school?.isInclusive ?? null,
      urban_rural: s.school?.urbanRural ?? null,
      parent_school_id: null,
    });
  });
  seeds.forEach((s, i) => {
    const parentSchool = s.school?.parentSchoolCode;
    const row = rows[i];
    if (parentSchool !== undefined && row !== undefined) {
      const target = byCode.get(parentSchool);
      if (target === undefined) {
        problems.push(`第 ${i + 1} 个单位（${s.name}）的所属学校 ${parentSchool} 不存在`);
      } else {
        row.parent_school_id = target.id;
      }
    }
  });
  if (problems.length > 0) {
    throw new AppError("validation-failed", `组织机构数据有误：${problems.slice(0, 5).join("；")}`, {
      problems,
    });
  }
  const write = async (tx: Tx) => {
    await orgUnitRepo.insertTree(tx, rows);
    await recordAudit(tx, actor, {
      action,
      entityType: "org_unit",
      entityId: rows[0]?.id ?? null,
      details: { count: rows.length },
    });
  };
  await (trx === undefined ? inTransaction(deps.handle.db, write) : write(trx));
  return rows.length;
}
