import { useMemo, useState } from "react";
import { Alert, Button, Card, DatePicker, InputNumber, Select, Space, Table, Typography } from "antd";
import type { TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useNavigate } from "react-router";
import { FREQUENCY_VALUES, type PlanDetail, type PlanNode, type TaskBatchBody } from "@luoshi/contracts";
import { ApiError } from "../../../lib/api.ts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n, type Translate } from "../../../lib/i18n.tsx";
import { useBatchCreate } from "../api/tasks.ts";
import { prefillFromNode } from "./plan-node-fields.tsx";
import { UnitPicker } from "./unit-picker.tsx";

type Frequency = (typeof FREQUENCY_VALUES)[number];

interface Row {
  node: PlanNode;
  title: string;
  leadUnitId: string | undefined;
  coUnitIds: string[];
  deadline: string | undefined;
  frequency: Frequency;
  acceptWithinDays: number;
  names: ReadonlyMap<string, string>;
}

function initialRow(node: PlanNode): Row {
  const p = prefillFromNode(node);
  return {
    node,
    title: p.title,
    leadUnitId: p.leadUnitId,
    coUnitIds: p.coUnitIds,
    deadline: p.deadline ?? undefined,
    frequency: "monthly",
    acceptWithinDays: 2,
    names: p.names,
  };
}

/** The columns of the batch table: clause, wording, units (editable), deadline (editable), cycle, days. */
function batchColumns(
  t: Translate,
  update: (id: string, patch: Partial<Row>) => void,
): TableColumnsType<Row> {
  return [
    { key: "path", title: t("batch.clause"), width: 90, render: (_: unknown, r) => r.node.path },
    {
      key: "title",
      title: t("ledger.taskTitle"),
      render: (_: unknown, r) => <Typography.Text>{r.title}</Typography.Text>,
    },
    {
      key: "lead",
      title: t("ledger.leadUnit"),
      width: 220,
      render: (_: unknown, r) => (
        <UnitPicker
          id={`batch-lead-${r.node.id}`}
          known={r.names}
          value={r.leadUnitId}
          onChange={(v) => {
            update(r.node.id, { leadUnitId: typeof v === "string" ? v : undefined });
          }}
        />
      ),
    },
    {
      key: "co",
      title: t("ledger.coUnits"),
      width: 260,
      render: (_: unknown, r) => (
        <UnitPicker
          known={r.names}
          multiple
          value={r.coUnitIds}
          onChange={(v) => {
            update(r.node.id, { coUnitIds: Array.isArray(v) ? v : [] });
          }}
        />
      ),
    },
    {
      key: "deadline",
      title: t("ledger.deadline"),
      width: 150,
      render: (_: unknown, r) => (
        <DatePicker
          aria-label={t("batch.rowDeadline", { path: r.node.path })}
          value={r.deadline === undefined ? null : dayjs(r.deadline)}
          onChange={(d) => {
            update(r.node.id, { deadline: d === null ? undefined : d.format("YYYY-MM-DD") });
          }}
        />
      ),
    },
    {
      key: "frequency",
      title: t("create.frequency"),
      width: 120,
      render: (_: unknown, r) => (
        <Select<Frequency>
          aria-label={t("batch.rowFrequency", { path: r.node.path })}
          value={r.frequency}
          onChange={(frequency) => {
            update(r.node.id, { frequency });
          }}
          options={FREQUENCY_VALUES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
        />
      ),
    },
    {
      key: "days",
      title: t("batch.acceptDays"),
      width: 100,
      render: (_: unknown, r) => (
        <InputNumber
          aria-label={t("batch.rowDays", { path: r.node.path })}
          min={1}
          max={30}
          value={r.acceptWithinDays}
          onChange={(days) => {
            update(r.node.id, { acceptWithinDays: days ?? 2 });
          }}
        />
      ),
    },
  ];
}

type AllPatch = Partial<
  Pick<Row, "leadUnitId" | "coUnitIds" | "deadline" | "frequency" | "acceptWithinDays">
>;

/** 统一设置: units, a deadline, cycle and 签收时限 for every ticked row (empty fields leave rows as they are). */
function SetAll({ disabled, onApply }: { disabled: boolean; onApply: (patch: AllPatch) => void }) {
  const { t } = useI18n();
  const [lead, setLead] = useState<string | undefined>();
  const [co, setCo] = useState<string[]>([]);
  const [deadline, setDeadline] = useState<string | undefined>();
  const [frequency, setFrequency] = useState<Frequency | undefined>();
  const [days, setDays] = useState<number | null>(null);
  const apply = () => {
    onApply({
      ...(lead === undefined ? {} : { leadUnitId: lead }),
      ...(co.length === 0 ? {} : { coUnitIds: co }),
      ...(deadline === undefined ? {} : { deadline }),
      ...(frequency === undefined ? {} : { frequency }),
      ...(days === null ? {} : { acceptWithinDays: days }),
    });
  };
  const none = new Map<string, string>();
  return (
    <Card size="small" className="ledger-card" title={<h2 className="card-heading">{t("batch.setAll")}</h2>}>
      <Space wrap className="batch-set-all">
        <label htmlFor="batch-all-lead">{t("batch.allLead")}</label>
        <div className="batch-unit">
          <UnitPicker
            id="batch-all-lead"
            known={none}
            value={lead}
            onChange={(v) => {
              setLead(typeof v === "string" ? v : undefined);
            }}
          />
        </div>
        <label htmlFor="batch-all-co">{t("batch.allCo")}</label>
        <div className="batch-unit">
          <UnitPicker
            id="batch-all-co"
            known={none}
            multiple
            value={co}
            onChange={(v) => {
              setCo(Array.isArray(v) ? v : []);
            }}
          />
        </div>
        <label htmlFor="batch-all-deadline">{t("batch.allDeadline")}</label>
        <DatePicker
          id="batch-all-deadline"
          value={deadline === undefined ? null : dayjs(deadline)}
          onChange={(d) => {
            setDeadline(d === null ? undefined : d.format("YYYY-MM-DD"));
          }}
        />
        <label htmlFor="batch-all-frequency">{t("create.frequency")}</label>
        <Select<Frequency>
          id="batch-all-frequency"
          className="filter-select"
          allowClear
          value={frequency}
          onChange={setFrequency}
          options={FREQUENCY_VALUES.map((f) => ({ value: f, label: t(`frequency.${f}`) }))}
        />
        <label htmlFor="batch-all-days">{t("batch.acceptDays")}</label>
        <InputNumber id="batch-all-days" min={1} max={30} value={days} onChange={setDays} />
        <Button onClick={apply} disabled={disabled}>
          {t("batch.applyAll")}
        </Button>
      </Space>
    </Card>
  );
}

/**
 * 批量立项: the task items of a confirmed plan with checkboxes; each row starts with the units the parser
 * found and the item's deadline; 统一设置 applies a deadline, cycle and 签收时限 to every chosen row.
 * One request creates all chosen tasks or none (the answer names the row that failed).
 */
export function BatchCreate({ plan }: { plan: PlanDetail }) {
  const { t, tOr } = useI18n();
  const navigate = useNavigate();
  const create = useBatchCreate();
  const tasks = useMemo(() => plan.nodes.filter((n) => n.role === "task"), [plan.nodes]);
  const [rows, setRows] = useState<Row[]>(() => tasks.map(initialRow));
  const [selected, setSelected] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const update = (id: string, patch: Partial<Row>) => {
    setRows((rs) => rs.map((r) => (r.node.id === id ? { ...r, ...patch } : r)));
  };
  const chosen = rows.filter((r) => selected.includes(r.node.id));
  const missing = chosen.filter((r) => r.leadUnitId === undefined || r.deadline === undefined);
  const submit = () => {
    setProblem(null);
    const body: TaskBatchBody = {
      planId: plan.id,
      rows: chosen.map((r) => ({
        planNodeId: r.node.id,
        title: r.title,
        leadUnitId: r.leadUnitId ?? "",
        coUnitIds: r.coUnitIds,
        deadline: r.deadline ?? "",
        frequency: r.frequency,
        acceptWithinDays: r.acceptWithinDays,
      })),
    };
    create.mutate(body, {
      onSuccess: () => void navigate(`/ledger?planId=${plan.id}`),
      onError: (error) => {
        setProblem(error instanceof ApiError ? error.message : errorText(error, tOr));
      },
    });
  };
  return (
    <>
      <SetAll
        disabled={selected.length === 0}
        onApply={(patch) => {
          setRows((rs) => rs.map((r) => (selected.includes(r.node.id) ? { ...r, ...patch } : r)));
        }}
      />
      {problem !== null && <Alert type="error" showIcon title={problem} className="batch-problem" />}
      {tasks.length === 0 ? (
        <Alert type="info" showIcon title={t("batch.noItems")} />
      ) : (
        <Table<Row>
          className="batch-table"
          rowKey={(r) => r.node.id}
          size="small"
          pagination={false}
          dataSource={rows}
          rowSelection={{
            selectedRowKeys: selected,
            onChange: (keys) => {
              setSelected(keys.map(String));
            },
            getCheckboxProps: (r) => ({ "aria-label": t("batch.pick", { path: r.node.path }) }),
          }}
          columns={batchColumns(t, update)}
        />
      )}
      <Space className="batch-submit">
        <Button
          type="primary"
          disabled={chosen.length === 0 || missing.length > 0}
          loading={create.isPending}
          onClick={submit}
        >
          {t("batch.submit", { count: chosen.length })}
        </Button>
        {missing.length > 0 && (
          <Typography.Text type="warning">
            {t("batch.missing", { paths: missing.map((r) => r.node.path).join("、") })}
          </Typography.Text>
        )}
      </Space>
    </>
  );
}
