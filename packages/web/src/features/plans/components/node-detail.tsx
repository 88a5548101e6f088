import { useState } from "react";
import { Button, Divider, Popconfirm, Space, Typography } from "antd";
import { MergeCellsOutlined, ScissorOutlined } from "@ant-design/icons";
import type { PlanDetail, PlanNode } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { previousNode, targetsOf } from "../lib/plan-model.ts";
import { NodeFieldsForm } from "./node-fields-form.tsx";
import { NodeSplitModal } from "./node-split-modal.tsx";
import { NodeTargets } from "./node-targets.tsx";
import { NodeUnitsEditor } from "./node-units-editor.tsx";
import type { usePlanEditor } from "./use-plan-editor.ts";

const unitsKey = (node: PlanNode) =>
  node.units.map((u) => `${u.name}\u0000${u.orgUnitId ?? ""}\u0000${String(u.isLead)}`).join("\u0001");

/**
 * The selected node's edit panel: fields, 责任单位, 合并到上一条 / 拆分, and its targets. The page mounts
 * it per node (key), so that no edit in progress leaks to another node.
 */
export function NodeDetail({
  plan,
  node,
  text,
  editor,
  onMerged,
}: {
  plan: PlanDetail;
  node: PlanNode;
  text: string;
  editor: ReturnType<typeof usePlanEditor>;
  /** After a merge: the node this one went into. */
  onMerged: (intoId: string) => void;
}) {
  const { t } = useI18n();
  const [isSplitting, setIsSplitting] = useState(false);
  const before = previousNode(plan.nodes, node.id);

  return (
    <div className="node-detail">
      <Typography.Title level={2} className="section-title">
        {node.marker} {node.title}
      </Typography.Title>
      <NodeFieldsForm node={node} editor={editor} />
      <Divider titlePlacement="start" plain>
        {t("units.title")}
      </Divider>
      <NodeUnitsEditor key={unitsKey(node)} node={node} editor={editor} />
      <Divider titlePlacement="start" plain>
        {t("targets.ofNode")}
      </Divider>
      <NodeTargets path={node.path} targets={targetsOf(plan.targets, node.path)} editor={editor} />
      <Divider />
      <Space wrap>
        <Popconfirm
          title={t("node.mergeAsk", { title: before?.title ?? "" })}
          okText={t("common.ok")}
          cancelText={t("common.cancel")}
          disabled={before === undefined}
          onConfirm={() => {
            void editor.run({ kind: "merge", nodeId: node.id }).then((done) => {
              if (done !== undefined && before !== undefined) {
                onMerged(before.id);
              }
            });
          }}
        >
          <Button icon={<MergeCellsOutlined />} disabled={before === undefined}>
            {t("node.merge")}
          </Button>
        </Popconfirm>
        <Button
          icon={<ScissorOutlined />}
          onClick={() => {
            setIsSplitting(true);
          }}
        >
          {t("node.split")}
        </Button>
      </Space>
      {isSplitting && (
        <NodeSplitModal
          node={node}
          text={text}
          editor={editor}
          onClose={() => {
            setIsSplitting(false);
          }}
        />
      )}
    </div>
  );
}
