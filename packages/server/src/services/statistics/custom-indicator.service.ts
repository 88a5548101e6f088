/**
 * 指标目录 and 自定义指标: the standard indicators with their formulas, and the indicators bureau staff
 * define in the indicator language. A formula is checked by the domain parser and compiler before it is
 * stored; a problem names its position in the formula. Every change is audited in its transaction.
 */
import type { CustomIndicatorBody, CustomIndicatorPatch, FormulaCheckResult } from "@luoshi/contracts";
import { type CustomIndicatorRow, indicatorRepo } from "@luoshi/db";
import { compileIndicatorSource } from "@luoshi/domain/indicators";
import type { Actor, ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { STANDARD_CODES } from "./indicator-catalogue.service.ts";
import { authorize } from "../access/authorize.ts";

/** Checks a formula with the indicator compiler; problems carry their 0-based offset. */
export function checkFormula(formula: string): FormulaCheckResult {
  const r = compileIndicatorSource(formula);
  const problems = r.issues
    .filter((i) => i.severity === "error")
    .map((i) => ({
      code: i.code,
      message: i.message,
      offset: typeof i.where?.offset === "number" ? i.where.offset : null,
    }));
  return {
    ok: r.compiled !== undefined && problems.length === 0,
    problems,
    elements: r.compiled?.elements ?? [],
  };
}

/** Throws a 400 naming the first problem of the formula and where it is, or returns quietly. */
function assertFormula(formula: string): void {
  const check = checkFormula(formula);
  if (check.ok) {
    return;
  }
  const first = check.problems[0];
  const where =
    first?.offset === null || first?.offset === undefined
      ? ""
      : `（出错处：“${formula.slice(Math.max(0, first.offset - 10), first.offset)}▲${formula.slice(first.offset, first.offset + 16)}”）`;
  const message = `计算公式有误：${first?.message ?? "无法编译"}${where}`;
  throw new AppError("validation-failed", message, {
    fields: [{ path: "body.formula", message }],
    problems: check.problems,
  });
}

/** Custom indicators are shared by the whole installation: only bureau staff (not schools) define them. */
function authorizeDefine(actor: Actor): void {
  authorize(actor, "stats.write");
  if (actor.role === "schoolUser" || actor.role === "unitUser") {
    throw new AppError("forbidden", "只有教育局工作人员可以定义指标");
  }
}

/** 指标目录's custom part: every custom indicator, deactivated ones too. Needs stats.read. */
export async function listCatalogue(deps: ServiceDeps, actor: Actor): Promise<CustomIndicatorRow[]> {
  authorize(actor, "stats.read");
  return indicatorRepo.listCustom(deps.handle.db, { all: true });
}

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
