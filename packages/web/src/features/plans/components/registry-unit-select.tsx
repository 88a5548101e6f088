import { useState } from "react";
import { Select, Typography } from "antd";
import type { PlanNodeUnit } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useDebouncedValue } from "../../../lib/use-debounced-value.ts";
import { useOrgUnits } from "../../org/api/org-units.ts";

const KEEP = "";

/**
 * Ties a written unit name to a registry unit: the registry's suggestions first, then whatever a
 * search finds (`/api/org-units?q=…&pageSize=20`), or 保留原文名称 to leave it unmatched.
 */
export function RegistryUnitSelect({
  unit,
  onChange,
  ariaLabel,
}: {
  unit: Pick<PlanNodeUnit, "orgUnitId" | "orgUnitName" | "suggestions">;
  onChange: (choice: { orgUnitId: string; name: string } | null) => void;
  ariaLabel: string;
}) {
  const { t, tOr } = useI18n();
  const [term, setTerm] = useState("");
  const [isOpen, setIsOpen] = useState(false);
  const q = useDebouncedValue(term.trim());
  const found = useOrgUnits({ q, page: 1, pageSize: 20 }, isOpen);

  const seen = new Set<string>();
  const options: { value: string; label: string; note: string }[] = [];
  const add = (value: string, label: string, note: string) => {
    if (!seen.has(value)) {
      seen.add(value);
      options.push({ value, label, note });
    }
  };
  add(KEEP, t("units.keepName"), "");
  if (unit.orgUnitId !== null) {
    add(unit.orgUnitId, unit.orgUnitName ?? unit.orgUnitId, "");
  }
  for (const s of unit.suggestions) {
    add(s.orgUnitId, s.name, t("units.suggested"));
  }
  for (const u of found.data?.items ?? []) {
    add(u.id, u.name, tOr(`kind.${u.kind}`, u.kindLabel));
  }
  const names = new Map(options.map((o) => [o.value, o.label]));

  return (
    <Select
      aria-label={ariaLabel}
      className="registry-unit-select"
      value={unit.orgUnitId ?? KEEP}
      onChange={(value: string) => {
        onChange(value === KEEP ? null : { orgUnitId: value, name: names.get(value) ?? value });
      }}
      onOpenChange={setIsOpen}
      loading={found.isFetching}
      showSearch={{ filterOption: false, onSearch: setTerm }}
      options={options}
      optionRender={(option) => (
        <span>
          {option.data.label}{" "}
          {option.data.note !== "" && <Typography.Text type="secondary">{option.data.note}</Typography.Text>}
        </span>
      )}
    />
  );
}
