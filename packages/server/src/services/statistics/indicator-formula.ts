/**
 * Formulas of 自定义指标: checked by the domain parser and compiler before anything is stored; a
 * problem names its position in the formula.
 */
import type { FormulaCheckResult } from "@luoshi/contracts";
import { compileIndicatorSource } from "@luoshi/domain/indicators";
import type { Actor } from "../../context.ts";
import { AppError } from "../../errors.ts";
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
export function assertFormula(formula: string): void {
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
export function authorizeDefine(actor: Actor): void {
  authorize(actor, "stats.write");
  if (actor.role === "schoolUser" || actor.role === "unitUser") {
    throw new AppError("forbidden", "只有教育局工作人员可以定义指标");
  }
}
