import { useMemo, useState } from "react";
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Tree,
  Typography,
} from "antd";
import type { DataNode } from "antd/es/tree";
import { DownloadOutlined } from "@ant-design/icons";
import { Link, useNavigate } from "react-router";
import type { PlanAdoptionForm } from "@luoshi/contracts";
import { downloadFile } from "../../../lib/download.ts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { implementationReportUrl, useAdoptPlan } from "../api/adoption.ts";

type Item = PlanAdoptionForm["items"][number];

/** The items as a tree by their paths. */
function treeOf(items: readonly Item[]): DataNode[] {
  const byParent = new Map<string, Item[]>();
  for (const i of items) {
    byParent.set(i.parentPath, [...(byParent.get(i.parentPath) ?? []), i]);
  }
  const build = (parent: string): DataNode[] =>
    (byParent.get(parent) ?? []).map((i) => ({
      key: i.nodeId,
      title: `${i.marker}${i.title}`,
      children: build(i.path),
    }));
  return build("");
}

/** A year's default: the last full year. */
const lastYear = () => Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;

/**
 * 制定承接方案: the higher document's items as a tree with checkboxes; for each ticked item its local units
 * (defaulting to the parsed ones that resolve to this area's registry, the first leads) and its local
 * targets (defaulting to the higher value). Creates a draft own plan and opens it for review.
 */
export function PlanAdopt({ form }: { form: PlanAdoptionForm }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const adopt = useAdoptPlan(form.planId);
  const [title, setTitle] = useState(form.suggestedTitle);
  const [checked, setChecked] = useState<string[]>([]);
  const [units, setUnits] = useState<Record<string, string[]>>({});
  const [values, setValues] = useState<Record<string, number | null>>({});
  const tree = useMemo(() => treeOf(form.items), [form.items]);
  const picked = form.items.filter((i) => checked.includes(i.nodeId));
  const unitsOf = (i: Item) => units[i.nodeId] ?? i.defaultUnits.map((u) => u.orgUnitId);
  const options = form.localUnits.map((u) => ({ value: u.orgUnitId, label: u.name }));

  const submit = () => {
    adopt.mutate(
      {
        title,
        items: picked.map((i) => ({
          nodeId: i.nodeId,
          units: unitsOf(i).map((orgUnitId, n) => ({ orgUnitId, isLead: n === 0 })),
          targets: i.targets.map((x) => ({
            targetId: x.targetId,
            value: values[x.targetId] === undefined ? x.value : (values[x.targetId] ?? null),
          })),
        })),
      },
      {
        onSuccess: (plan) => {
          void message.success(t("adopt.created"));
          void navigate(`/plans/${plan.id}`);
        },
        onError: (error) => void message.error(errorText(error, tOr)),
      },
    );
  };

  return (
    <div className="panel plan-adopt">
      <Alert type="info" showIcon className="form-alert" title={t("adopt.intro")} />
      {form.adoptions.length > 0 && <Adoptions form={form} />}
      <Space orientation="vertical" style={{ width: "100%" }}>
        <label>
          {t("adopt.planTitle")}
          <Input
            aria-label={t("adopt.planTitle")}
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
            }}
          />
        </label>
        <div style={{ display: "flex", gap: 16, alignItems: "flex-start", flexWrap: "wrap" }}>
          <Card size="small" title={t("adopt.items")} style={{ flex: "1 1 320px" }}>
            <Tree
              aria-label={t("adopt.items")}
              checkable
              defaultExpandAll
              selectable={false}
              treeData={tree}
              checkedKeys={checked}
              onCheck={(keys) => {
                setChecked((Array.isArray(keys) ? keys : keys.checked).map(String));
              }}
            />
          </Card>
          <div style={{ flex: "2 1 420px" }}>
            {picked.length === 0 ? (
              <Empty description={t("adopt.noneChecked")} />
            ) : (
              picked.map((i) => (
                <Card key={i.nodeId} size="small" title={`${i.marker}${i.title}`} className="adopt-item">
                  {i.higherUnits.length > 0 && (
                    <Typography.Paragraph type="secondary">
                      {t("adopt.higherUnits", { units: i.higherUnits.join("、") })}
                    </Typography.Paragraph>
                  )}
                  {i.deadline !== null && (
                    <Typography.Paragraph type="secondary">
                      {t("adopt.deadline", { deadline: i.deadline })}
                    </Typography.Paragraph>
                  )}
                  <Select
                    mode="multiple"
                    aria-label={`${t("adopt.units")}：${i.title}`}
                    placeholder={t("adopt.unitsPlaceholder")}
                    style={{ width: "100%" }}
                    options={options}
                    showSearch={{ optionFilterProp: "label" }}
                    value={unitsOf(i)}
                    onChange={(v) => {
                      setUnits((u) => ({ ...u, [i.nodeId]: v }));
                    }}
                  />
                  {i.targets.map((x) => (
                    <Space key={x.targetId} className="adopt-target" wrap>
                      <span>
                        {t("adopt.target")}：{x.metric}
                      </span>
                      <InputNumber
                        aria-label={`${t("adopt.target")}：${x.metric}`}
                        value={values[x.targetId] === undefined ? x.value : values[x.targetId]}
                        onChange={(v) => {
                          setValues((s) => ({ ...s, [x.targetId]: v }));
                        }}
                      />
                      <span>
                        {x.unit}
                        {x.year === null ? "" : `（${String(x.year)}）`}
                      </span>
                    </Space>
                  ))}
                </Card>
              ))
            )}
          </div>
        </div>
        <Button
          type="primary"
          disabled={picked.length === 0 || title.trim() === ""}
          loading={adopt.isPending}
          onClick={submit}
        >
          {t("adopt.submit")}
        </Button>
      </Space>
    </div>
  );
}

/** The 承接方案 already made from the document, and its 落实情况报告 for a year. */
function Adoptions({ form }: { form: PlanAdoptionForm }) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const [year, setYear] = useState(lastYear);
  const download = async () => {
    try {
      await downloadFile(implementationReportUrl(form.planId, year), `${form.title}落实情况报告.docx`);
    } catch (error) {
      void message.error(t("report.downloadFailed", { message: errorText(error, tOr) }));
    }
  };

  return (
    <Card size="small" title={t("adopt.existing")} className="form-alert">
      <List
        size="small"
        dataSource={form.adoptions}
        renderItem={(a) => (
          <List.Item>
            <Link to={`/plans/${a.planId}`}>{a.title}</Link>
            <Typography.Text type="secondary">{a.statusLabel}</Typography.Text>
          </List.Item>
        )}
      />
      <Space>
        <span>{t("adopt.reportYear")}</span>
        <InputNumber
          aria-label={t("adopt.reportYear")}
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => {
            setYear(v ?? lastYear());
          }}
        />
        <Button icon={<DownloadOutlined />} onClick={() => void download()}>
          {t("adopt.implementationReport")}
        </Button>
      </Space>
    </Card>
  );
}
