import { Result, Tag } from "antd";
import { ToolOutlined } from "@ant-design/icons";
import { PageHeader } from "./page-header.tsx";
import { useI18n } from "../lib/i18n.tsx";
import type { MessageKey } from "../lib/i18n.tsx";

/** A module still being built: its name, 建设中, and one line on what it will do. No sample data. */
export function ComingSoon({ title, description }: { title: MessageKey; description: MessageKey }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t(title)} />
      <div className="panel">
        <Result
          icon={<ToolOutlined />}
          title={<Tag color="processing">{t("soon.title")}</Tag>}
          subTitle={t(description)}
        />
      </div>
    </>
  );
}
