import { Alert, Descriptions, Drawer, Skeleton, Table, Tag, Typography } from "antd";
import type { BalanceSchoolExplain, PlannedAddition, SourceElement, StatsSource } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { type BalanceKey, type IndicatorKey, type Level, useSchoolExplain } from "../api/balance.ts";
import { formatDecimal, roundHalfUp } from "@luoshi/common";
import { formatAmount, formatValue, formatYuan } from "./balance-format.ts";

type IndicatorExplain = BalanceSchoolExplain["indicators"][number];

function ElementTable({ rows }: { rows: SourceElement[] }) {
  const { t } = useI18n();
  return (
    <Table<SourceElement>
      size="small"
      pagination={false}
      rowKey={(r) => `${r.schoolCode}:${r.element}`}
      dataSource={rows}
      columns={[
        { title: t("eval.school.element"), dataIndex: "label" },
        // where a person finds it: the template's sheet (the label is its column header)
        { title: t("eval.school.elementCode"), dataIndex: "sheetLabel" },
        { title: t("eval.school.sourceSchool"), dataIndex: "schoolCode" },
        {
          title: t("eval.school.stored"),
          dataIndex: "value",
          align: "right",
          render: (v: number | null) =>
            v === null ? <Tag>{t("eval.school.missing")}</Tag> : formatAmount(v),
        },
        {
          title: t("eval.school.share"),
          dataIndex: "share",
          align: "right",
          render: (v: number) => (v === 1 ? "1" : formatDecimal(v, 4)),
        },
        {
          title: t("eval.school.counted"),
          dataIndex: "counted",
          align: "right",
          render: (v: number) => formatAmount(roundHalfUp(v, 2)),
        },
      ]}
    />
  );
}

function IndicatorDetail({ ind, school }: { ind: IndicatorExplain; school: BalanceSchoolExplain }) {
  const { t } = useI18n();
  return (
    <div className="school-indicator-detail">
      <Typography.Title level={5}>
        {ind.name}{" "}
        <Tag color={ind.met ? "success" : ind.reachesPartial ? "warning" : "error"}>
          {ind.met ? t("eval.met") : ind.reachesPartial ? t("eval.partial") : t("eval.unmet")}
        </Tag>
      </Typography.Title>
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          {
            key: "formula",
            label: t("eval.school.formula"),
            span: 2,
            children: t("eval.school.formulaText", {
              m: ind.multiplier,
              numerator: formatAmount(roundHalfUp(ind.numerator.value, 2)),
              denominator: formatAmount(school.denominator.value),
              value: formatValue(ind.value),
              unit: ind.unit,
            }),
          },
          {
            key: "threshold",
            label: t("eval.col.threshold"),
            children: `${String(ind.threshold)} ${ind.unit}`,
          },
          {
            key: "partial",
            label: t("eval.school.partialThreshold"),
            children: `${formatValue(ind.partialThreshold)} ${ind.unit}`,
          },
        ]}
      />
      <Typography.Text strong className="block-label">
        {t("eval.school.numerator")}
      </Typography.Text>
      <ElementTable rows={ind.numerator.elements} />
      <Typography.Text strong className="block-label">
        {t("eval.school.denominator")}
      </Typography.Text>
      <ElementTable rows={school.denominator.elements} />
    </div>
  );
}

/**
 * One school part explained: the clicked indicator's numerator and denominator with their data
 * elements (split share of combined schools, merged 教学点), every indicator's value and verdict, the
 * stats import rows they came from and, for a failing school, the smallest additions that make it pass.
 */
export function SchoolDrawer({
  balanceKey,
  target,
  onClose,
}: {
  balanceKey: BalanceKey;
  target: { code: string; part: Level; indicator?: IndicatorKey } | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const q = useSchoolExplain(balanceKey, target);
  const s = q.data;
  const focus = s?.indicators.find((i) => i.key === target?.indicator);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={880}
      destroyOnHidden
      title={s ? `${s.name}（${t(`eval.level.${s.part}`)}）` : t("eval.school.title")}
    >
      {q.isLoading && <Skeleton active />}
      {q.error && <ErrorResult error={q.error} />}
      {s && (
        <div className="school-explain">
          <Descriptions
            size="small"
            column={3}
            items={[
              { key: "code", label: t("eval.school.code"), children: s.code },
              {
                key: "verdict",
                label: t("eval.col.pass"),
                children: (
                  <Tag color={s.pass ? "success" : "error"}>
                    {s.pass ? t("eval.pass") : t("eval.fail")} ·{" "}
                    {t("eval.school.metCount", { n: s.metCount })}
                  </Tag>
                ),
              },
              { key: "students", label: t("eval.cv.students"), children: s.denominator.value },
              ...(s.facilityShare === 1
                ? []
                : [
                    {
                      key: "share",
                      label: t("eval.school.facilityShare"),
                      children: formatDecimal(s.facilityShare, 4),
                    },
                  ]),
              ...(s.mergedFrom.length === 0
                ? []
                : [{ key: "merged", label: t("eval.school.mergedFrom"), children: s.mergedFrom.join("、") }]),
            ]}
          />
          {focus && <IndicatorDetail ind={focus} school={s} />}
          <Typography.Title level={5}>{t("eval.school.allIndicators")}</Typography.Title>
          <Table<IndicatorExplain>
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={s.indicators}
            expandable={{
              expandedRowRender: (ind) => <ElementTable rows={ind.numerator.elements} />,
            }}
            columns={[
              { title: t("eval.col.indicator"), dataIndex: "name" },
              {
                title: t("eval.school.numerator"),
                key: "num",
                align: "right",
                render: (_: unknown, r) => formatAmount(roundHalfUp(r.numerator.value, 2)),
              },
              {
                title: t("eval.school.denominator"),
                key: "den",
                align: "right",
                render: () => s.denominator.value,
              },
              {
                title: t("eval.cv.value"),
                dataIndex: "value",
                align: "right",
                render: (v: number) => formatValue(v),
              },
              { title: t("eval.col.threshold"), dataIndex: "threshold", align: "right" },
              {
                title: t("eval.col.pass"),
                key: "met",
                render: (_: unknown, r) => (
                  <Tag color={r.met ? "success" : r.reachesPartial ? "warning" : "error"}>
                    {r.met ? t("eval.met") : r.reachesPartial ? t("eval.partial") : t("eval.unmet")}
                  </Tag>
                ),
              },
            ]}
          />
          <Typography.Title level={5}>{t("eval.school.sources")}</Typography.Title>
          <Table<StatsSource>
            size="small"
            pagination={false}
            rowKey="schoolCode"
            dataSource={s.sources}
            columns={[
              { title: t("eval.col.school"), dataIndex: "schoolName" },
              {
                title: t("eval.school.file"),
                dataIndex: "fileName",
                render: (v: string | null) => v ?? t("eval.school.noFile"),
              },
              {
                title: t("eval.school.importedBy"),
                dataIndex: "importedBy",
                render: (v: string | null) => v ?? "—",
              },
              {
                title: t("eval.school.importedAt"),
                dataIndex: "importedAt",
                render: (v: string | null) => formatDateTime(v),
              },
            ]}
          />
          <Typography.Title level={5}>{t("eval.school.fix")}</Typography.Title>
          {s.fix === null ? (
            <Alert type="success" showIcon title={t("eval.school.noFix")} />
          ) : (
            <>
              <Table<PlannedAddition>
                size="small"
                className="school-fix"
                pagination={false}
                rowKey={(r) => `${r.indicator}:${r.level ?? ""}`}
                dataSource={s.fix.additions}
                columns={[
                  {
                    title: t("eval.col.indicator"),
                    dataIndex: "indicator",
                    render: (k: IndicatorKey) => s.indicators.find((i) => i.key === k)?.name ?? k,
                  },
                  {
                    title: t("eval.plan.amount"),
                    key: "amount",
                    render: (_: unknown, r) => `${formatAmount(r.amount)} ${r.planUnit}`,
                  },
                  {
                    title: t("eval.plan.cost"),
                    dataIndex: "cost",
                    align: "right",
                    render: (v: number) => formatYuan(v),
                  },
                ]}
              />
              <Typography.Paragraph>
                {t("eval.school.fixTotal", { cost: formatYuan(s.fix.cost) })}
                {s.fix.leftAtPartial !== null &&
                  ` ${t("eval.school.leftAtPartial", {
                    name: s.indicators.find((i) => i.key === s.fix?.leftAtPartial)?.name ?? "",
                  })}`}
              </Typography.Paragraph>
            </>
          )}
        </div>
      )}
    </Drawer>
  );
}
