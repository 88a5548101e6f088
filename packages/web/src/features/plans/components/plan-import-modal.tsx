import { useId, useState } from "react";
import { Alert, Button, Modal, Space, Typography } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import type { PlanDetail } from "@luoshi/contracts";
import { ApiError } from "../../../lib/api.ts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import type { MessageKey } from "../../../lib/i18n.tsx";
import { useImportPlan } from "../api/plans.ts";
import { readFileAsBase64 } from "../../../lib/file-base64.ts";
import { PLAN_FILE_ACCEPT, planFileProblem } from "../lib/plan-file.ts";
import type { PlanFileProblem } from "../lib/plan-file.ts";

const PROBLEM_KEYS: Record<Exclude<PlanFileProblem, null>, MessageKey> = {
  type: "plans.fileType",
  empty: "plans.fileEmpty",
  size: "plans.fileTooLarge",
};

/**
 * 导入文件: a real file input labelled 选择文件 (keyboard and test friendly), checked here for type
 * and size, read as base64 and posted; the server's own sentence (文件为空, 不是文本文件 …) shows on a 400.
 */
export function PlanImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (plan: PlanDetail) => void;
}) {
  const { t, tOr } = useI18n();
  const inputId = useId();
  const importPlan = useImportPlan();
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isReading, setIsReading] = useState(false);

  const close = () => {
    setFile(null);
    setProblem(null);
    importPlan.reset();
    onClose();
  };

  const pick = (picked: File | null) => {
    setFile(picked);
    const found = picked === null ? null : planFileProblem(picked);
    setProblem(found === null ? null : t(PROBLEM_KEYS[found]));
  };

  const start = async () => {
    if (file === null) {
      setProblem(t("plans.fileRequired"));
      return;
    }
    const found = planFileProblem(file);
    if (found !== null) {
      setProblem(t(PROBLEM_KEYS[found]));
      return;
    }
    setProblem(null);
    let contentBase64: string;
    setIsReading(true);
    try {
      contentBase64 = await readFileAsBase64(file);
    } catch {
      setProblem(t("plans.fileReadFailed"));
      return;
    } finally {
      setIsReading(false);
    }
    importPlan.mutate(
      { fileName: file.name, contentBase64 },
      {
        onSuccess: (plan) => {
          setFile(null);
          importPlan.reset();
          onImported(plan);
        },
        onError: (error) => {
          const fields = error instanceof ApiError ? error.fields.map((f) => f.message) : [];
          setProblem(fields.length > 0 ? fields.join("；") : errorText(error, tOr));
        },
      },
    );
  };

  const busy = isReading || importPlan.isPending;
  return (
    <Modal
      open={open}
      title={t("plans.importTitle")}
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>
          {t("common.cancel")}
        </Button>,
        <Button
          key="start"
          type="primary"
          icon={<UploadOutlined />}
          loading={busy}
          disabled={file === null}
          onClick={() => void start()}
        >
          {t("plans.startImport")}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary">{t("plans.importHint")}</Typography.Paragraph>
      {problem !== null && (
        <Alert type="error" showIcon role="alert" title={problem} className="form-alert" />
      )}
      <Space orientation="vertical" size={4} className="plan-file-picker">
        <label htmlFor={inputId} className="plan-file-label">
          {t("plans.chooseFile")}
        </label>
        <input
          id={inputId}
          type="file"
          accept={PLAN_FILE_ACCEPT}
          disabled={busy}
          onChange={(e) => {
            pick(e.target.files?.[0] ?? null);
          }}
        />
        <Typography.Text type="secondary">{file?.name ?? t("plans.noFile")}</Typography.Text>
      </Space>
    </Modal>
  );
}
