import { useState } from "react";
import { Button, Input, Radio, Space, Tooltip, Typography } from "antd";
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { PlanNode, PlanNodeUnit } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import { RegistryUnitSelect } from "./registry-unit-select.tsx";
import type { usePlanEditor } from "./use-plan-editor.ts";

interface Row extends Pick<PlanNodeUnit, "name" | "isLead" | "orgUnitId" | "orgUnitName" | "suggestions"> {
  key: string;
}

const toRows = (units: readonly PlanNodeUnit[]): Row[] =>
  units.map((u, i) => ({ ...u, key: `u${String(i)}` }));

function move<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  if (item !== undefined) {
    out.splice(to, 0, item);
  }
  return out;
}

/**
 * 责任单位 of one node in written order: rename, reorder, mark the one 牵头单位, tie each to a registry
 * unit or keep the written name, add or remove; saved together (`PUT …/units`). The parent remounts
 * it (key) when the saved units change.
 */
export function NodeUnitsEditor({
  node,
  editor,
}: {
  node: PlanNode;
  editor: ReturnType<typeof usePlanEditor>;
}) {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[]>(() => toRows(node.units));
  const [problem, setProblem] = useState<string | null>(null);
  const update = (index: number, patch: Partial<Row>) => {
    setRows((prev) => prev.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  };

  const save = () => {
    if (rows.some((r) => r.name.trim() === "")) {
      setProblem(t("units.nameRequired"));
      return;
    }
    setProblem(null);
    const units = rows.map((r) => ({ name: r.name.trim(), orgUnitId: r.orgUnitId, isLead: r.isLead }));
    void editor.run({ kind: "units", nodeId: node.id, body: { units } });
  };

  return (
    <div className="node-units-editor">
      {rows.length === 0 && <Typography.Text type="secondary">{t("units.none")}</Typography.Text>}
      <ol className="unit-rows">
        {rows.map((row, index) => (
          <li key={row.key} className="unit-row">
            <Radio
              checked={row.isLead}
              aria-label={`${t("units.setLead")} ${row.name}`}
              onChange={() => {
                setRows((prev) => prev.map((r, i) => ({ ...r, isLead: i === index })));
              }}
            >
              {t("units.lead")}
            </Radio>
            <Input
              aria-label={`${t("units.name")} ${String(index + 1)}`}
              value={row.name}
              maxLength={100}
              status={row.name.trim() === "" ? "error" : undefined}
              onChange={(e) => {
                update(index, { name: e.target.value });
              }}
            />
            <Space.Compact size="small">
              <Tooltip title={t("units.moveUp")}>
                <Button
                  aria-label={t("units.moveUp")}
                  icon={<ArrowUpOutlined />}
                  disabled={index === 0}
                  onClick={() => {
                    setRows((prev) => move(prev, index, index - 1));
                  }}
                />
              </Tooltip>
              <Tooltip title={t("units.moveDown")}>
                <Button
                  aria-label={t("units.moveDown")}
                  icon={<ArrowDownOutlined />}
                  disabled={index === rows.length - 1}
                  onClick={() => {
                    setRows((prev) => move(prev, index, index + 1));
                  }}
                />
              </Tooltip>
              <Tooltip title={t("units.remove")}>
                <Button
                  aria-label={`${t("units.remove")} ${row.name}`}
                  icon={<DeleteOutlined />}
                  danger
                  onClick={() => {
                    setRows((prev) => prev.filter((_, i) => i !== index));
                  }}
                />
              </Tooltip>
            </Space.Compact>
            <RegistryUnitSelect
              ariaLabel={`${t("units.registry")} ${row.name}`}
              unit={row}
              onChange={(choice) => {
                update(index, { orgUnitId: choice?.orgUnitId ?? null, orgUnitName: choice?.name ?? null });
              }}
            />
          </li>
        ))}
      </ol>
      {problem !== null && (
        <Typography.Text type="danger" role="alert">
          {problem}
        </Typography.Text>
      )}
      <Space className="unit-actions">
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            setRows((prev) => [
              ...prev,
              {
                key: crypto.randomUUID(),
                name: "",
                isLead: prev.length === 0,
                orgUnitId: null,
                orgUnitName: null,
                suggestions: [],
              },
            ]);
          }}
        >
          {t("units.add")}
        </Button>
        <Button type="primary" onClick={save} loading={editor.isPending}>
          {t("units.save")}
        </Button>
      </Space>
    </div>
  );
}
