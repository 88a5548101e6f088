import { useState } from "react";
import { Select } from "antd";
import { useI18n } from "../../../lib/i18n.tsx";
import { useDebouncedValue } from "../../../lib/use-debounced-value.ts";
import { useOrgUnits } from "../../org/api/org-units.ts";

/**
 * Org unit select(s) searched on the server, which also shows names it already knows (units
 * prefilled from a plan item may not be in the first page of the search).
 */
export function UnitPicker({
  id,
  value,
  onChange,
  known,
  multiple = false,
}: {
  id?: string;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  known: ReadonlyMap<string, string>;
  multiple?: boolean;
}) {
  const { tOr } = useI18n();
  const [term, setTerm] = useState("");
  const q = useDebouncedValue(term.trim());
  const units = useOrgUnits({ q, page: 1, pageSize: 50 });
  const seen = new Set<string>();
  const options: { value: string; label: string }[] = [];
  for (const [unitId, name] of known) {
    seen.add(unitId);
    options.push({ value: unitId, label: name });
  }
  for (const u of units.data?.items ?? []) {
    if (!seen.has(u.id)) {
      seen.add(u.id);
      options.push({ value: u.id, label: `${u.name}（${tOr(`kind.${u.kind}`, u.kindLabel)}）` });
    }
  }
  return (
    <Select
      id={id}
      mode={multiple ? "multiple" : undefined}
      value={value}
      onChange={onChange}
      allowClear
      loading={units.isFetching}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      options={options}
    />
  );
}
