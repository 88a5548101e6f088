import { Form, Select } from "antd";
import type { PlanNode } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { usePlan, usePlans } from "../../plans/api/plans.ts";

/** What a chosen plan item fills in the new task. */
export interface NodePrefill {
  title: string;
  deadline: string | null;
  leadUnitId: string | undefined;
  coUnitIds: string[];
  unmatchedLead: string | null;
  names: Map<string, string>;
}

/** A task item's units: 牵头 = the unit marked lead when matched to the registry; the rest are 协办. */
export function prefillFromNode(node: PlanNode): NodePrefill {
  const names = new Map<string, string>();
  for (const u of node.units) {
    if (u.orgUnitId !== null) {
      names.set(u.orgUnitId, u.orgUnitName ?? u.name);
    }
  }
  const lead = node.units.find((u) => u.isLead);
  const leadUnitId = lead?.orgUnitId ?? undefined;
  const coUnitIds = node.units
    .filter((u) => u.orgUnitId !== null && u.orgUnitId !== leadUnitId)
    .map((u) => u.orgUnitId ?? "");
  const deadline = node.deadline !== null && /^\d{4}-\d{2}-\d{2}$/.test(node.deadline) ? node.deadline : null;
  return {
    title: node.title,
    deadline,
    leadUnitId,
    coUnitIds,
    unmatchedLead: lead !== undefined && lead.orgUnitId === null ? lead.name : null,
    names,
  };
}

/** 规划 (confirmed plans) then 任务条目 (its task items, by path). */
export function PlanNodeFields({
  planId,
  onPlan,
  onNode,
}: {
  planId: string | undefined;
  onPlan: (planId: string | undefined) => void;
  onNode: (node: PlanNode | undefined) => void;
}) {
  const { t } = useI18n();
  const plans = usePlans("confirmed");
  const plan = usePlan(planId ?? "", planId !== undefined);
  const nodes = planId === undefined ? [] : (plan.data?.nodes ?? []).filter((n) => n.role === "task");
  return (
    <>
      <Form.Item label={t("create.plan")} name="planId" rules={[{ required: true }]}>
        <Select<string | undefined>
          allowClear
          loading={plans.isFetching}
          onChange={(id) => {
            onPlan(id);
            onNode(undefined);
          }}
          options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
        />
      </Form.Item>
      <Form.Item label={t("create.node")} name="planNodeId" rules={[{ required: true }]}>
        <Select<string | undefined>
          allowClear
          disabled={planId === undefined}
          loading={planId !== undefined && plan.isFetching}
          showSearch={{ optionFilterProp: "label" }}
          onChange={(id) => {
            onNode(nodes.find((n) => n.id === id));
          }}
          options={nodes.map((n) => ({ value: n.id, label: `${n.path} ${n.title}` }))}
        />
      </Form.Item>
    </>
  );
}
