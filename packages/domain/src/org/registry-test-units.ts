/** Registry units for the registry tests: a county's unit with every registry field blank but the given ones. */
import type { RegistryUnit } from "./registry-diff.ts";

/** The county the tests' units lie in. */
export const TEST_COUNTY = { id: "county", code: "620821", name: "泾川县" } as const;

/** A unit directly below {@link TEST_COUNTY}, with no registry field but those in `u`. */
export function registryUnit(
  u: Partial<RegistryUnit> & Pick<RegistryUnit, "id" | "code" | "name" | "kind">,
): RegistryUnit {
  return {
    parentId: TEST_COUNTY.id,
    aliases: [],
    closedOn: null,
    schoolType: null,
    schoolTypeCode: null,
    ownership: null,
    isInclusive: null,
    urbanRural: null,
    sponsor: null,
    address: null,
    principal: null,
    phone: null,
    parentSchoolCode: null,
    ...u,
  };
}
