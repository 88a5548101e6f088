import { useState } from "react";
import { Button, Space } from "antd";
import type { OrgUnitDetail } from "@luoshi/contracts";
import { useCan } from "../../auth/api/session.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { OrgUnitActionModal, type OrgUnitMode } from "./org-unit-action-modal.tsx";

/** The changes a unit offers a user with org.write; nothing for anyone else. */
export function OrgUnitActions({ unit }: { unit: OrgUnitDetail }) {
  const { t } = useI18n();
  const canWrite = useCan("org.write");
  const [mode, setMode] = useState<OrgUnitMode | null>(null);
  if (!canWrite) {
    return null;
  }
  const open = unit.status === "open";
  const isTop = unit.ancestors.length === 0;
  // Every kind but a school may have units below it; the server checks which kinds.
  const canAdd = open && unit.kind !== "school";
  const movable = open && ["school", "department", "township"].includes(unit.kind);
  const button = (m: OrgUnitMode, label: Parameters<typeof t>[0], danger = false) => (
    <Button
      key={m}
      size="small"
      danger={danger}
      onClick={() => {
        setMode(m);
      }}
    >
      {t(label)}
    </Button>
  );
  return (
    <>
      <Space wrap className="org-unit-actions">
        {canAdd && button("create", "org.add")}
        {open && button("edit", "org.edit")}
        {movable && button("move", "org.move")}
        {open && unit.kind === "school" && button("merge", "org.merge", true)}
        {open && !isTop && button("close", "org.close", true)}
        {!open && button("reopen", "org.reopen")}
      </Space>
      {mode !== null && (
        <OrgUnitActionModal
          mode={mode}
          unit={unit}
          onClose={() => {
            setMode(null);
          }}
        />
      )}
    </>
  );
}
