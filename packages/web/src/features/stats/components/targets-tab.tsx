import { useMemo, useState } from "react";
import {
  App,
  Button,
  Card,
  Empty,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import type { CatalogueEntry, TargetMonitorItem } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useCan } from "../../auth/api/session.ts";
import { useIndicatorCatalogue, useLinkTarget, useTargetMonitor } from "../api/target-queries.ts";
import { CustomIndicatorCatalogue } from "./custom-indicator-catalogue.tsx";
import type { UnitYearProps } from "./tab-props.ts";
import {
  PROJECTION_COLORS,
  STATUS_COLORS,
  formatChange,
  formatGoal,
  formatTargetNumber,
  withUnit,
} from "./target-format.ts";
import { TargetTrendChart } from "./target-trend-chart.tsx";

const NONE = "__none__";
const STATUSES: readonly TargetMonitorItem["status"][] = [
  "achieved",
  "on-track",
  "at-risk",
  "off-track",
  "no-data",
];

/** The indicator of a target: its link state and, for staff with plan.write, a select to confirm or change it. */
function LinkCell({
  item,
  canLink,
  catalogue,
}: {
  item: TargetMonitorItem;
  canLink: boolean;
  catalogue: readonly CatalogueEntry[];
}) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const link = useLinkTarget();
  const stateTag = (
    <Tag
      color={item.linkState === "confirmed" ? "success" : item.linkState === "suggested" ? "gold" : "default"}
      data-testid="link-state"
    >
      {t(`tgt.link.${item.linkState}`)}
    </Tag>
  );
  const save = (code: string | null) => {
    link.mutate(
      { targetId: item.targetId, indicatorCode: code },
      {
        onSuccess: () => {
          void message.success(t("tgt.link.saved"));
        },
        onError: (e) => {
          void message.error(errorText(e, tOr));
        },
      },
    );
  };
  if (item.origin === "text") {
    // Stated in the plan's 发展目标 text: measured by its rule, nothing to link.
    return (
      <Space size={4} wrap>
        <Tag color="purple">{t("tgt.link.byRule")}</Tag>
        <span>{item.seriesIndicatorName ?? "—"}</span>
      </Space>
    );
  }
  if (!canLink) {
    return (
      <Space size={4} wrap>
        {stateTag}
        <span>{item.indicatorName ?? "—"}</span>
      </Space>
    );
  }
  return (
    <Space size={4} wrap>
      {stateTag}
      <Select
        size="small"
        showSearch={{ optionFilterProp: "label" }}
        style={{ width: 220 }}
        loading={link.isPending}
        aria-label={t("tgt.link.select", { metric: item.metric })}
        value={item.indicatorCode ?? (item.linkState === "confirmed" ? NONE : undefined)}
        placeholder={t("tgt.link.placeholder")}
        options={[
          { value: NONE, label: t("tgt.link.noIndicator") },
          ...catalogue.filter((c) => c.active).map((c) => ({ value: c.code, label: c.name })),
        ]}
        onChange={(v: string) => {
          save(v === NONE ? null : v);
        }}
      />
      {item.linkState === "suggested" ? (
        <Button
          size="small"
          type="link"
          loading={link.isPending}
          onClick={() => {
            save(item.indicatorCode);
          }}
        >
          {t("tgt.link.confirm")}
        </Button>
      ) : null}
    </Space>
  );
}

/** One confirmed plan's targets. */
function PlanTargets({
  title,
  items,
  canLink,
  catalogue,
}: {
  title: string;
  items: TargetMonitorItem[];
  canLink: boolean;
  catalogue: readonly CatalogueEntry[];
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={title} className="target-plan-card">
      <Table<TargetMonitorItem>
        size="small"
        rowKey="targetId"
        dataSource={items}
        pagination={false}
        scroll={{ x: 1250 }}
        className="target-table"
        expandable={{
          rowExpandable: (r) => r.series.some((p) => p.value !== null),
          expandedRowRender: (r) => <TargetTrendChart item={r} />,
        }}
        columns={[
          {
            title: t("tgt.col.target"),
            key: "text",
            width: 260,
            render: (_: unknown, r) => (
              <Space orientation="vertical" size={0}>
                <span>{r.text}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {r.path}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: t("tgt.col.indicator"),
            key: "indicator",
            width: 320,
            render: (_: unknown, r) => <LinkCell item={r} canLink={canLink} catalogue={catalogue} />,
          },
          {
            title: t("tgt.col.goal"),
            key: "goal",
            width: 170,
            render: (_: unknown, r) =>
              r.rule === null ? (
                <span>
                  {r.value === null ? "—" : formatGoal(r)}
                  {r.targetYear === null ? null : (
                    <Typography.Text type="secondary">
                      {" "}
                      {t("tgt.byYear", { year: r.targetYear })}
                    </Typography.Text>
                  )}
                </span>
              ) : (
                <Tooltip title={r.rule}>
                  <Tag color="purple">{t("tgt.rule")}</Tag>
                  <Typography.Text style={{ fontSize: 12 }}>{r.rule}</Typography.Text>
                </Tooltip>
              ),
          },
          {
            title: t("tgt.col.baseline"),
            key: "baseline",
            align: "right",
            width: 110,
            render: (_: unknown, r) =>
              r.baseline === null
                ? "—"
                : `${withUnit(r.baseline.value, r.unit)}（${String(r.baseline.year)}）`,
          },
          {
            title: t("tgt.col.latest"),
            key: "latest",
            align: "right",
            width: 110,
            render: (_: unknown, r) =>
              r.latest === null ? "—" : `${withUnit(r.latest.value, r.unit)}（${String(r.latest.year)}）`,
          },
          {
            title: t("tgt.col.status"),
            key: "status",
            width: 100,
            render: (_: unknown, r) => (
              <Tag color={STATUS_COLORS[r.status]} data-testid="target-status">
                {t(`tgt.status.${r.status}`)}
              </Tag>
            ),
          },
          {
            title: t("tgt.col.projected"),
            key: "projected",
            align: "right",
            width: 150,
            render: (_: unknown, r) => (
              <Space size={4} wrap={false}>
                {withUnit(r.projected, r.unit)}
                {r.projectionMethod === undefined ? null : (
                  <Tooltip title={t(`tgt.projection.${r.projectionMethod}.hint`)}>
                    <Tag
                      color={PROJECTION_COLORS[r.projectionMethod]}
                      style={{ marginInlineEnd: 0 }}
                      data-testid="projection-method"
                    >
                      {t(`tgt.projection.${r.projectionMethod}`)}
                    </Tag>
                  </Tooltip>
                )}
              </Space>
            ),
          },
          {
            title: t("tgt.col.required"),
            key: "required",
            align: "right",
            width: 110,
            render: (_: unknown, r) => formatChange(r.requiredYearlyChange),
          },
        ]}
      />
    </Card>
  );
}

/** 目标监测: the targets of the confirmed plans that apply to the unit, against their indicators. */
export function TargetsTab({ unit, year }: UnitYearProps) {
  const { t } = useI18n();
  const canLink = useCan("plan.write");
  const canDefine = useCan("stats.write");
  const monitor = useTargetMonitor(unit.id, year);
  const catalogue = useIndicatorCatalogue();
  const [onlyLinked, setOnlyLinked] = useState(false);
  const [catalogueOpen, setCatalogueOpen] = useState(false);
  const items = useMemo(() => monitor.data?.items ?? [], [monitor.data]);
  const shown = useMemo(
    () => (onlyLinked ? items.filter((i) => i.indicatorCode !== null || i.rule !== null) : items),
    [items, onlyLinked],
  );
  const plans = useMemo(() => {
    const byPlan = new Map<string, { title: string; items: TargetMonitorItem[] }>();
    for (const i of shown) {
      const p = byPlan.get(i.planId) ?? { title: i.planTitle, items: [] };
      p.items.push(i);
      byPlan.set(i.planId, p);
    }
    return [...byPlan.entries()];
  }, [shown]);
  const counts = useMemo(() => {
    const c = new Map<TargetMonitorItem["status"], number>();
    for (const i of items) {
      c.set(i.status, (c.get(i.status) ?? 0) + 1);
    }
    return c;
  }, [items]);

  if (monitor.error) {
    return <ErrorResult error={monitor.error} onRetry={() => void monitor.refetch()} />;
  }
  if (monitor.isLoading) {
    return <Skeleton active />;
  }
  return (
    <Space orientation="vertical" style={{ width: "100%" }} size="middle" className="targets-tab">
      <Card size="small">
        <Space wrap style={{ width: "100%", justifyContent: "space-between" }}>
          <Space wrap>
            <Typography.Text strong>
              {t("tgt.summary", { unit: unit.name, year, n: items.length })}
            </Typography.Text>
            {STATUSES.map((s) => (
              <Tag key={s} color={STATUS_COLORS[s]} data-testid={`status-count-${s}`}>
                {t(`tgt.status.${s}`)} {formatTargetNumber(counts.get(s) ?? 0)}
              </Tag>
            ))}
          </Space>
          <Space wrap>
            <Switch checked={onlyLinked} onChange={setOnlyLinked} aria-label={t("tgt.onlyLinked")} />
            {t("tgt.onlyLinked")}
            <Button
              onClick={() => {
                setCatalogueOpen(true);
              }}
            >
              {t("tgt.catalogue.open")}
            </Button>
          </Space>
        </Space>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t("tgt.explain")}
        </Typography.Paragraph>
      </Card>
      {plans.length === 0 ? (
        <Empty description={t("tgt.empty")} />
      ) : (
        plans.map(([planId, p]) => (
          <PlanTargets
            key={planId}
            title={p.title}
            items={p.items}
            canLink={canLink}
            catalogue={catalogue.data?.items ?? []}
          />
        ))
      )}
      <CustomIndicatorCatalogue
        open={catalogueOpen}
        canDefine={canDefine}
        onClose={() => {
          setCatalogueOpen(false);
        }}
      />
    </Space>
  );
}
