import { Button, Card, Typography } from "antd";
import { CloseOutlined } from "@ant-design/icons";
import type { DashboardIndicator, IndicatorSeries } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { CardGoal } from "../api/indicator-light.ts";
import { GoalLight, goalText } from "./indicator-card.tsx";
import { IndicatorDistributionChart } from "./indicator-distribution-chart.tsx";
import { IndicatorDrilldown } from "./indicator-drilldown.tsx";
import { IndicatorTrendChart } from "./indicator-trend-chart.tsx";

/** The detail panel of one indicator: trend with goal and projection, distribution, drill-down. */
export function IndicatorDetail({
  indicator,
  series,
  goal,
  unit,
  year,
  onClose,
}: {
  indicator: DashboardIndicator;
  series: IndicatorSeries["series"][number];
  goal: CardGoal;
  unit: { id: string; name: string };
  year: number;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const current = series.points.find((p) => p.year === year);
  return (
    <Card
      className="indicator-detail"
      title={
        <span className="indicator-detail-title">
          {t("ind.detail.title", { name: indicator.name })}
          <span className="indicator-detail-value">{current?.display ?? "—"}</span>
          <GoalLight goal={goal} />
        </span>
      }
      extra={
        <Button
          type="text"
          className="no-print"
          icon={<CloseOutlined />}
          aria-label={t("ind.detail.close")}
          onClick={onClose}
        />
      }
    >
      <Typography.Paragraph type="secondary" className="indicator-detail-meta">
        {goalText(t, indicator, goal)}
        {indicator.description === null ? "" : `；${indicator.description}`}；
        {t("ind.detail.source", { source: indicator.source })}
        {indicator.basis !== null && (
          <span className="indicator-detail-basis">
            ；{t("ind.detail.basis", { label: indicator.basis.label })}
          </span>
        )}
      </Typography.Paragraph>
      <div className="indicator-detail-grid">
        <section>
          <Typography.Text strong>{t("ind.trend.title")}</Typography.Text>
          <IndicatorTrendChart indicator={indicator} series={series} goal={goal} />
        </section>
        <section>
          <IndicatorDistributionChart indicator={indicator} unitId={unit.id} year={year} />
        </section>
      </div>
      <section>
        <Typography.Text strong>{t("ind.drill.title")}</Typography.Text>
        <IndicatorDrilldown
          key={`${unit.id}-${indicator.code}`}
          indicator={indicator}
          root={unit}
          year={year}
        />
      </section>
    </Card>
  );
}
