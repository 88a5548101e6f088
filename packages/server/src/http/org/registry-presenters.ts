import type { RegistryImport } from "@luoshi/contracts";
import { SCHOOL_TYPE_CODES } from "@luoshi/common";
import { ORG_UNIT_CHANGE_LABELS, SCHOOL_TYPE_LABELS } from "@luoshi/domain/org";
import type { RegistryImportView } from "../../services/org/registry-preview.service.ts";

const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

/** A stored registry import as the preview page shows it. */
export function presentRegistryImport({ row, preview }: RegistryImportView): RegistryImport {
  const { diff } = preview;
  return {
    id: row.id,
    countyId: row.county_unit_id,
    countyName: preview.county.name,
    fileName: row.file_name,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    appliedAt: iso(row.applied_at),
    effectiveOn: row.effective_on,
    schoolRows: preview.schoolRows,
    departmentRows: preview.departmentRows,
    added: diff.added.map((a) => {
      const code = SCHOOL_TYPE_CODES.find((c) => c.code === a.school?.schoolTypeCode);
      const type = a.school?.schoolType;
      return {
        kind: a.kind,
        sheet: a.sheet,
        row: a.row,
        code: a.code,
        name: a.name,
        parentName: a.parentName,
        schoolTypeLabel:
          code !== undefined
            ? `${code.code} ${code.name}`
            : type === undefined
              ? null
              : SCHOOL_TYPE_LABELS[type],
      };
    }),
    changed: diff.changed.map((c) => ({
      unitId: c.unitId,
      kind: c.kind,
      sheet: c.sheet,
      row: c.row,
      code: c.code,
      name: c.name,
      changeKinds: c.changeKinds,
      changeLabels: c.changeKinds.map((k) => ORG_UNIT_CHANGE_LABELS[k]),
      fields: c.fields.map((f) => ({ field: f.field, label: f.label, before: f.before, after: f.after })),
    })),
    unchanged: diff.unchanged,
    missing: diff.missing,
  };
}
