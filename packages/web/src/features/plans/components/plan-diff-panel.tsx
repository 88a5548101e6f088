import { Empty, List, Spin, Tag, Typography } from "antd";
import type { PlanDiff } from "@luoshi/contracts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import type { MessageKey } from "../../../lib/i18n.tsx";
import { usePlanDiff } from "../api/plans.ts";

const FIELD_KEYS: Record<PlanDiff["changed"][number]["field"], MessageKey> = {
  title: "diff.field.title",
  role: "diff.field.role",
  units: "diff.field.units",
  lead: "diff.field.lead",
};

function Section({ title, color, items }: { title: string; color: string; items: readonly string[] }) {
  if (items.length === 0) {
    return null;
  }
  return (
    <section className="diff-section">
      <h3 className="section-heading">
        <Tag color={color}>{title}</Tag> {items.length}
      </h3>
      <List size="small" dataSource={[...items]} renderItem={(item) => <List.Item>{item}</List.Item>} />
    </section>
  );
}

/** 修订对比: what this draft adds, removes and changes against the confirmed plan it revises. */
export function PlanDiffPanel({ planId }: { planId: string }) {
  const { t } = useI18n();
  const diff = usePlanDiff(planId, true);
  if (diff.isError) {
    return <ErrorResult error={diff.error} onRetry={() => void diff.refetch()} />;
  }
  if (diff.data === undefined) {
    return <Spin />;
  }
  const d = diff.data;
  const isEmpty =
    d.added.length + d.removed.length + d.changed.length + d.targetsAdded.length + d.targetsRemoved.length ===
    0;
  if (isEmpty) {
    return <Empty description={t("diff.none")} />;
  }
  const node = (n: { path: string; title: string }) => `${n.path}  ${n.title}`;
  return (
    <div className="plan-diff">
      <Typography.Paragraph type="secondary">{t("diff.againstBase")}</Typography.Paragraph>
      <Section title={t("diff.added")} color="success" items={d.added.map(node)} />
      <Section title={t("diff.removed")} color="error" items={d.removed.map(node)} />
      <Section
        title={t("diff.changed")}
        color="warning"
        items={d.changed.map(
          (c) =>
            `${c.path} ${t(FIELD_KEYS[c.field])}：${t("diff.before")}「${c.before}」→ ${t("diff.after")}「${c.after}」`,
        )}
      />
      <Section title={t("diff.targetsAdded")} color="success" items={d.targetsAdded} />
      <Section title={t("diff.targetsRemoved")} color="error" items={d.targetsRemoved} />
    </div>
  );
}
