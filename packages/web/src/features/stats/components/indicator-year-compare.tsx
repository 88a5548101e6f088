import { useState } from "react";
import { Select, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { DashboardIndicator, IndicatorSeries } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { deltaTone, formatDelta } from "../api/indicator-format.ts";

interface Row {
  indicator: DashboardIndicator;
  from: { value: number | null; display: string };
  to: { value: number | null; display: string };
}

const EMPTY = { value: null, display: "—" };

/** 年度对比: every indicator in two chosen years side by side, with the change. */
export function IndicatorYearCompare({ data, year }: { data: IndicatorSeries; year: number }) {
  const { t, tOr } = useI18n();
  const [from, setFrom] = useState(year - 1);
  const [to, setTo] = useState(year);
  const options = data.years.map((y) => ({ value: y, label: t("ind.compare.year", { year: y }) }));
  const rows: Row[] = data.indicators.map((indicator) => {
    const points = data.series.find((s) => s.code === indicator.code)?.points ?? [];
    return {
      indicator,
      from: points.find((p) => p.year === from) ?? EMPTY,
      to: points.find((p) => p.year === to) ?? EMPTY,
    };
  });
  const columns: TableColumnsType<Row> = [
    {
      title: t("ind.compare.indicator"),
      key: "name",
      render: (_: unknown, r) => r.indicator.name,
    },
    {
      title: "",
      key: "area",
      width: 120,
      render: (_: unknown, r) => (
        <Typography.Text type="secondary">
          {tOr(`ind.area.${r.indicator.area}`, r.indicator.areaLabel)}
        </Typography.Text>
      ),
    },
    {
      title: t("ind.compare.year", { year: from }),
      key: "from",
      width: 130,
      render: (_: unknown, r) => r.from.display,
    },
    {
      title: t("ind.compare.year", { year: to }),
      key: "to",
      width: 130,
      render: (_: unknown, r) => r.to.display,
    },
    {
      title: t("ind.compare.change"),
      key: "delta",
      width: 110,
      render: (_: unknown, r) => {
        const tone = deltaTone(r.indicator, r.from.value, r.to.value);
        return (
          <span className={`tone-${tone === 1 ? "good" : tone === -1 ? "bad" : "flat"}`}>
            {formatDelta(r.indicator, r.from.value, r.to.value) ?? "—"}
          </span>
        );
      },
    },
  ];
  return (
    <section className="indicator-compare">
      <div className="indicator-section-bar">
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t("ind.compare.title")}
        </Typography.Title>
        <Space className="no-print">
          <Select
            aria-label={t("ind.compare.from")}
            value={from}
            options={options}
            onChange={setFrom}
            style={{ width: 110 }}
          />
          <span>→</span>
          <Select
            aria-label={t("ind.compare.to")}
            value={to}
            options={options}
            onChange={setTo}
            style={{ width: 110 }}
          />
        </Space>
      </div>
      <Table<Row>
        rowKey={(r) => r.indicator.code}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
    </section>
  );
}
