import { Tag, Tooltip } from "antd";
import { WarningOutlined } from "@ant-design/icons";
import type { PlanNodeUnit } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";

/**
 * A node's units as chips in their written order: the lead marked 牵头, names not tied to the unit
 * registry in the warning colour with the registry's closest names in the tooltip.
 */
export function UnitChips({ units }: { units: readonly PlanNodeUnit[] }) {
  const { t } = useI18n();
  return (
    <span className="unit-chips">
      {units.map((unit, index) => {
        const isUnmatched = unit.orgUnitId === null;
        const registryName =
          unit.orgUnitName !== null && unit.orgUnitName !== unit.name ? unit.orgUnitName : null;
        const tip = isUnmatched
          ? [
              t("units.unmatched"),
              unit.suggestions.length > 0
                ? t("units.suggestions", { names: unit.suggestions.map((s) => s.name).join("、") })
                : "",
            ]
              .filter((line) => line !== "")
              .join("；")
          : registryName;
        const chip = (
          <Tag
            key={`${unit.name}-${String(index)}`}
            color={isUnmatched ? "warning" : unit.isLead ? "blue" : "default"}
            icon={isUnmatched ? <WarningOutlined /> : undefined}
            className="unit-chip"
          >
            {unit.name}
            {unit.isLead && <span className="unit-lead">{t("units.lead")}</span>}
          </Tag>
        );
        return tip === null ? (
          chip
        ) : (
          <Tooltip key={`${unit.name}-${String(index)}`} title={tip}>
            {chip}
          </Tooltip>
        );
      })}
    </span>
  );
}
