/**
 * What a registry file would change (导入预览): schools matched on 学校标识码 and departments on their code
 * or exact name, against the county's current units as plain data. New units are added; a changed name
 * is a 更名 (rename), a changed 乡镇 or 上级单位 a 调整隶属 (move), any other field a 信息变更 (edit).
 * Units the file lacks are listed, never closed. See docs/unit-registry.md.
 */
import type { OrgKind, Ownership, SchoolType, UrbanRural } from "./org-unit.ts";
import { OWNERSHIP_LABELS, SCHOOL_TYPE_LABELS, URBAN_RURAL_LABELS } from "./org-unit.ts";
import { SCHOOL_TYPE_CODES } from "@luoshi/common";
import { problemAt, type RegistryProblem, type SchoolEntry } from "./school-registry.ts";
import type { OrgUnitChangeKind } from "./unit-history.ts";

/** The county the file is for. */
export interface RegistryCounty {
  id: string;
  code: string;
  name: string;
}

/** One current unit of the county (any kind), as the caller reads it. */
export interface RegistryUnit {
  id: string;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: string | null;
  aliases: readonly string[];
  closedOn: string | null;
  schoolType: SchoolType | null;
  schoolTypeCode: string | null;
  ownership: Ownership | null;
  isInclusive: boolean | null;
  urbanRural: UrbanRural | null;
  sponsor: string | null;
  address: string | null;
  principal: string | null;
  phone: string | null;
  /** The 学校标识码 of a 教学点's host school. */
  parentSchoolCode: string | null;
}

/** A parent: an existing unit, or a department this import adds (by its code). */
export type ParentRef = { unitId: string } | { newCode: string };

/** The fields an import sets on a unit. */
export interface UnitPatch {
  name?: string;
  parent?: ParentRef;
  aliases?: string[];
  schoolType?: SchoolType;
  schoolTypeCode?: string;
  sponsor?: string | null;
  ownership?: Ownership;
  isInclusive?: boolean;
  urbanRural?: UrbanRural;
  address?: string | null;
  principal?: string | null;
  phone?: string | null;
  hostSchoolCode?: string | null;
}
type PatchField = keyof UnitPatch;

/** One changed field, shown before → after. */
export interface FieldChange {
  field: PatchField;
  label: string;
  before: string | null;
  after: string | null;
}

/** A unit the file adds. */
export interface RegistryAddition {
  sheet: string;
  row: number;
  kind: "school" | "department";
  code: string;
  name: string;
  parent: ParentRef;
  parentName: string;
  aliases: string[];
  school: Omit<SchoolEntry, "sheet" | "row" | "code" | "name" | "townshipId"> | null;
}

/** A unit the file changes. */
export interface RegistryChange {
  sheet: string;
  row: number;
  unitId: string;
  kind: "school" | "department";
  code: string;
  name: string;
  changeKinds: Extract<OrgUnitChangeKind, "rename" | "move" | "edit">[];
  fields: FieldChange[];
  patch: UnitPatch;
}

/** A current unit the file lacks (listed, not closed). */
export interface RegistryMissing {
  unitId: string;
  kind: "school" | "department";
  code: string;
  name: string;
}

/** The preview of an import. */
export interface RegistryDiff {
  added: RegistryAddition[];
  changed: RegistryChange[];
  unchanged: number;
  missing: RegistryMissing[];
}

const FIELD_LABELS: Record<PatchField, string> = {
  name: "名称",
  parent: "隶属",
  aliases: "简称/别名",
  schoolType: "办学类型",
  schoolTypeCode: "办学类型",
  sponsor: "举办者",
  ownership: "办学性质",
  isInclusive: "普惠性",
  urbanRural: "城乡分类",
  address: "地址",
  principal: "校长",
  phone: "联系电话",
  hostSchoolCode: "所属学校标识码",
};

const typeText = (code: string | null, type: SchoolType | null): string | null => {
  const c = SCHOOL_TYPE_CODES.find((x) => x.code === code);
  return c !== undefined ? `${c.code} ${c.name}` : type === null ? null : SCHOOL_TYPE_LABELS[type];
};

/** A parent as a comparable key. */
export const parentKey = (p: ParentRef | null | undefined): string | null =>
  p === null || p === undefined ? null : "unitId" in p ? `u:${p.unitId}` : `n:${p.newCode}`;

/** Collects field changes of one unit into a patch and its before → after lines. */
export class PatchBuilder {
  readonly fields: FieldChange[] = [];
  readonly patch: UnitPatch = {};

  set<K extends PatchField>(
    field: K,
    before: UnitPatch[K] | null,
    after: UnitPatch[K] | undefined,
    show: (v: UnitPatch[K] | null) => string | null,
    key: (v: UnitPatch[K] | null) => string | null = show,
  ): void {
    if (after === undefined || key(before) === key(after)) {
      return;
    }
    this.patch[field] = after;
    this.fields.push({ field, label: FIELD_LABELS[field], before: show(before), after: show(after) });
  }

  kinds(): RegistryChange["changeKinds"] {
    const kinds: RegistryChange["changeKinds"] = [];
    const has = (f: PatchField) => this.fields.some((c) => c.field === f);
    if (has("name")) {
      kinds.push("rename");
    }
    if (has("parent")) {
      kinds.push("move");
    }
    if (this.fields.some((c) => c.field !== "name" && c.field !== "parent")) {
      kinds.push("edit");
    }
    return kinds;
  }
}

/** Blank text as null, for comparing optional fields. */
export const registryText = (v: string | null | undefined): string | null =>
  v === undefined || v === "" ? null : v;

/** Compares the file's schools with the county's: additions, changes and schools the file lacks. */
export function diffSchools(
  schools: readonly SchoolEntry[],
  units: readonly RegistryUnit[],
  nameOf: (id: string) => string,
  diff: RegistryDiff,
  problems: RegistryProblem[],
): void {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const seen = new Set<string>();
  for (const s of schools) {
    const { sheet, row, code, name, townshipId, ...school } = s;
    const unit = byCode.get(code);
    if (unit === undefined) {
      const parent = { unitId: townshipId };
      diff.added.push({
        sheet,
        row,
        kind: "school",
        code,
        name,
        parent,
        parentName: nameOf(townshipId),
        aliases: [],
        school,
      });
      continue;
    }
    seen.add(unit.id);
    if (unit.kind !== "school") {
      problems.push(problemAt(sheet, row, "学校标识码", `${code} 已是本县非学校单位“${unit.name}”的代码`));
      continue;
    }
    if (unit.closedOn !== null) {
      problems.push(
        problemAt(
          sheet,
          row,
          "学校标识码",
          `“${unit.name}”（${code}）已于 ${unit.closedOn} 撤销，导入不会恢复已撤销的学校；请删除此行或先在系统中恢复该校`,
        ),
      );
      continue;
    }
    const b = new PatchBuilder();
    b.set("name", unit.name, name, (v) => v ?? null);
    const parentName = (p: ParentRef | null | undefined) =>
      p !== null && p !== undefined && "unitId" in p ? nameOf(p.unitId) : null;
    b.set(
      "parent",
      unit.parentId === null ? null : { unitId: unit.parentId },
      { unitId: townshipId },
      parentName,
      parentKey,
    );
    const typeChanged =
      typeText(unit.schoolTypeCode, unit.schoolType) !== typeText(school.schoolTypeCode, school.schoolType);
    if (typeChanged) {
      b.patch.schoolType = school.schoolType;
      b.patch.schoolTypeCode = school.schoolTypeCode;
      b.fields.push({
        field: "schoolTypeCode",
        label: FIELD_LABELS.schoolTypeCode,
        before: typeText(unit.schoolTypeCode, unit.schoolType),
        after: typeText(school.schoolTypeCode, school.schoolType),
      });
    }
    b.set("sponsor", unit.sponsor, school.sponsor, registryText);
    b.set("ownership", unit.ownership, school.ownership, (v) =>
      v === null || v === undefined ? null : OWNERSHIP_LABELS[v],
    );
    b.set("isInclusive", unit.isInclusive, school.isInclusive, (v) =>
      v === null || v === undefined ? null : v ? "是" : "否",
    );
    b.set("urbanRural", unit.urbanRural, school.urbanRural, (v) =>
      v === null || v === undefined ? null : URBAN_RURAL_LABELS[v],
    );
    b.set("address", unit.address, school.address, registryText);
    b.set("principal", unit.principal, school.principal, registryText);
    b.set("phone", unit.phone, school.phone, registryText);
    b.set("hostSchoolCode", unit.parentSchoolCode, school.hostSchoolCode, registryText);
    recordChange(diff, b, { sheet, row, unitId: unit.id, kind: "school", code, name: unit.name });
  }
  for (const u of units) {
    if (u.kind === "school" && u.closedOn === null && !seen.has(u.id)) {
      diff.missing.push({ unitId: u.id, kind: "school", code: u.code, name: u.name });
    }
  }
}

/** Adds a unit's changes to the diff, or counts it unchanged. */
export function recordChange(
  diff: RegistryDiff,
  b: PatchBuilder,
  at: Omit<RegistryChange, "changeKinds" | "fields" | "patch">,
): void {
  if (b.fields.length === 0) {
    diff.unchanged += 1;
  } else {
    diff.changed.push({ ...at, changeKinds: b.kinds(), fields: b.fields, patch: b.patch });
  }
}
