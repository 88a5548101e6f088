import type { OrgUnitRow } from "@luoshi/db";
import type { OrgUnit, OrgUnitDetail } from "@luoshi/contracts";
import {
  ORG_KIND_LABELS,
  OWNERSHIP_LABELS,
  SCHOOL_TYPE_LABELS,
  URBAN_RURAL_LABELS,
} from "@luoshi/domain/org";

/** The fields of an org unit that leave the server, with the Chinese labels of its codes. */
export function presentOrgUnit(unit: OrgUnitRow, childCount: number): OrgUnit {
  return {
    id: unit.id,
    parentId: unit.parent_id,
    kind: unit.kind,
    kindLabel: ORG_KIND_LABELS[unit.kind],
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
            schoolTypeLabel: SCHOOL_TYPE_LABELS[unit.school_type],
            ownership: unit.ownership,
            ownershipLabel: unit.ownership === null ? null : OWNERSHIP_LABELS[unit.ownership],
            isInclusive: unit.is_inclusive,
            urbanRural: unit.urban_rural,
            urbanRuralLabel: unit.urban_rural === null ? null : URBAN_RURAL_LABELS[unit.urban_rural],
            parentSchoolId: unit.parent_school_id,
          },
  };
}

/** An org unit's detail page: the unit and its ancestors inside the reader's scope. */
export function presentOrgUnitDetail(
  unit: OrgUnitRow,
  childCount: number,
  ancestors: readonly { id: string; name: string }[],
): OrgUnitDetail {
  return {
    ...presentOrgUnit(unit, childCount),
    ancestors: ancestors.map((a) => ({ id: a.id, name: a.name })),
  };
}
