import { useId, useState } from "react";
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Space, Typography } from "antd";
import type { TaskReportBody, TaskSummary } from "@luoshi/contracts";
import { ApiError } from "../../../lib/api.ts";
import { errorText } from "../../../lib/error-text.ts";
import { toFormErrors } from "../../../lib/form-errors.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { readFileAsBase64 } from "../../../lib/file-base64.ts";
import { useTaskChange } from "../api/tasks.ts";
import { recentPeriods } from "../lib/period.ts";

const MAX_BYTES = 10 * 1024 * 1024;
const FIELDS = ["period", "progress", "text", "problems", "nextSteps"] as const;

interface Values {
  period: string;
  progress: number;
  text: string;
  problems?: string;
  nextSteps?: string;
  isConsolidated?: boolean;
}

/**
 * 报送进展: 周期, 进展 %, 进展情况, 存在问题, 下步打算, 附件 (a real file input labelled 上传附件, sent as
 * base64) and, for the lead unit, 汇总报告.
 */
export function ReportModal({
  task,
  isLead,
  open,
  onClose,
  onDone,
}: {
  task: Pick<TaskSummary, "id" | "title" | "frequency" | "progress">;
  isLead: boolean;
  open: boolean;
  onClose: () => void;
  onDone?: () => void;
}) {
  const { t, tOr } = useI18n();
  const formId = useId();
  const fileId = useId();
  const [form] = Form.useForm<Values>();
  const change = useTaskChange(task.id);
  const [files, setFiles] = useState<File[]>([]);
  const [alert, setAlert] = useState<string | null>(null);
  const [isReading, setIsReading] = useState(false);
  const periods = recentPeriods(task.frequency, new Date());

  const close = () => {
    form.resetFields();
    setFiles([]);
    setAlert(null);
    change.reset();
    onClose();
  };

  const pick = (list: FileList | null) => {
    const picked = list === null ? [] : [...list];
    setFiles(picked);
    const big = picked.find((f) => f.size > MAX_BYTES);
    setAlert(
      big !== undefined
        ? t("report.fileTooLarge", { name: big.name })
        : picked.length > 10
          ? t("report.tooManyFiles")
          : null,
    );
  };

  const submit = async (values: Values) => {
    if (files.length > 10 || files.some((f) => f.size > MAX_BYTES)) {
      return;
    }
    setIsReading(true);
    let attachments: { fileName: string; contentBase64: string }[];
    try {
      attachments = await Promise.all(
        files.map(async (f) => ({ fileName: f.name, contentBase64: await readFileAsBase64(f) })),
      );
    } catch {
      setAlert(t("plans.fileReadFailed"));
      return;
    } finally {
      setIsReading(false);
    }
    const body: TaskReportBody = {
      period: values.period,
      progress: values.progress,
      text: values.text,
      problems: values.problems ?? "",
      nextSteps: values.nextSteps ?? "",
      isConsolidated: isLead && values.isConsolidated === true,
      attachments,
    };
    change.mutate(
      { kind: "report", body },
      {
        onSuccess: () => {
          close();
          onDone?.();
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fields.length > 0) {
            const { fields, unknown } = toFormErrors(error.fields, FIELDS);
            form.setFields(fields);
            setAlert(unknown.length > 0 ? unknown.join("；") : null);
            return;
          }
          setAlert(errorText(error, tOr));
        },
      },
    );
  };

  // A report at 100% is the 办结报告 that 提请销号 needs: the form says so by its title.
  const isFinal = Form.useWatch("progress", form) === 100;
  return (
    <Modal
      open={open}
      title={`${isFinal ? t("report.finalTitle") : t("report.title")}：${task.title}`}
      onCancel={close}
      destroyOnHidden
      width={640}
      footer={[
        <Button key="cancel" onClick={close}>
          {t("common.cancel")}
        </Button>,
        <Button
          key="ok"
          type="primary"
          htmlType="submit"
          form={formId}
          loading={isReading || change.isPending}
        >
          {t("report.submit")}
        </Button>,
      ]}
    >
      {alert !== null && <Alert type="error" showIcon role="alert" title={alert} className="form-alert" />}
      <Form<Values>
        id={formId}
        form={form}
        layout="vertical"
        initialValues={{ period: periods[0], progress: task.progress, isConsolidated: isLead }}
        onFinish={(v) => void submit(v)}
      >
        <Space wrap size="large">
          <Form.Item label={t("report.period")} name="period" rules={[{ required: true }]}>
            <Select className="filter-select" options={periods.map((p) => ({ value: p, label: p }))} />
          </Form.Item>
          <Form.Item
            label={t("report.progress")}
            name="progress"
            rules={[{ required: true }]}
            extra={t("report.finalHint")}
          >
            <InputNumber min={0} max={100} precision={0} />
          </Form.Item>
        </Space>
        <Form.Item label={t("report.text")} name="text" rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
        <Form.Item label={t("report.problems")} name="problems">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item label={t("report.nextSteps")} name="nextSteps">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <div className="report-files">
          <label htmlFor={fileId} className="plan-file-label">
            {t("report.attachments")}
          </label>
          <input
            id={fileId}
            type="file"
            multiple
            onChange={(e) => {
              pick(e.target.files);
            }}
          />
          <Typography.Text type="secondary">
            {files.length === 0 ? t("report.noFiles") : files.map((f) => f.name).join("、")}
          </Typography.Text>
        </div>
        {isLead && (
          <Form.Item name="isConsolidated" valuePropName="checked">
            <Checkbox>{t("report.consolidated")}</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
