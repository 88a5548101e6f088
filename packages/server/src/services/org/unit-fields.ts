import { resolveSchoolTypeInput, resolveUrbanRuralInput } from "@luoshi/common";
import type { OrgUnitRow, OrgUnitUpdate } from "@luoshi/db";
import type { OrgUnitEditBody } from "@luoshi/contracts";

/** The registry fields of a unit as the API names them, and the column each is stored in. */
const REGISTRY_FIELDS = {
  schoolType: "school_type",
  ownership: "ownership",
  isInclusive: "is_inclusive",
  urbanRural: "urban_rural",
  schoolTypeCode: "school_type_code",
  sponsor: "sponsor",
  address: "address",
  principal: "principal",
  phone: "phone",
  aliases: "aliases",
} as const satisfies Record<string, keyof OrgUnitRow>;

export type RegistryField = keyof typeof REGISTRY_FIELDS;

/** The fields only a school carries (a department or 乡镇 has none of them). */
export const SCHOOL_ONLY: readonly RegistryField[] = ["schoolType", "ownership", "isInclusive", "urbanRural"];

/** A field's value as a change row records it (text cleared to null, lists as they are). */
type FieldValue = string | boolean | string[] | null;

/** Blank text counts as no value. */
function normalise(value: unknown): FieldValue {
  if (typeof value === "string") {
    return value === "" ? null : value;
  }
  if (typeof value === "boolean" || Array.isArray(value)) {
    return value as boolean | string[];
  }
  return null;
}

type RegistryBody = Partial<Pick<OrgUnitEditBody, RegistryField>>;

/**
 * The body with national codes read as luoshi's words (the contract accepted only what resolves): 211
 * becomes primary and, unless the body names a 办学类型代码, fills it; 121 becomes town.
 */
function withCodesResolved(body: RegistryBody): RegistryBody {
  const type = body.schoolType === undefined ? undefined : resolveSchoolTypeInput(body.schoolType);
  const urbanRural = body.urbanRural === undefined ? undefined : resolveUrbanRuralInput(body.urbanRural);
  return {
    ...body,
    ...(type === undefined ? {} : { schoolType: type.schoolType }),
    ...(type?.code == null || body.schoolTypeCode !== undefined ? {} : { schoolTypeCode: type.code }),
    ...(urbanRural === undefined ? {} : { urbanRural }),
  };
}

/**
 * The registry fields of `body` that differ from the unit: before and after by API name (for the
 * change row) and the column patch.
 */
export function registryDiff(
  unit: OrgUnitRow,
  given: RegistryBody,
): { before: Record<string, FieldValue>; after: Record<string, FieldValue>; patch: OrgUnitUpdate } {
  const body = withCodesResolved(given);
  const before: Record<string, FieldValue> = {};
  const after: Record<string, FieldValue> = {};
  const patch: Record<string, FieldValue> = {};
  for (const [field, column] of Object.entries(REGISTRY_FIELDS) as [RegistryField, keyof OrgUnitRow][]) {
    if (body[field] === undefined) {
      continue;
    }
    const next = normalise(body[field]);
    const current = normalise(unit[column]);
    if (JSON.stringify(next) === JSON.stringify(current)) {
      continue;
    }
    before[field] = current;
    after[field] = next;
    patch[column] = field === "aliases" && next === null ? [] : next;
  }
  return { before, after, patch };
}

/** The columns of the registry fields `body` gives (for a new unit). */
export function registryPatch(given: RegistryBody): OrgUnitUpdate {
  const body = withCodesResolved(given);
  const patch: Record<string, FieldValue> = {};
  for (const [field, column] of Object.entries(REGISTRY_FIELDS) as [RegistryField, keyof OrgUnitRow][]) {
    if (body[field] !== undefined) {
      const value = normalise(body[field]);
      patch[column] = field === "aliases" && value === null ? [] : value;
    }
  }
  return patch;
}
