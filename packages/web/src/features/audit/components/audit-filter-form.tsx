import { Button, DatePicker, Form, Input } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import { useI18n } from "../../../lib/i18n.tsx";
import { auditExportUrl } from "../api/audit.ts";
import type { AuditFilters } from "../api/audit.ts";

interface Values {
  actor?: string;
  entityType?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters(values: Values): AuditFilters {
  const [from, to] = values.range ?? [null, null];
  return {
    actor: values.actor?.trim() ?? "",
    entityType: values.entityType?.trim() ?? "",
    from: from?.format("YYYY-MM-DD") ?? "",
    to: to?.format("YYYY-MM-DD") ?? "",
  };
}

/** 操作人 / 对象类型 / 日期范围 filters, 查询 / 重置, and 导出CSV with the same filters. */
export function AuditFilterForm({
  filters,
  canExport,
  onChange,
}: {
  filters: AuditFilters;
  canExport: boolean;
  onChange: (filters: AuditFilters) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  return (
    <Form<Values>
      form={form}
      layout="inline"
      className="filter-form"
      onFinish={(v) => {
        onChange(toFilters(v));
      }}
    >
      <Form.Item label={t("audit.actor")} name="actor">
        <Input placeholder={t("audit.actorPlaceholder")} allowClear maxLength={64} />
      </Form.Item>
      <Form.Item label={t("audit.entityType")} name="entityType">
        <Input placeholder={t("audit.entityTypePlaceholder")} allowClear maxLength={64} />
      </Form.Item>
      <Form.Item label={t("audit.dateRange")} name="range">
        <DatePicker.RangePicker allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t("common.search")}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t("common.reset")}
        </Button>
      </Form.Item>
      {canExport && (
        <Form.Item>
          <Button icon={<DownloadOutlined />} href={auditExportUrl(filters)} download>
            {t("audit.export")}
          </Button>
        </Form.Item>
      )}
    </Form>
  );
}
