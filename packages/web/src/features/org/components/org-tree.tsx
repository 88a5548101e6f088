import { useCallback, useEffect, useMemo, useState } from "react";
import type { Key } from "react";
import { App, Empty, Spin, Tag, Tree } from "antd";
import type { TreeDataNode } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import type { OrgUnit } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { Translate } from "../../../lib/i18n.tsx";
import { errorText } from "../../../lib/error-text.ts";
import { ErrorResult } from "../../../components/error-result.tsx";
import { TREE_PAGE_SIZE, fetchOrgUnits, orgKeys, useScopeRoots } from "../api/org-units.ts";
import { OrgKindIcon } from "./org-kind-icon.tsx";

interface Level {
  items: OrgUnit[];
  total: number;
}

function toNodes(
  units: readonly OrgUnit[],
  levels: Readonly<Record<string, Level>>,
  t: Translate,
): TreeDataNode[] {
  return units.map((unit) => {
    const level = levels[unit.id];
    const node: TreeDataNode = {
      key: unit.id,
      title:
        unit.status === "open" ? (
          unit.name
        ) : (
          <span className="org-tree-closed">
            {unit.name} <Tag>{unit.statusLabel}</Tag>
          </span>
        ),
      icon: <OrgKindIcon kind={unit.kind} />,
      isLeaf: unit.childCount === 0,
    };
    if (level) {
      node.children = toNodes(level.items, levels, t);
      if (level.total > level.items.length) {
        node.children.push({
          key: `${unit.id}:more`,
          title: t("org.moreChildren", { shown: level.items.length, total: level.total }),
          isLeaf: true,
          selectable: false,
          disabled: true,
        });
      }
    }
    return node;
  });
}

/**
 * The org tree, one level per request (`?parentId=…&pageSize=200`). Opening /org/:id directly
 * loads and expands the unit's ancestors so that the selection is visible.
 */
export function OrgTree({
  selectedId,
  ancestorIds,
  onSelect,
  includeClosed = false,
}: {
  /** Closed and merged units too (the page's 显示已撤销单位 switch). */
  includeClosed?: boolean;
  selectedId: string | undefined;
  ancestorIds: readonly string[];
  onSelect: (id: string) => void;
}) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const roots = useScopeRoots();
  const [levels, setLevels] = useState<Record<string, Level>>({});
  const [expandedKeys, setExpandedKeys] = useState<Key[]>([]);

  const ensureChildren = useCallback(
    async (parentId: string) => {
      const filters = {
        parentId,
        pageSize: TREE_PAGE_SIZE,
        ...(includeClosed ? { includeClosed: "true" as const } : {}),
      };
      const page = await queryClient.query({
        queryKey: orgKeys.list(filters),
        queryFn: ({ signal }) => fetchOrgUnits(filters, signal),
      });
      setLevels((prev) => ({ ...prev, [parentId]: { items: page.items, total: page.total } }));
    },
    [queryClient, includeClosed],
  );

  const loadData = useCallback(
    async (node: TreeDataNode) => {
      try {
        await ensureChildren(String(node.key));
      } catch (error) {
        void message.error(errorText(error, tOr));
      }
    },
    [ensureChildren, message, tOr],
  );

  const ancestorKey = ancestorIds.join("/");
  useEffect(() => {
    if (ancestorKey === "") {
      return;
    }
    const ids = ancestorKey.split("/");
    const run = { cancelled: false };
    void (async () => {
      try {
        for (const id of ids) {
          await ensureChildren(id);
          if (run.cancelled) {
            return;
          }
        }
        setExpandedKeys((prev) => [...new Set([...prev, ...ids])]);
      } catch {
        // The detail panel reports the failure; the tree simply stays as it is.
      }
    })();
    return () => {
      run.cancelled = true;
    };
  }, [ancestorKey, ensureChildren]);

  const treeData = useMemo(() => toNodes(roots.data ?? [], levels, t), [roots.data, levels, t]);

  if (roots.isPending) {
    return <Spin />;
  }
  if (roots.isError) {
    return <ErrorResult error={roots.error} onRetry={() => void roots.refetch()} />;
  }
  if (treeData.length === 0) {
    return <Empty />;
  }
  return (
    <Tree
      showIcon
      blockNode
      treeData={treeData}
      loadData={loadData}
      expandedKeys={expandedKeys}
      onExpand={setExpandedKeys}
      selectedKeys={selectedId === undefined ? [] : [selectedId]}
      onSelect={(keys) => {
        const key = keys[0];
        if (key !== undefined) {
          onSelect(String(key));
        }
      }}
    />
  );
}
