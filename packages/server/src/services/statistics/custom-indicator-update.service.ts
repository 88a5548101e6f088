/** 修改或停用自定义指标, audited with before and after in the same transaction. */
import type { CustomIndicatorPatch } from "@luoshi/contracts";
import { type CustomIndicatorRow, indicatorRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { STANDARD_CODES } from "./indicator-catalogue.service.ts";
import { assertFormula, authorizeDefine } from "./indicator-formula.ts";

/** 修改或停用自定义指标 (`active: false`); a changed formula must compile. */
export async function updateCustomIndicator(
  deps: ServiceDeps,
  actor: Actor,
  code: string,
  patch: CustomIndicatorPatch,
): Promise<CustomIndicatorRow> {
  authorizeDefine(actor);
  const { db } = deps.handle;
  if (STANDARD_CODES.has(code)) {
    throw new AppError("forbidden", `“${code}”是标准指标，不能修改`);
  }
  const before = await indicatorRepo.findCustomByCode(db, code);
  if (before === undefined) {
    throw new AppError("not-found", `没有代码为“${code}”的自定义指标`);
  }
  if (patch.formula !== undefined) {
    assertFormula(patch.formula);
  }
  return db.transaction().execute(async (trx) => {
    const row = await indicatorRepo.updateCustom(trx, code, {
      ...patch,
      updated_by: actor.userId,
      updated_at: deps.now(),
    });
    const changed = Object.keys(patch) as (keyof CustomIndicatorPatch)[];
    await recordAudit(trx, actor, {
      action: patch.active === false && changed.length === 1 ? "indicator.deactivate" : "indicator.update",
      entityType: "custom_indicator",
      entityId: row.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: patch,
      details: { code },
    });
    return row;
  });
}
