/**
 * The rules behind the 义务教育生均 figures (docs/standards.md, 义务教育生均指标的口径): the unit's
 * province rule set gives the 教学点 policy and split weights the indicator engine applies, the same as
 * the 资源配置 evaluation's default, and every indicator that depends on them carries a short label.
 */
import type { IndicatorBasis } from "@luoshi/contracts";
import type { RuleSet } from "@luoshi/domain/evaluation";
import { readsSchoolParts, type CompiledIndicator } from "@luoshi/domain/indicators";
import { TEACHING_POINT_POLICY_LABELS } from "../../reports/balance-report-text.ts";

/** The basis shown on results of indicators computed under `ruleSet`. */
function basisOf(ruleSet: RuleSet): IndicatorBasis {
  const name = ruleSet.name.split("（")[0] ?? ruleSet.name;
  return {
    ruleSetId: ruleSet.id,
    teachingPointPolicy: ruleSet.teachingPointPolicy,
    label: `完全中学计初中部、十二年一贯制计义务教育部分；${TEACHING_POINT_POLICY_LABELS[ruleSet.teachingPointPolicy]}（${name}）`,
  };
}

/** The basis of each indicator of `catalogue` that depends on the rules, by code. */
export function basesOf(
  catalogue: readonly CompiledIndicator[],
  ruleSet: RuleSet,
): ReadonlyMap<string, IndicatorBasis> {
  const basis = basisOf(ruleSet);
  return new Map(catalogue.filter(readsSchoolParts).map((c) => [c.definition.code, basis]));
}
