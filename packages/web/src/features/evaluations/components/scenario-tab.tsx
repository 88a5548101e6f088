import { useMemo, useState } from "react";
import { Alert, App, Button, Card, Empty, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import type { Scenario, ScenarioChangeInput, ScenarioComparison } from "@luoshi/contracts";
import { errorText } from "../../../lib/error-text.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { UnitYearProps } from "../../stats/components/tab-props.ts";
import {
  useBalance,
  useDeleteScenario,
  useEvaluateScenario,
  useSaveScenario,
  useScenarios,
} from "../api/balance.ts";
import { formatDecimal } from "@luoshi/common";
import { formatAmount, formatCv, formatDelta } from "./balance-format.ts";
import { PolicySelect, PolicyTag, usePolicy } from "./policy-select.tsx";
import { ScenarioChangeEditor, type SchoolChoice } from "./scenario-editor.tsx";
import "./balance.css";

type Row = ScenarioComparison["indicators"][number];
type Changed = ScenarioComparison["changedSchools"][number];

function VerdictTag({ pass }: { pass: boolean | null }) {
  const { t } = useI18n();
  if (pass === null) {
    return <Tag>{t("eval.scenario.absent")}</Tag>;
  }
  return <Tag color={pass ? "success" : "error"}>{pass ? t("eval.pass") : t("eval.fail")}</Tag>;
}

/** One change in words (学校 + 字段 + 数量). */
function useDescribe(names: Map<string, string>) {
  const { t } = useI18n();
  return (c: ScenarioChangeInput): string => {
    const name = (code: string) => names.get(code) ?? code;
    switch (c.kind) {
      case "set":
      case "add": {
        const level =
          c.level === undefined || c.level === "senior" ? "" : `（${t(`eval.level.${c.level}`)}）`;
        return t(c.kind === "add" ? "eval.scenario.describe.add" : "eval.scenario.describe.set", {
          school: name(c.schoolCode),
          field: `${t(`eval.field.${c.field}`)}${level}`,
          n: formatAmount(c.kind === "add" ? c.amount : c.value),
        });
      }
      case "add-school":
        return t("eval.scenario.describe.addSchool", { school: c.school.name, code: c.school.code });
      case "remove-school":
        return t("eval.scenario.describe.remove", { school: name(c.schoolCode) });
      case "merge-schools":
        return t("eval.scenario.describe.merge", {
          into: name(c.intoCode),
          from: c.fromCodes.map(name).join("、"),
        });
    }
  };
}

function Comparison({ cmp }: { cmp: ScenarioComparison }) {
  const { t } = useI18n();
  const rows = cmp.indicators.filter((i) => i.before.cv !== null || i.after.cv !== null);
  return (
    <div className="scenario-compare">
      <Alert
        className="form-alert scenario-verdict"
        type={cmp.after.resourcePass ? "success" : "warning"}
        showIcon
        title={
          <Space wrap>
            {t("eval.scenario.countyVerdict")}
            <span>
              {t("eval.scenario.cvBefore")} <VerdictTag pass={cmp.before.resourcePass} />
            </span>
            →
            <span>
              {t("eval.scenario.cvAfter")} <VerdictTag pass={cmp.after.resourcePass} />
            </span>
            <PolicyTag policy={cmp.teachingPointPolicy} />
          </Space>
        }
        description={t("eval.scenario.failingSchools", {
          before: cmp.schoolsFailing.before,
          after: cmp.schoolsFailing.after,
        })}
      />
      {cmp.issues.length > 0 && (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={cmp.issues.map((i) => i.message).join("；")}
        />
      )}
      <Card size="small" title={t("eval.scenario.cvTitle")}>
        <Table<Row>
          size="small"
          className="scenario-cv-table"
          pagination={false}
          rowKey={(r) => `${r.level}:${r.indicator}`}
          dataSource={rows}
          columns={[
            {
              title: t("eval.col.level"),
              dataIndex: "level",
              render: (l: Row["level"]) => t(`eval.level.${l}`),
            },
            { title: t("eval.col.indicator"), dataIndex: "name" },
            {
              title: t("eval.scenario.cvBefore"),
              key: "b",
              align: "right",
              render: (_: unknown, r) => formatCv(r.before.cv),
            },
            {
              title: t("eval.scenario.cvAfter"),
              key: "a",
              align: "right",
              render: (_: unknown, r) => formatCv(r.after.cv),
            },
            {
              title: t("eval.scenario.delta"),
              dataIndex: "cvChange",
              align: "right",
              render: (v: number | null) => (
                <span className={v !== null && v > 0 ? "cv-up" : v !== null && v < 0 ? "cv-down" : ""}>
                  {formatDelta(v)}
                </span>
              ),
            },
            {
              title: t("eval.col.limit"),
              dataIndex: "limit",
              align: "right",
              render: (v: number) => formatDecimal(v, 2),
            },
            {
              title: t("eval.col.pass"),
              key: "pass",
              render: (_: unknown, r) => (
                <Space size={4}>
                  <VerdictTag pass={r.before.cvPass} />→<VerdictTag pass={r.after.cvPass} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t("eval.scenario.changedTitle", { n: cmp.changedSchools.length })}>
        {cmp.changedSchools.length === 0 ? (
          <Empty description={t("eval.scenario.noChanged")} />
        ) : (
          <Table<Changed>
            size="small"
            className="scenario-changed"
            pagination={false}
            rowKey={(r) => `${r.code}:${r.level}`}
            dataSource={cmp.changedSchools}
            columns={[
              { title: t("eval.col.school"), dataIndex: "name" },
              {
                title: t("eval.col.level"),
                dataIndex: "level",
                render: (l: Changed["level"]) => t(`eval.level.${l}`),
              },
              {
                title: t("eval.scenario.cvBefore"),
                dataIndex: "before",
                render: (v: boolean | null) => <VerdictTag pass={v} />,
              },
              {
                title: t("eval.scenario.cvAfter"),
                dataIndex: "after",
                render: (v: boolean | null) => <VerdictTag pass={v} />,
              },
            ]}
          />
        )}
      </Card>
    </div>
  );
}

/**
 * 情景模拟: build a change list on the county's current figures (add teachers, set an area, plan a new
 * school, 撤并, close a school), evaluate it against the current data side by side, and save it.
 */
export function ScenarioTab({ unit, year }: UnitYearProps) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const [policy, setPolicy] = usePolicy();
  const balance = useBalance({ orgUnitId: unit.id, year, policy });
  const saved = useScenarios(unit.id, year);
  const save = useSaveScenario();
  const remove = useDeleteScenario();
  const evaluate = useEvaluateScenario();
  const [changes, setChanges] = useState<ScenarioChangeInput[]>([]);
  const [name, setName] = useState("");
  const [editing, setEditing] = useState<string | undefined>(undefined);
  const schools: SchoolChoice[] = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of balance.data?.schools ?? []) {
      seen.set(s.code, s.name);
    }
    for (const e of balance.data?.excluded ?? []) {
      seen.set(e.code, e.name);
    }
    return [...seen].map(([code, n]) => ({ code, name: n }));
  }, [balance.data]);
  const names = useMemo(() => new Map(schools.map((s) => [s.code, s.name])), [schools]);
  const describe = useDescribe(names);
  const run = (list: ScenarioChangeInput[], p = policy) => {
    evaluate.mutate({ orgUnitId: unit.id, year, policy: p, changes: list });
  };
  const load = (s: Scenario) => {
    setChanges(s.changes);
    setName(s.name);
    setEditing(s.id);
    setPolicy(s.policy);
    run(s.changes, s.policy);
  };
  const doSave = () => {
    save.mutate(
      {
        ...(editing === undefined ? {} : { id: editing }),
        body: { name, orgUnitId: unit.id, year, policy, changes },
      },
      {
        onSuccess: (s) => {
          setEditing(s.id);
          void message.success(t("eval.scenario.saved", { name: s.name }));
        },
      },
    );
  };
  return (
    <div className="scenario-tab">
      <Space wrap className="eval-toolbar" size="large">
        <PolicySelect value={policy} onChange={setPolicy} />
      </Space>
      <Card size="small" title={t("eval.scenario.savedTitle")} className="scenario-list">
        <Table<Scenario>
          size="small"
          rowKey="id"
          loading={saved.isLoading}
          dataSource={saved.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t("eval.scenario.noneSaved") }}
          columns={[
            { title: t("eval.scenario.name"), dataIndex: "name" },
            {
              title: t("eval.policy.label"),
              dataIndex: "policy",
              render: (p: Scenario["policy"]) => t(`eval.policy.${p}`),
            },
            { title: t("eval.scenario.changes"), key: "n", render: (_: unknown, r) => r.changes.length },
            {
              title: t("eval.scenario.updated"),
              key: "u",
              render: (_: unknown, r) => `${r.updatedBy} ${formatDateTime(r.updatedAt)}`,
            },
            {
              title: t("eval.scenario.actions"),
              key: "act",
              render: (_: unknown, r) => (
                <Space>
                  <Button
                    size="small"
                    onClick={() => {
                      load(r);
                    }}
                  >
                    {t("eval.scenario.open")}
                  </Button>
                  <Popconfirm
                    title={t("eval.scenario.confirmDelete", { name: r.name })}
                    onConfirm={() => {
                      remove.mutate(r.id, {
                        onError: (e) => void message.error(errorText(e, tOr)),
                      });
                      if (editing === r.id) {
                        setEditing(undefined);
                      }
                    }}
                  >
                    <Button size="small" danger>
                      {t("eval.scenario.delete")}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title={editing === undefined ? t("eval.scenario.newTitle") : t("eval.scenario.editTitle")}
        className="scenario-editor"
        extra={
          <Button
            size="small"
            onClick={() => {
              setChanges([]);
              setName("");
              setEditing(undefined);
              evaluate.reset();
            }}
          >
            {t("eval.scenario.new")}
          </Button>
        }
      >
        <ScenarioChangeEditor
          schools={schools}
          onAdd={(c) => {
            setChanges((prev) => [...prev, c]);
          }}
        />
        <Typography.Title level={5}>{t("eval.scenario.changeList", { n: changes.length })}</Typography.Title>
        {changes.length === 0 ? (
          <Typography.Paragraph type="secondary">{t("eval.scenario.noChanges")}</Typography.Paragraph>
        ) : (
          <ol className="scenario-changes">
            {changes.map((c, i) => (
              <li key={`${String(i)}:${c.kind}`}>
                {describe(c)}{" "}
                <Button
                  type="link"
                  size="small"
                  onClick={() => {
                    setChanges((prev) => prev.filter((_, j) => j !== i));
                  }}
                >
                  {t("eval.scenario.removeChange")}
                </Button>
              </li>
            ))}
          </ol>
        )}
        <Space wrap>
          <Button
            type="primary"
            disabled={changes.length === 0}
            loading={evaluate.isPending}
            onClick={() => {
              run(changes);
            }}
          >
            {t("eval.scenario.evaluate")}
          </Button>
          <Input
            aria-label={t("eval.scenario.name")}
            placeholder={t("eval.scenario.name")}
            value={name}
            style={{ width: 240 }}
            onChange={(e) => {
              setName(e.target.value);
            }}
          />
          <Button
            disabled={name.trim() === "" || changes.length === 0}
            loading={save.isPending}
            onClick={doSave}
          >
            {editing === undefined ? t("eval.scenario.save") : t("eval.scenario.update")}
          </Button>
        </Space>
        {save.error && (
          <Alert className="form-alert" type="error" showIcon title={errorText(save.error, tOr)} />
        )}
        {evaluate.error && (
          <Alert className="form-alert" type="error" showIcon title={errorText(evaluate.error, tOr)} />
        )}
      </Card>
      {evaluate.data && <Comparison cmp={evaluate.data} />}
    </div>
  );
}
