/** The rule sets the 督导评估 evaluations run under, as a request names them. */
import { RULE_SETS, type RuleSet } from "@luoshi/domain/evaluation";
import { AppError } from "../../errors.ts";

/** The shipped rule set with this id (national when absent); 400 naming the known ids otherwise. */
export function findRuleSet(id: string | undefined): RuleSet {
  const found = RULE_SETS.find((r) => r.id === (id ?? "cn-national"));
  if (found === undefined) {
    throw new AppError("bad-request", `没有这个规则集：${id ?? ""}`, {
      ruleSets: RULE_SETS.map((r) => r.id),
    });
  }
  return found;
}
