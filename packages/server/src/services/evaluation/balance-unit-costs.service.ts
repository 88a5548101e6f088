/** The pass plan's default unit costs, as the 达标方案 form offers them before the user edits them. */
import { DEFAULT_UNIT_COSTS, type IndicatorMap } from "@luoshi/domain/evaluation";
import type { Actor } from "../../context.ts";
import { authorize } from "../access/authorize.ts";

/**
 * The default unit costs (元 per planning unit) of every resource indicator. Needs `evaluation.read`:
 * the costs are part of the evaluation, which the administrator roles (三权分立) may not read.
 */
export function defaultUnitCosts(actor: Actor): IndicatorMap<number> {
  authorize(actor, "evaluation.read");
  return DEFAULT_UNIT_COSTS;
}
