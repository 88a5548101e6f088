import type { OrgUnitChangeListRow } from "@luoshi/db";
import type { OrgUnit, OrgUnitChange, OrgUnitDetail } from "@luoshi/contracts";
import {
  ORG_UNIT_CHANGE_LABELS,
  ORG_KIND_LABELS,
  OWNERSHIP_LABELS,
  SCHOOL_TYPE_LABELS,
  URBAN_RURAL_LABELS,
} from "@luoshi/domain/org";

import type { OrgUnitView } from "../../services/org/org.service.ts";

/** 在办, or since its closing day 已撤并 (merged into a school) / 已撤销. */
function statusOf(view: OrgUnitView): Pick<OrgUnit, "status" | "statusLabel"> {
  const { closed_on: closedOn, merged_into_id: into } = view.unit;
  if (closedOn === null || closedOn > view.today) {
    return { status: "open", statusLabel: "在办" };
  }
  return into === null
    ? { status: "closed", statusLabel: "已撤销" }
    : { status: "merged", statusLabel: "已撤并" };
}

/** The fields of an org unit that leave the server, with the Chinese labels of its codes. */
export function presentOrgUnit(view: OrgUnitView): OrgUnit {
  const { unit, childCount } = view;
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
    schoolTypeCode: unit.school_type_code,
    sponsor: unit.sponsor,
    address: unit.address,
    principal: unit.principal,
    phone: unit.phone,
    openedOn: unit.opened_on,
    closedOn: unit.closed_on,
    mergedInto: view.mergedInto,
    ...statusOf(view),
  };
}

/** An org unit's detail page: the unit and its ancestors inside the reader's scope. */
export function presentOrgUnitDetail(
  view: OrgUnitView,
  ancestors: readonly { id: string; name: string }[],
): OrgUnitDetail {
  return {
    ...presentOrgUnit(view),
    ancestors: ancestors.map((a) => ({ id: a.id, name: a.name })),
  };
}

/** One row of a unit's 变更记录. */
export function presentOrgUnitChange(row: OrgUnitChangeListRow): OrgUnitChange {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: ORG_UNIT_CHANGE_LABELS[row.kind],
    effectiveOn: row.effective_on,
    before: row.before as Record<string, unknown>,
    after: row.after as Record<string, unknown>,
    relatedUnit:
      row.related_unit_id === null ? null : { id: row.related_unit_id, name: row.related_unit_name ?? "" },
    reason: row.reason,
    actorName: row.actor_name,
    createdAt: row.created_at.toISOString(),
  };
}
