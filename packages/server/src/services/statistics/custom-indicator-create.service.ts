/** 新增自定义指标: a new code and a formula that compiles, audited in the same transaction. */
import type { CustomIndicatorBody } from "@luoshi/contracts";
import { type CustomIndicatorRow, indicatorRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { STANDARD_CODES } from "./indicator-catalogue.service.ts";
import { assertFormula, authorizeDefine } from "./indicator-formula.ts";

/** 新增自定义指标: the code must be new (not a standard one) and the formula must compile. */
export async function createCustomIndicator(
  deps: ServiceDeps,
  actor: Actor,
  body: CustomIndicatorBody,
): Promise<CustomIndicatorRow> {
  authorizeDefine(actor);
  const { db } = deps.handle;
  if (STANDARD_CODES.has(body.code)) {
    throw new AppError("conflict", `指标代码“${body.code}”已是标准指标的代码，请换一个`, {
      fields: [{ path: "body.code", message: "与标准指标代码重复" }],
    });
  }
  if ((await indicatorRepo.findCustomByCode(db, body.code)) !== undefined) {
    throw new AppError("conflict", `指标代码“${body.code}”已被使用（停用的指标也占用代码）`, {
      fields: [{ path: "body.code", message: "指标代码已存在" }],
    });
  }
  assertFormula(body.formula);
  const now = deps.now();
  return db.transaction().execute(async (trx) => {
    const row = await indicatorRepo.insertCustom(trx, {
      code: body.code,
      name: body.name,
      unit: body.unit,
      formula: body.formula,
      category: body.category,
      direction: body.direction,
      display: body.display,
      decimals: body.decimals,
      description: body.description,
      created_by: actor.userId,
      created_at: now,
      updated_by: actor.userId,
      updated_at: now,
    });
    await recordAudit(trx, actor, {
      action: "indicator.create",
      entityType: "custom_indicator",
      entityId: row.id,
      after: body,
    });
    return row;
  });
}
