/** The unit-name rules a county resolves written names with (renamed agencies, unit groups). */
import { UnitNameRules } from "@luoshi/contracts";
import { DEFAULT_UNIT_NAME_RULES, type UnitNameRules as DomainRules } from "@luoshi/domain/plans";
import { planRepo, type Db } from "@luoshi/db";

/** A county's saved rules, or the defaults when it saved none (or what it saved no longer validates). */
export async function unitNameRulesOf(
  db: Db,
  ownerId: string,
): Promise<{ rules: DomainRules; isDefault: boolean }> {
  const parsed = UnitNameRules.safeParse(await planRepo.unitNameRules(db, ownerId));
  return parsed.success
    ? { rules: parsed.data, isDefault: false }
    : { rules: DEFAULT_UNIT_NAME_RULES, isDefault: true };
}
