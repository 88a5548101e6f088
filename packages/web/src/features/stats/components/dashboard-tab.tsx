import { Fragment, useEffect, useRef } from "react";
import { Alert, Button, Empty, Spin, Typography } from "antd";
import { PrinterOutlined } from "@ant-design/icons";
import { useSearchParams } from "react-router";
import { DASHBOARD_AREA_VALUES } from "@luoshi/contracts";
import type { DashboardIndicator, IndicatorSeries, TargetMonitorItem } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import type { Translate } from "../../../lib/i18n.tsx";
import { useIndicatorSeries } from "../api/dashboard-queries.ts";
import { useTargetMonitor } from "../api/target-queries.ts";
import { cardGoal } from "../api/indicator-light.ts";
import { IndicatorCard } from "./indicator-card.tsx";
import { IndicatorDetail } from "./indicator-detail.tsx";
import { IndicatorYearCompare } from "./indicator-year-compare.tsx";
import type { UnitYearProps } from "./tab-props.ts";

type Series = IndicatorSeries["series"][number];

const valueIn = (series: Series | undefined, year: number) => series?.points.find((p) => p.year === year);

/**
 * Why every card of the year is blank, or null when some card has a value: a 责任单位 has no schools
 * (its statistics are the county's), a unit may have no data for the year but for an earlier one, or
 * none at all yet.
 */
function noDataReason(data: IndicatorSeries, year: number, t: Translate): string | null {
  const has = (y: number) => data.series.some((s) => s.points.some((p) => p.year === y && p.value !== null));
  if (has(year)) {
    return null;
  }
  const unit = data.orgUnit.name;
  if (data.orgUnit.kind === "department") {
    return t("ind.noData.department", { unit });
  }
  const latest = [...data.years].sort((a, b) => b - a).find((y) => y !== year && has(y));
  return latest === undefined
    ? t("ind.noData.none", { unit, year })
    : t("ind.noData.year", { unit, year, latest });
}

/**
 * 指标看板: the catalogue's indicators as cards grouped by area (value as published, goal, light, change
 * on last year); a card opens its trend, distribution and drill-down; a year comparison closes the page.
 * The open indicator is kept in the address (`?ind=`), so a view can be sent and printed.
 */
export function DashboardTab({ unit, year }: UnitYearProps) {
  const { t, tOr } = useI18n();
  const series = useIndicatorSeries(unit.id, year);
  const targets = useTargetMonitor(unit.id, year);
  const [params, setParams] = useSearchParams();
  const open = params.get("ind");
  const detailRef = useRef<HTMLDivElement>(null);
  const setOpen = (code: string | null) => {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (code === null) {
          next.delete("ind");
        } else {
          next.set("ind", code);
        }
        return next;
      },
      { replace: true },
    );
  };
  useEffect(() => {
    if (open !== null) {
      detailRef.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
    }
  }, [open]);

  if (series.isError) {
    return <ErrorResult error={series.error} onRetry={() => void series.refetch()} />;
  }
  const data = series.data;
  if (data === undefined) {
    return <Spin className="indicator-loading" />;
  }
  if (data.indicators.length === 0) {
    return <Empty description={t("ind.empty")} />;
  }
  const byCode = new Map(data.series.map((s) => [s.code, s]));
  const noData = noDataReason(data, year, t);
  // without targets (none confirmed, or a role that may not read them) the cards use national values
  const monitored: readonly TargetMonitorItem[] = targets.data?.items ?? [];
  const goalOf = (d: DashboardIndicator) =>
    cardGoal(d, valueIn(byCode.get(d.code), year)?.value ?? null, monitored);
  const opened = data.indicators.find((d) => d.code === open);
  const openedSeries = opened === undefined ? undefined : byCode.get(opened.code);

  return (
    <div className="indicator-dashboard">
      <div className="indicator-section-bar">
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t("ind.heading", { unit: unit.name, year })}
          </Typography.Title>
          <Typography.Text type="secondary" className="no-print">
            {t("ind.hint")}
          </Typography.Text>
        </div>
        <Button
          className="no-print"
          icon={<PrinterOutlined />}
          onClick={() => {
            window.print();
          }}
        >
          {t("ind.print")}
        </Button>
      </div>
      {noData !== null && <Alert className="indicator-no-data" type="info" showIcon title={noData} />}
      {DASHBOARD_AREA_VALUES.map((area) => {
        const group = data.indicators.filter((d) => d.area === area);
        if (group.length === 0) {
          return null;
        }
        const showDetail = opened !== undefined && opened.area === area && openedSeries !== undefined;
        return (
          <Fragment key={area}>
            <section
              className="indicator-group"
              aria-label={tOr(`ind.area.${area}`, group[0]?.areaLabel ?? area)}
            >
              <Typography.Title level={5} className="indicator-group-title">
                {tOr(`ind.area.${area}`, group[0]?.areaLabel ?? area)}
              </Typography.Title>
              <div className="indicator-card-grid">
                {group.map((d) => {
                  const s = byCode.get(d.code);
                  const now = valueIn(s, year);
                  return (
                    <IndicatorCard
                      key={d.code}
                      indicator={d}
                      display={now?.display ?? "—"}
                      value={now?.value ?? null}
                      previous={valueIn(s, year - 1)?.value ?? null}
                      goal={goalOf(d)}
                      selected={d.code === open}
                      onOpen={() => {
                        setOpen(d.code === open ? null : d.code);
                      }}
                    />
                  );
                })}
              </div>
            </section>
            {showDetail && (
              <div ref={detailRef}>
                <IndicatorDetail
                  indicator={opened}
                  series={openedSeries}
                  goal={goalOf(opened)}
                  unit={{ id: unit.id, name: unit.name }}
                  year={year}
                  onClose={() => {
                    setOpen(null);
                  }}
                />
              </div>
            )}
          </Fragment>
        );
      })}
      <IndicatorYearCompare key={`${unit.id}-${String(year)}`} data={data} year={year} />
    </div>
  );
}
