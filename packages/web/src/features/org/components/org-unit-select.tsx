import { useState } from "react";
import { Select, Typography } from "antd";
import { useI18n } from "../../../lib/i18n.tsx";
import type { OrgKindCode } from "../../../lib/codes.ts";
import { useDebouncedValue } from "../../../lib/use-debounced-value.ts";
import { useOrgUnits } from "../api/org-units.ts";

/**
 * Picks one org unit in the user's scope by typing part of its name or code; the search runs on
 * the server (`?q=`), so a county with hundreds of schools stays quick.
 */
export function OrgUnitSelect({
  id,
  value,
  onChange,
  placeholder,
  kind,
  excludeId,
}: {
  /** Only units of this kind. */
  kind?: OrgKindCode;
  /** Leave this unit out (the unit being merged). */
  excludeId?: string;
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
}) {
  const { tOr } = useI18n();
  const [term, setTerm] = useState("");
  const q = useDebouncedValue(term.trim());
  const units = useOrgUnits({ q, page: 1, pageSize: 50, ...(kind === undefined ? {} : { kind }) });
  const options = (units.data?.items ?? [])
    .filter((u) => u.id !== excludeId)
    .map((u) => ({
      value: u.id,
      label: u.name,
      kind: tOr(`kind.${u.kind}`, u.kindLabel),
      code: u.code,
    }));

  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      allowClear
      loading={units.isFetching}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      options={options}
      optionRender={(option) => (
        <span>
          {option.data.label}{" "}
          <Typography.Text type="secondary">
            {option.data.kind} · {option.data.code}
          </Typography.Text>
        </span>
      )}
    />
  );
}
