import type { OrgUnitRow } from "@luoshi/db";
import type { OrgUnit } from "@luoshi/contracts";
import {
  ORG_KIND_LABELS,
  ORG_KINDS,
  OWNERSHIP_LABELS,
  SCHOOL_TYPE_LABELS,
  URBAN_RURAL_LABELS,
  type OrgKind,
} from "@luoshi/domain/org";

function label<K extends string>(labels: Record<K, string>, key: string | null): string | null {
  return key !== null && key in labels ? labels[key as K] : null;
}

const asKind = (k: string): OrgKind => ORG_KINDS.find((x) => x === k) ?? "department";

/** The fields of an org unit that leave the server. */
export function presentOrgUnit(unit: OrgUnitRow, childCount: number): OrgUnit {
  const kind = asKind(unit.kind);
  return {
    id: unit.id,
    parentId: unit.parent_id,
    kind,
    kindLabel: ORG_KIND_LABELS[kind],
    code: unit.code,
    name: unit.name,
    aliases: unit.aliases,
    depth: unit.depth,
    childCount,
    school:
      unit.school_type === null
        ? null
        : {
            schoolType: unit.school_type,
            schoolTypeLabel: label(SCHOOL_TYPE_LABELS, unit.school_type) ?? unit.school_type,
            ownership: unit.ownership,
            ownershipLabel: label(OWNERSHIP_LABELS, unit.ownership),
            isInclusive: unit.is_inclusive,
            urbanRural: unit.urban_rural,
            urbanRuralLabel: label(URBAN_RURAL_LABELS, unit.urban_rural),
            parentSchoolId: unit.parent_school_id,
          },
  };
}
