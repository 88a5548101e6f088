import { useId, useState } from "react";
import type { SyntheticEvent } from "react";
import { Alert, Input, Modal, Typography } from "antd";
import type { PlanNode } from "@luoshi/contracts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { usePlanEditor } from "./use-plan-editor.ts";

/**
 * 拆分: the node's own text in a read-only box where the caret marks where the new sibling begins
 * (an offset of the source text), and the new item's title. Mounted only while open.
 */
export function NodeSplitModal({
  node,
  text,
  editor,
  onClose,
}: {
  node: PlanNode;
  /** The whole source text; the node's part is `span`. */
  text: string;
  editor: ReturnType<typeof usePlanEditor>;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const textId = useId();
  const titleId = useId();
  const own = text.slice(node.span[0], node.span[1]);
  const [caret, setCaret] = useState<number | null>(null);
  const [title, setTitle] = useState("");
  const [problem, setProblem] = useState<string | null>(null);

  const track = (event: SyntheticEvent<HTMLTextAreaElement>) => {
    setCaret(event.currentTarget.selectionStart);
  };

  const submit = async () => {
    if (caret === null || caret <= 0 || caret >= own.length) {
      setProblem(t("node.splitBadOffset"));
      return;
    }
    if (title.trim() === "") {
      setProblem(t("node.titleRequired"));
      return;
    }
    setProblem(null);
    const done = await editor.run({
      kind: "split",
      nodeId: node.id,
      body: { offset: node.span[0] + caret, title: title.trim() },
    });
    if (done !== undefined) {
      onClose();
    }
  };

  return (
    <Modal
      open
      width={720}
      title={t("node.splitTitle")}
      okText={t("node.split")}
      cancelText={t("common.cancel")}
      confirmLoading={editor.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t("node.splitHint")}</Typography.Paragraph>
      {problem !== null && (
        <Alert type="error" showIcon role="alert" title={problem} className="form-alert" />
      )}
      <label htmlFor={textId} className="field-label">
        {t("node.splitText")}
      </label>
      <Input.TextArea
        id={textId}
        readOnly
        value={own}
        autoSize={{ minRows: 6, maxRows: 16 }}
        onSelect={track}
        onClick={track}
        onKeyUp={track}
      />
      <Typography.Paragraph type="secondary" className="split-caret">
        {caret === null ? t("node.splitAtNone") : t("node.splitAt", { offset: caret })}
      </Typography.Paragraph>
      <label htmlFor={titleId} className="field-label">
        {t("node.splitNewTitle")}
      </label>
      <Input
        id={titleId}
        value={title}
        maxLength={500}
        onChange={(e) => {
          setTitle(e.target.value);
        }}
      />
    </Modal>
  );
}
