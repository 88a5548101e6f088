import { Card, Tag, Typography } from "antd";
import { ArrowDownOutlined, ArrowUpOutlined } from "@ant-design/icons";
import type { DashboardIndicator } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { Translate } from "../../../lib/i18n.tsx";
import { deltaTone, formatDelta, formatGoal } from "../api/indicator-format.ts";
import { LIGHT_COLORS } from "../api/indicator-light.ts";
import type { CardGoal } from "../api/indicator-light.ts";

/** The goal line of a card: the plan target, the national standard, or neither. */
export function goalText(t: Translate, indicator: DashboardIndicator, goal: CardGoal): string {
  if (goal.kind === "target") {
    const text = formatGoal(indicator, goal.comparator, goal.value);
    return goal.year === null
      ? t("ind.card.targetNoYear", { goal: text })
      : t("ind.card.target", { goal: text, year: goal.year });
  }
  if (goal.kind === "reference") {
    return t("ind.card.reference", { goal: formatGoal(indicator, goal.comparator, goal.value) });
  }
  return t("ind.card.noGoal");
}

/** The light tag: the target's status, or met / missed for a national standard. */
export function GoalLight({ goal }: { goal: CardGoal }) {
  const { t } = useI18n();
  if (goal.kind === "none") {
    return null;
  }
  const label =
    goal.kind === "reference" && goal.status !== "no-data"
      ? t(goal.status === "achieved" ? "ind.light.referenceMet" : "ind.light.referenceMissed")
      : t(`ind.light.${goal.status}`);
  return (
    <Tag color={LIGHT_COLORS[goal.status]} className="indicator-light">
      {label}
    </Tag>
  );
}

/** One indicator card: value as published, goal, light and the change on the previous year. */
export function IndicatorCard({
  indicator,
  display,
  value,
  previous,
  goal,
  selected,
  onOpen,
}: {
  indicator: DashboardIndicator;
  display: string;
  value: number | null;
  previous: number | null;
  goal: CardGoal;
  selected: boolean;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  const delta = formatDelta(indicator, previous, value);
  const tone = deltaTone(indicator, previous, value);
  const change =
    delta === null
      ? t("ind.card.noChange")
      : t(indicator.display === "percent" ? "ind.card.changePoints" : "ind.card.change", { delta });
  const up = value !== null && previous !== null && value > previous;
  return (
    <Card
      size="small"
      hoverable
      className={`indicator-card${selected ? " indicator-card-selected" : ""}`}
      role="button"
      tabIndex={0}
      aria-label={t("ind.card.open", { name: indicator.name })}
      aria-pressed={selected}
      data-code={indicator.code}
      onClick={onOpen}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          onOpen();
        }
      }}
    >
      <div className="indicator-card-name">{indicator.name}</div>
      <div className="indicator-card-value">{display}</div>
      <div className="indicator-card-goal">
        <Typography.Text type="secondary">{goalText(t, indicator, goal)}</Typography.Text>
        <GoalLight goal={goal} />
      </div>
      {indicator.basis !== null && (
        <div className="indicator-card-basis" title={indicator.basis.label}>
          <Typography.Text type="secondary">
            {t(`ind.basis.${indicator.basis.teachingPointPolicy}`)}
          </Typography.Text>
        </div>
      )}
      <div className={`indicator-card-change tone-${tone === 1 ? "good" : tone === -1 ? "bad" : "flat"}`}>
        {delta !== null && tone !== 0 && (up ? <ArrowUpOutlined /> : <ArrowDownOutlined />)} {change}
      </div>
    </Card>
  );
}
