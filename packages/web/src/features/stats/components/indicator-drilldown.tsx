import { useMemo, useState } from "react";
import { Breadcrumb, Button, Empty, Spin, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import type { DashboardIndicator, IndicatorChildren } from "@luoshi/contracts";
import { EChart } from "../../../components/echart.tsx";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { useIndicatorChildren } from "../api/dashboard-queries.ts";
import { formatDecimal } from "@luoshi/common";
import { formatGoal } from "../api/indicator-format.ts";

type Child = IndicatorChildren["children"][number];

/** A unit on the drill-down path. */
interface Step {
  id: string;
  name: string;
}

const count = (v: number | null | undefined, decimals = 2) =>
  v === null || v === undefined ? "—" : Number.isInteger(v) ? String(v) : formatDecimal(v, decimals);

/**
 * Drill-down 县 → 乡镇 → 学校 for one indicator: a bar per child (click to go down when it has units
 * below), a table with 分子 and 分母, and a breadcrumb back up.
 */
export function IndicatorDrilldown({
  indicator,
  root,
  year,
}: {
  indicator: DashboardIndicator;
  root: Step;
  year: number;
}) {
  const { t } = useI18n();
  const [path, setPath] = useState<Step[]>([root]);
  const current = path.at(-1) ?? root;
  const query = useIndicatorChildren(current.id, year, indicator.code);
  const all = useMemo(() => query.data?.children ?? [], [query.data]);
  // Units the indicator does not concern (no value, 分子 and 分母 both 0: a 中学 for 毛入园率) are left out.
  const children = useMemo(
    () =>
      all.filter((c) => {
        const v = c.values[indicator.code];
        return (
          v !== undefined && (v.value !== null || (v.numerator ?? 0) !== 0 || (v.denominator ?? 0) !== 0)
        );
      }),
    [all, indicator.code],
  );
  const hasValues = children.some((c) => c.values[indicator.code]?.value !== null);
  const down = (child: Child) => {
    if (child.hasChildren) {
      setPath((p) => [...p, { id: child.id, name: child.name }]);
    }
  };
  const option = useMemo(() => {
    const ordered = [...children].reverse(); // echarts draws the first category at the bottom
    const reference = indicator.references.find((r) => r.scope === "area");
    return {
      grid: { left: 8, right: 64, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "value", scale: indicator.display !== "percent" },
      yAxis: { type: "category", data: ordered.map((c) => c.name) },
      series: [
        {
          type: "bar",
          barMaxWidth: 18,
          data: ordered.map((c) => c.values[indicator.code]?.value ?? null),
          itemStyle: { color: "#1458c9" },
          label: {
            show: true,
            position: "right",
            formatter: (p: { dataIndex: number }) =>
              ordered[p.dataIndex]?.values[indicator.code]?.display ?? "",
          },
          markLine:
            reference === undefined
              ? undefined
              : {
                  symbol: "none",
                  lineStyle: { color: "#d4380d" },
                  label: { formatter: formatGoal(indicator, reference.comparator, reference.value) },
                  data: [{ xAxis: reference.value }],
                },
        },
      ],
    };
  }, [children, indicator]);

  const columns: TableColumnsType<Child> = [
    {
      title: t("ind.drill.unit"),
      key: "name",
      render: (_: unknown, c) =>
        c.hasChildren ? (
          <Button
            type="link"
            size="small"
            aria-label={t("ind.drill.open", { name: c.name })}
            onClick={() => {
              down(c);
            }}
          >
            {c.name}
          </Button>
        ) : (
          c.name
        ),
    },
    {
      title: t("ind.drill.value"),
      key: "v",
      width: 120,
      render: (_: unknown, c) => c.values[indicator.code]?.display,
    },
    {
      title: t("ind.drill.numerator"),
      key: "n",
      width: 110,
      render: (_: unknown, c) => count(c.values[indicator.code]?.numerator),
    },
    {
      title: t("ind.drill.denominator"),
      key: "d",
      width: 110,
      render: (_: unknown, c) => count(c.values[indicator.code]?.denominator),
    },
  ];
  const total = query.data?.total[indicator.code];

  return (
    <div className="indicator-drilldown">
      <Breadcrumb
        className="indicator-drill-path"
        items={path.map((s, i) => ({
          key: s.id,
          title:
            i === path.length - 1 ? (
              s.name
            ) : (
              <a
                href="#"
                onClick={(e) => {
                  e.preventDefault();
                  setPath((p) => p.slice(0, i + 1));
                }}
              >
                {s.name}
              </a>
            ),
        }))}
      />
      {query.isError ? (
        <ErrorResult error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data === undefined ? (
        <Spin />
      ) : children.length === 0 ? (
        <Empty description={t("ind.drill.empty")} />
      ) : (
        <>
          {hasValues && (
            <EChart
              option={option}
              ariaLabel={t("ind.drill.aria", { name: current.name })}
              style={{ height: Math.max(200, children.length * 26 + 20) }}
              onClick={(e) => {
                const child = [...children].reverse()[e.dataIndex];
                if (child !== undefined) {
                  down(child);
                }
              }}
            />
          )}
          <Table<Child>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={children}
            loading={query.isFetching}
            pagination={false}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  {t("ind.drill.total")}（{current.name}）
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1}>{total?.display}</Table.Summary.Cell>
                <Table.Summary.Cell index={2}>{count(total?.numerator)}</Table.Summary.Cell>
                <Table.Summary.Cell index={3}>{count(total?.denominator)}</Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {all.length > children.length && (
            <Typography.Paragraph type="secondary" className="indicator-drill-hidden">
              {t("ind.drill.hidden", { count: all.length - children.length })}
            </Typography.Paragraph>
          )}
        </>
      )}
    </div>
  );
}
