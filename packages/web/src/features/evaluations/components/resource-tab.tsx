import { useMemo, useState } from "react";
import { Alert, Button, Card, Collapse, Empty, Skeleton, Space, Switch, Table, Tag, Typography } from "antd";
import type { BalanceLevel, BalanceResult, BalanceSchoolResult } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import type { UnitYearProps } from "../../stats/components/tab-props.ts";
import { type BalanceKey, type IndicatorKey, type Level, useBalance } from "../api/balance.ts";
import { formatDecimal } from "@luoshi/common";
import { formatCv, formatValue } from "./balance-format.ts";
import { CvDrawer } from "./cv-drawer.tsx";
import { PolicySelect, PolicyTag, usePolicy } from "./policy-select.tsx";
import { ReportButtons } from "./report-buttons.tsx";
import { SchoolDrawer } from "./school-drawer.tsx";
import "./balance.css";

interface IndicatorRow {
  key: IndicatorKey;
  index: number;
  name: string;
  unit: string;
}

/** The 7 indicators of one 学段: 标准值, 全县平均值, 标准差, 差异系数 (click to explain), 限值, 达标. */
function LevelTable({
  result,
  level,
  onExplain,
}: {
  result: BalanceResult;
  level: Level;
  onExplain: (indicator: IndicatorKey) => void;
}) {
  const { t } = useI18n();
  const l: BalanceLevel = result[level];
  const rows: IndicatorRow[] = result.indicators.map((i, index) => ({ ...i, index }));
  const failing = l.cvPass.filter((p) => !p).length;
  return (
    <Card
      size="small"
      className={`level-card level-${level}`}
      title={
        <Space>
          {t(`eval.level.${level}`)}
          <Typography.Text type="secondary">
            {t("eval.level.summary", {
              schools: l.schoolCount,
              students: l.students.toLocaleString("zh-CN"),
            })}
          </Typography.Text>
          <Tag color={failing === 0 ? "success" : "error"}>
            {failing === 0 ? t("eval.cv.allWithin") : t("eval.cv.someOver", { n: failing })}
          </Tag>
        </Space>
      }
    >
      <Table<IndicatorRow>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        columns={[
          { title: t("eval.col.indicator"), dataIndex: "name" },
          {
            title: t("eval.col.threshold"),
            key: "threshold",
            align: "right",
            render: (_: unknown, r) => String(l.thresholds[r.index] ?? ""),
          },
          {
            title: t("eval.col.mean"),
            key: "mean",
            align: "right",
            render: (_: unknown, r) => formatValue(l.mean[r.index]),
          },
          {
            title: t("eval.col.sd"),
            key: "sd",
            align: "right",
            render: (_: unknown, r) => formatValue(l.sd[r.index]),
          },
          {
            title: t("eval.col.cv"),
            key: "cv",
            align: "right",
            render: (_: unknown, r) => (
              <Button
                type="link"
                size="small"
                className="cv-link"
                disabled={l.cv[r.index] === null}
                aria-label={t("eval.cv.explainLabel", { level: t(`eval.level.${level}`), name: r.name })}
                onClick={() => {
                  onExplain(r.key);
                }}
              >
                {formatCv(l.cv[r.index])}
              </Button>
            ),
          },
          {
            title: t("eval.col.limit"),
            key: "limit",
            align: "right",
            render: () => formatDecimal(l.cvLimit, 2),
          },
          {
            title: t("eval.col.pass"),
            key: "pass",
            render: (_: unknown, r) =>
              l.cvPass[r.index] ? (
                <Tag color="success">{t("eval.pass")}</Tag>
              ) : (
                <Tag color="error">{t("eval.fail")}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** The per-school table: 7 values coloured met/unmet (click a cell to explain it) and the verdict. */
function SchoolTable({
  result,
  onCell,
}: {
  result: BalanceResult;
  onCell: (code: string, part: Level, indicator: IndicatorKey) => void;
}) {
  const { t } = useI18n();
  const [onlyFailing, setOnlyFailing] = useState(false);
  const rows = useMemo(
    () => (onlyFailing ? result.schools.filter((s) => !s.pass) : result.schools),
    [onlyFailing, result.schools],
  );
  const failing = result.schools.filter((s) => !s.pass).length;
  return (
    <Card
      size="small"
      className="school-card"
      title={t("eval.schools.title", { n: result.schools.length, failing })}
      extra={
        <Space>
          <Switch
            checked={onlyFailing}
            onChange={setOnlyFailing}
            aria-label={t("eval.schools.onlyFailing")}
          />
          {t("eval.schools.onlyFailing")}
        </Space>
      }
    >
      <Table<BalanceSchoolResult>
        size="small"
        className="school-table"
        rowKey={(r) => `${r.code}:${r.part}`}
        dataSource={rows}
        scroll={{ x: 1100 }}
        pagination={{ pageSize: 20, showSizeChanger: true }}
        columns={[
          { title: t("eval.col.school"), dataIndex: "name", fixed: "left", width: 200 },
          {
            title: t("eval.col.level"),
            dataIndex: "part",
            width: 70,
            render: (p: Level) => t(`eval.level.${p}`),
          },
          ...result.indicators.map((ind, index) => ({
            title: <span title={ind.name}>{t(`eval.short.${ind.key}`)}</span>,
            key: ind.key,
            align: "right" as const,
            render: (_: unknown, r: BalanceSchoolResult) => {
              const met = r.met[index] === true;
              return (
                <Button
                  type="text"
                  size="small"
                  className={met ? "cell-met" : "cell-unmet"}
                  aria-label={`${r.name} ${ind.name}`}
                  onClick={() => {
                    onCell(r.code, r.part, ind.key);
                  }}
                >
                  {formatValue(r.values[index])} {met ? "✓" : "✗"}
                </Button>
              );
            },
          })),
          {
            title: t("eval.col.pass"),
            key: "pass",
            width: 80,
            render: (_: unknown, r) =>
              r.pass ? (
                <Tag color="success">{t("eval.pass")}</Tag>
              ) : (
                <Tag color="error">{t("eval.fail")}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * 资源配置 of 优质均衡 (spec §1.1a/§1.1b): the 教学点 policy and report downloads, the verdict, the 7
 * indicators of each 学段 with explainable 差异系数, and every school with explainable values.
 */
export function ResourceTab({ unit, year }: UnitYearProps) {
  const { t } = useI18n();
  const [policy, setPolicy] = usePolicy();
  const key: BalanceKey = { orgUnitId: unit.id, year, policy };
  const q = useBalance(key);
  const [cvTarget, setCvTarget] = useState<{ level: Level; indicator: IndicatorKey } | null>(null);
  const [cell, setCell] = useState<{ code: string; part: Level; indicator: IndicatorKey } | null>(null);
  const r = q.data;
  return (
    <div className="resource-tab">
      <Space wrap className="eval-toolbar" size="large">
        <PolicySelect value={policy} onChange={setPolicy} />
        <ReportButtons orgUnitId={unit.id} year={year} policy={policy} />
      </Space>
      {q.isLoading && <Skeleton active />}
      {q.error && !r && <ErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      {r && (
        <>
          <Alert
            className="form-alert eval-verdict"
            type={r.resourcePass ? "success" : "error"}
            showIcon
            title={
              <Space wrap>
                {t(r.resourcePass ? "eval.verdict.pass" : "eval.verdict.fail", {
                  unit: r.orgUnit.name,
                  year: r.year,
                })}
                <PolicyTag policy={r.teachingPointPolicy} />
              </Space>
            }
            description={
              <Space wrap size="large">
                <span>
                  {t("eval.verdict.schools")}
                  <Tag color={r.schoolsPass ? "success" : "error"}>
                    {r.schoolsPass ? t("eval.pass") : t("eval.fail")}
                  </Tag>
                  {t("eval.verdict.failingCount", { n: r.schools.filter((s) => !s.pass).length })}
                </span>
                <span>
                  {t("eval.verdict.cv")}
                  <Tag color={r.cvPass ? "success" : "error"}>
                    {r.cvPass ? t("eval.pass") : t("eval.fail")}
                  </Tag>
                </span>
                <Typography.Text type="secondary">
                  {t("eval.verdict.ruleSet", { name: r.ruleSet.name, version: r.ruleSet.version })}
                </Typography.Text>
              </Space>
            }
          />
          <div className="level-tables">
            {(["primary", "junior"] as const).map((level) =>
              r[level].schoolCount === 0 ? (
                <Card key={level} size="small" title={t(`eval.level.${level}`)}>
                  <Empty description={t("eval.level.none")} />
                </Card>
              ) : (
                <LevelTable
                  key={level}
                  result={r}
                  level={level}
                  onExplain={(indicator) => {
                    setCvTarget({ level, indicator });
                  }}
                />
              ),
            )}
          </div>
          <SchoolTable
            result={r}
            onCell={(code, part, indicator) => {
              setCell({ code, part, indicator });
            }}
          />
          {(r.excluded.length > 0 || r.issues.length > 0) && (
            <Collapse
              className="eval-notes"
              items={[
                ...(r.excluded.length > 0
                  ? [
                      {
                        key: "excluded",
                        label: t("eval.excluded.title", { n: r.excluded.length }),
                        children: (
                          <ul>
                            {r.excluded.map((e) => (
                              <li key={`${e.code}:${e.level ?? ""}`}>
                                {e.name}（{e.code}）：{e.reason}
                              </li>
                            ))}
                          </ul>
                        ),
                      },
                    ]
                  : []),
                ...(r.issues.length > 0
                  ? [
                      {
                        key: "issues",
                        label: t("eval.issues.title", { n: r.issues.length }),
                        children: (
                          <ul>
                            {r.issues.slice(0, 200).map((i, n) => (
                              <li key={`${i.code}:${String(n)}`}>{i.message}</li>
                            ))}
                          </ul>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          )}
        </>
      )}
      <CvDrawer
        balanceKey={key}
        target={cvTarget}
        onClose={() => {
          setCvTarget(null);
        }}
        onSchool={(code) => {
          if (cvTarget) {
            setCell({ code, part: cvTarget.level, indicator: cvTarget.indicator });
          }
        }}
      />
      <SchoolDrawer
        balanceKey={key}
        target={cell}
        onClose={() => {
          setCell(null);
        }}
      />
    </div>
  );
}
