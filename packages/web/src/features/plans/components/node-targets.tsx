import { useState } from "react";
import { Button, List, Popconfirm, Space, Tag, Typography } from "antd";
import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { PlanTarget } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { usePlanLabels } from "./plan-labels.tsx";
import { TargetFormModal } from "./target-form-modal.tsx";
import type { usePlanEditor } from "./use-plan-editor.ts";

/** `≥ 95 %（2020）` — a target's figure in one short line. */
function useTargetFigure() {
  const labels = usePlanLabels();
  return (target: PlanTarget) => {
    const value =
      target.value === null
        ? ""
        : target.valueMax === null
          ? String(target.value)
          : `${String(target.value)}–${String(target.valueMax)}`;
    const year = target.year === null ? "" : `（${String(target.year)}）`;
    return `${labels.comparator(target.comparator)} ${value}${target.unit}${year}`;
  };
}

/** The targets written under one node, with 编辑 / 删除, and 新增目标. */
export function NodeTargets({
  path,
  targets,
  editor,
}: {
  path: string;
  targets: readonly PlanTarget[];
  editor: ReturnType<typeof usePlanEditor>;
}) {
  const { t } = useI18n();
  const labels = usePlanLabels();
  const figure = useTargetFigure();
  const [editing, setEditing] = useState<PlanTarget | "new" | null>(null);

  return (
    <div className="node-targets">
      <List
        size="small"
        dataSource={[...targets]}
        locale={{ emptyText: t("targets.none") }}
        renderItem={(target) => (
          <List.Item
            actions={[
              <Button
                key="edit"
                size="small"
                type="link"
                icon={<EditOutlined />}
                aria-label={`${t("targets.edit")} ${target.metric}`}
                onClick={() => {
                  setEditing(target);
                }}
              />,
              <Popconfirm
                key="delete"
                title={t("targets.deleteAsk")}
                okText={t("common.ok")}
                cancelText={t("common.cancel")}
                onConfirm={() => void editor.run({ kind: "deleteTarget", targetId: target.id })}
              >
                <Button
                  size="small"
                  type="link"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t("targets.delete")} ${target.metric}`}
                />
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space size={4} wrap>
                  <Tag color={target.kind === "target" ? "orange" : "default"}>
                    {labels.kind(target.kind)}
                  </Tag>
                  <span>{target.metric}</span>
                  <Typography.Text type="secondary">{figure(target)}</Typography.Text>
                </Space>
              }
              description={target.text}
            />
          </List.Item>
        )}
      />
      <Button
        icon={<PlusOutlined />}
        onClick={() => {
          setEditing("new");
        }}
      >
        {t("targets.add")}
      </Button>
      {editing !== null && (
        <TargetFormModal
          path={path}
          target={editing === "new" ? null : editing}
          editor={editor}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
