import { useMemo } from "react";
import { Tree, Typography } from "antd";
import type { TreeDataNode } from "antd";
import type { PlanNode } from "@luoshi/contracts";
import { buildNodeTree } from "../lib/plan-model.ts";
import type { NodeTreeItem } from "../lib/plan-model.ts";
import { RoleTag } from "./plan-labels.tsx";
import { UnitChips } from "./unit-chips.tsx";

function toTreeData(items: readonly NodeTreeItem[]): TreeDataNode[] {
  return items.map(({ node, children }) => ({
    key: node.id,
    title: (
      <span className="plan-node-title">
        <span className="plan-node-head">
          <Typography.Text strong className="plan-node-marker">
            {node.marker}
          </Typography.Text>
          <span className="plan-node-text">{node.title}</span>
          <RoleTag node={node} />
        </span>
        {node.units.length > 0 && <UnitChips units={node.units} />}
      </span>
    ),
    children: toTreeData(children),
    isLeaf: children.length === 0,
  }));
}

function allKeys(items: readonly NodeTreeItem[]): string[] {
  return items.flatMap((i) => [i.node.id, ...allKeys(i.children)]);
}

/** 条目树: marker, title, 类别 and unit chips per node, all open; selecting one tells the page. */
export function NodeTree({
  nodes,
  selectedId,
  onSelect,
  label,
}: {
  nodes: readonly PlanNode[];
  selectedId?: string | undefined;
  onSelect?: (nodeId: string) => void;
  label: string;
}) {
  const items = useMemo(() => buildNodeTree(nodes), [nodes]);
  const treeData = useMemo(() => toTreeData(items), [items]);
  const keys = useMemo(() => allKeys(items), [items]);
  return (
    <Tree
      aria-label={label}
      className="plan-node-tree"
      blockNode
      treeData={treeData}
      expandedKeys={keys}
      switcherIcon={null}
      selectable={onSelect !== undefined}
      selectedKeys={selectedId === undefined ? [] : [selectedId]}
      onSelect={(selected) => {
        // A click on the selected node would deselect it; the panel keeps showing it instead.
        const key = selected[0];
        if (typeof key === "string") {
          onSelect?.(key);
        }
      }}
    />
  );
}
