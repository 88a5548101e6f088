import { Tag } from "antd";
import type { PlanNode, PlanSummary, PlanTarget } from "@luoshi/contracts";
import { COMPARATOR_VALUES, NODE_ROLE_VALUES } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { MessageKey } from "../../../lib/i18n.tsx";

const COMPARATOR_KEYS: Record<PlanTarget["comparator"], MessageKey> = {
  ">=": "comparator.gte",
  "<=": "comparator.lte",
  "=": "comparator.eq",
  ">": "comparator.gt",
  "<": "comparator.lt",
  increase: "comparator.increase",
  decrease: "comparator.decrease",
};

const STATUS_COLORS: Record<PlanSummary["status"], string> = {
  draft: "processing",
  confirmed: "success",
  superseded: "default",
  discarded: "error",
};

const ROLE_COLORS: Record<PlanNode["role"], string> = {
  background: "default",
  principle: "purple",
  goal: "cyan",
  task: "blue",
  safeguard: "green",
  schedule: "orange",
  other: "default",
};

/** Labels of the plan codes: the dictionary first, the server's own label when a code is new to us. */
export function usePlanLabels() {
  const { t, tOr } = useI18n();
  return {
    status: (plan: Pick<PlanSummary, "status" | "statusLabel">) =>
      tOr(`planStatus.${plan.status}`, plan.statusLabel),
    role: (role: PlanNode["role"], fallback: string = role) => tOr(`planRole.${role}`, fallback),
    roleOptions: NODE_ROLE_VALUES.map((r) => ({ value: r, label: tOr(`planRole.${r}`, r) })),
    comparator: (c: PlanTarget["comparator"]) => t(COMPARATOR_KEYS[c]),
    comparatorOptions: COMPARATOR_VALUES.map((c) => ({ value: c, label: t(COMPARATOR_KEYS[c]) })),
    kind: (kind: PlanTarget["kind"]) => t(kind === "target" ? "targets.kindTarget" : "targets.kindBaseline"),
    period: (plan: Pick<PlanSummary, "periodStart" | "periodEnd">) => {
      if (plan.periodStart === null && plan.periodEnd === null) {
        return "";
      }
      return t("plans.periodRange", { start: plan.periodStart ?? "", end: plan.periodEnd ?? "" });
    },
  };
}

/** 草稿 / 已确认 / 已被修订 / 已作废 as a coloured tag. */
export function PlanStatusTag({ plan }: { plan: Pick<PlanSummary, "status" | "statusLabel"> }) {
  const labels = usePlanLabels();
  return <Tag color={STATUS_COLORS[plan.status]}>{labels.status(plan)}</Tag>;
}

/** The node's 类别 (主要任务, 保障措施 …) as a small tag. */
export function RoleTag({ node }: { node: Pick<PlanNode, "role" | "roleLabel"> }) {
  const labels = usePlanLabels();
  return (
    <Tag color={ROLE_COLORS[node.role]} className="plan-role-tag">
      {labels.role(node.role, node.roleLabel)}
    </Tag>
  );
}
