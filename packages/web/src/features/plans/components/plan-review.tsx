import { useState } from "react";
import { Alert, App, Button, Card, Col, Empty, Popconfirm, Row, Space, Spin, Tabs } from "antd";
import { CheckOutlined, StopOutlined } from "@ant-design/icons";
import type { PlanDetail, PlanNode } from "@luoshi/contracts";
import { PageHeader } from "../../../components/page-header.tsx";
import { ErrorResult } from "../../../components/error-result.tsx";
import { useI18n } from "../../../lib/i18n.tsx";
import { usePlanSource } from "../api/plans.ts";
import { inDocumentOrder } from "../lib/plan-model.ts";
import { NodeDetail } from "./node-detail.tsx";
import { NodeTree } from "./node-tree.tsx";
import { PlanDiffPanel } from "./plan-diff-panel.tsx";
import { PlanIssuesBanner } from "./plan-issues-banner.tsx";
import { DocumentLevel } from "./document-level.tsx";
import { PlanStatusTag } from "./plan-labels.tsx";
import { SourceText } from "./source-text.tsx";
import { usePlanEditor } from "./use-plan-editor.ts";
import { UnitNamesPanel } from "./unit-names-panel.tsx";

/** The first item worth checking: the first task with units, else the first node. */
function firstNode(nodes: readonly PlanNode[]): string | undefined {
  const ordered = inDocumentOrder(nodes);
  return (ordered.find((n) => n.role === "task" && n.units.length > 0) ?? ordered[0])?.id;
}

/**
 * 核对 a draft: the source text beside the extracted tree and the selected node's editor; 解析提示
 * above, 单位名称核对 (each unit name once) in its own tab, 修订对比 too when the draft revises a
 * confirmed plan; 确认规划 and 作废 on top.
 */
export function PlanReview({ plan, canWrite }: { plan: PlanDetail; canWrite: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const source = usePlanSource(plan.id, true);
  const editor = usePlanEditor(plan.id);
  const [selectedId, setSelectedId] = useState<string | undefined>(() => firstNode(plan.nodes));
  const [scrollTo, setScrollTo] = useState<{ nodeId: string; seq: number } | null>(null);
  const selected = plan.nodes.find((n) => n.id === selectedId);

  const selectFromTree = (nodeId: string) => {
    setSelectedId(nodeId);
    setScrollTo((prev) => ({ nodeId, seq: (prev?.seq ?? 0) + 1 }));
  };

  const transition = async (kind: "confirm" | "discard") => {
    const done = await editor.run({ kind }, { done: null });
    if (done !== undefined) {
      void message.success(t(kind === "confirm" ? "review.confirmed" : "review.discarded"));
    }
  };

  const actions = canWrite ? (
    <Space>
      <Popconfirm
        title={t("review.discardAsk")}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        onConfirm={() => void transition("discard")}
      >
        <Button danger icon={<StopOutlined />}>
          {t("review.discard")}
        </Button>
      </Popconfirm>
      <Popconfirm
        title={t("review.confirmAsk")}
        okText={t("common.ok")}
        cancelText={t("common.cancel")}
        onConfirm={() => void transition("confirm")}
      >
        <Button type="primary" icon={<CheckOutlined />}>
          {t("review.confirm")}
        </Button>
      </Popconfirm>
    </Space>
  ) : undefined;

  const text = source.data?.text ?? "";
  const workspace = (
    <Row gutter={[12, 12]} className="plan-review">
      <Col xs={24} lg={12} xl={9}>
        <Card title={t("review.source")} size="small" className="plan-pane">
          {source.isError ? (
            <ErrorResult error={source.error} onRetry={() => void source.refetch()} />
          ) : source.data === undefined ? (
            <Spin />
          ) : (
            <SourceText
              text={text}
              nodes={plan.nodes}
              targets={plan.targets}
              activeNodeId={selectedId}
              scrollTo={scrollTo}
              onSelectNode={setSelectedId}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={12} xl={7}>
        <Card title={t("review.tree")} size="small" className="plan-pane plan-tree-pane">
          <NodeTree
            nodes={plan.nodes}
            selectedId={selectedId}
            onSelect={selectFromTree}
            label={t("review.tree")}
          />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card title={t("review.detail")} size="small" className="plan-pane plan-detail-pane">
          {selected === undefined ? (
            <Empty description={t("review.selectHint")} />
          ) : canWrite ? (
            <NodeDetail
              key={selected.id}
              plan={plan}
              node={selected}
              text={text}
              editor={editor}
              onMerged={selectFromTree}
            />
          ) : (
            <NodeTree nodes={[selected]} label={t("review.detail")} />
          )}
        </Card>
      </Col>
    </Row>
  );

  return (
    <>
      <PageHeader title={plan.title || plan.sourceFileName} extra={actions} />
      <Space className="plan-meta-line" wrap>
        <PlanStatusTag plan={plan} />
        {plan.docNumber !== null && <span>{plan.docNumber}</span>}
        {plan.issuer !== null && <span>{plan.issuer}</span>}
        <span>{plan.sourceFileName}</span>
        <DocumentLevel plan={plan} canWrite={canWrite} />
      </Space>
      <Alert type="info" showIcon className="form-alert" title={t("review.draftNotice")} />
      <PlanIssuesBanner issues={plan.parseIssues} />
      <Tabs
        items={[
          { key: "review", label: t("review.tabReview"), children: workspace },
          {
            key: "units",
            label: t("unitNames.tab"),
            children: <UnitNamesPanel plan={plan} canWrite={canWrite} editor={editor} />,
          },
          ...(plan.revisesPlanId === null
            ? []
            : [{ key: "diff", label: t("review.tabDiff"), children: <PlanDiffPanel planId={plan.id} /> }]),
        ]}
      />
    </>
  );
}
