/** The rule sets the 督导评估 evaluations run under, as a request names them. */
import { NATIONAL_RULE_SET, RULE_SETS, ruleSetOfDivision, type RuleSet } from "@luoshi/domain/evaluation";
import { type Db, orgUnitRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";

/**
 * The shipped rule set with this id; without one, `fallback` (the national set unless the caller knows
 * the unit's province, see {@link provinceRuleSet}). 400 naming the known ids for an unknown id.
 */
export function findRuleSet(id: string | undefined, fallback: RuleSet = NATIONAL_RULE_SET): RuleSet {
  if (id === undefined) {
    return fallback;
  }
  const found = RULE_SETS.find((r) => r.id === id);
  if (found === undefined) {
    throw new AppError("bad-request", `没有这个规则集：${id}`, {
      ruleSets: RULE_SETS.map((r) => r.id),
    });
  }
  return found;
}

/**
 * The rule set of the province a unit lies in (its tree's topmost unit names the 行政区划): the
 * province's published set where one ships (河北: 不足50人的教学点不参与), the national set otherwise.
 */
export async function provinceRuleSet(
  db: Db,
  unit: { id: string; code: string; path: string },
): Promise<RuleSet> {
  const topId = unit.path.split("/")[1] ?? unit.id;
  const top = topId === unit.id ? unit : await orgUnitRepo.findById(db, topId);
  return ruleSetOfDivision(top?.code ?? "");
}
