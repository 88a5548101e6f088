import { Alert, Button, Descriptions, Drawer, Skeleton, Table, Tag, Typography } from "antd";
import type { CvContribution } from "@luoshi/contracts";
import { EChart } from "../../../components/echart.tsx";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { type BalanceKey, type IndicatorKey, type Level, useCvExplain } from "../api/balance.ts";
import { formatDecimal } from "@luoshi/common";
import { formatCv, formatValue } from "./balance-format.ts";

/** How many schools the contribution chart shows (the table has them all). */
const CHART_SCHOOLS = 20;

/**
 * A 差异系数 explained: mean, SD, CV and limit of the 学段, and every school's value, weight (pupils)
 * and contribution to the weighted variance, largest first, with a bar chart of the top contributors.
 */
export function CvDrawer({
  balanceKey,
  target,
  onClose,
  onSchool,
}: {
  balanceKey: BalanceKey;
  target: { level: Level; indicator: IndicatorKey } | null;
  onClose: () => void;
  /** Opens a school's own explanation (its name in the table, its bar in the chart). */
  onSchool: (code: string) => void;
}) {
  const { t } = useI18n();
  const q = useCvExplain(balanceKey, target);
  const e = q.data;
  const top = (e?.schools ?? []).slice(0, CHART_SCHOOLS);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={820}
      title={e ? `${t(`eval.level.${e.level}`)} · ${e.indicator.name}` : t("eval.cv.title")}
      destroyOnHidden
    >
      {q.isLoading && <Skeleton active />}
      {q.error && <ErrorResult error={q.error} />}
      {e && (
        <div className="cv-explain">
          <Descriptions
            size="small"
            bordered
            column={3}
            items={[
              { key: "mean", label: t("eval.col.mean"), children: formatValue(e.mean) },
              { key: "sd", label: t("eval.col.sd"), children: formatValue(e.sd) },
              {
                key: "cv",
                label: t("eval.col.cv"),
                children: (
                  <>
                    {formatCv(e.cv)}{" "}
                    <Tag color={e.cvPass ? "success" : "error"}>
                      {e.cvPass ? t("eval.pass") : t("eval.fail")}
                    </Tag>
                  </>
                ),
              },
              { key: "limit", label: t("eval.col.limit"), children: formatDecimal(e.limit, 2) },
              { key: "threshold", label: t("eval.col.threshold"), children: e.threshold },
              { key: "n", label: t("eval.cv.schoolCount"), children: e.schoolCount },
              {
                key: "formula",
                label: t("eval.cv.formula"),
                span: 3,
                children: t("eval.cv.formulaText", {
                  numerator: formatDecimal(e.numerator, 2),
                  denominator: formatDecimal(e.denominator, 0),
                  variance: formatDecimal(e.variance, 4),
                  sum: formatDecimal(e.contributionSum, 4),
                }),
              },
            ]}
          />
          <Alert className="form-alert" type="info" showIcon title={t("eval.cv.howToRead")} />
          <EChart
            ariaLabel={t("eval.cv.chart")}
            onClick={(event) => {
              const school = top[event.dataIndex];
              if (school) {
                onSchool(school.code);
              }
            }}
            style={{ height: Math.max(200, top.length * 22 + 60) }}
            option={{
              grid: { left: 200, right: 30, top: 20, bottom: 30 },
              tooltip: { trigger: "axis" },
              xAxis: { type: "value", name: t("eval.cv.contribution") },
              yAxis: { type: "category", inverse: true, data: top.map((s) => s.name) },
              series: [
                {
                  type: "bar",
                  name: t("eval.cv.contribution"),
                  data: top.map((s) => ({
                    value: s.contribution,
                    itemStyle: { color: s.deviation < 0 ? "#cf1322" : "#1677ff" },
                  })),
                },
              ],
            }}
          />
          <Typography.Paragraph type="secondary">{t("eval.cv.chartNote")}</Typography.Paragraph>
          <Table<CvContribution>
            size="small"
            rowKey="code"
            className="cv-contributions"
            dataSource={e.schools}
            pagination={{ pageSize: 50, showSizeChanger: false }}
            columns={[
              {
                title: t("eval.col.school"),
                dataIndex: "name",
                render: (name: string, r) => (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => {
                      onSchool(r.code);
                    }}
                  >
                    {name}
                  </Button>
                ),
              },
              { title: t("eval.cv.students"), dataIndex: "students", align: "right" },
              {
                title: t("eval.cv.quantity"),
                dataIndex: "quantity",
                align: "right",
                render: (v: number) => formatDecimal(v, Number.isInteger(v) ? 0 : 2),
              },
              {
                title: t("eval.cv.value"),
                dataIndex: "value",
                align: "right",
                render: (v: number, r) => (
                  <span className={r.met ? "cell-met" : "cell-unmet"}>{formatValue(v)}</span>
                ),
              },
              {
                title: t("eval.cv.weight"),
                dataIndex: "weight",
                align: "right",
                render: (v: number) => `${formatDecimal(v * 100, 2)}%`,
              },
              {
                title: t("eval.cv.deviation"),
                dataIndex: "deviation",
                align: "right",
                render: (v: number) => formatValue(v),
              },
              {
                title: t("eval.cv.contribution"),
                dataIndex: "contribution",
                align: "right",
                render: (v: number) => formatDecimal(v, 4),
              },
              {
                title: t("eval.cv.share"),
                key: "share",
                align: "right",
                render: (_: unknown, r) =>
                  e.contributionSum > 0
                    ? `${formatDecimal((r.contribution / e.contributionSum) * 100, 1)}%`
                    : "—",
              },
            ]}
          />
        </div>
      )}
    </Drawer>
  );
}
