import { useState } from "react";
import { Alert, App, Button, Card, List, Space, Tag, Typography } from "antd";
import type { SchoolCard } from "@luoshi/contracts";
import { useI18n } from "../../lib/i18n.tsx";
import { errorText } from "../../lib/error-text.ts";
import { downloadFile } from "../../lib/download.ts";
import { useSchoolCards } from "./api.ts";

/** The sign at a school's gate: the 责任督学, the phone, the duties and the 8 督导事项. */
function CardView({ card }: { card: SchoolCard }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const who = card.inspector;
  return (
    <Card
      size="small"
      title={t("inspection.cardTitle", { school: card.school.name })}
      extra={
        <Button
          size="small"
          onClick={() => {
            downloadFile(
              `/api/inspection/schools/${card.school.id}/card.docx`,
              `责任督学公示牌-${card.school.name}.docx`,
            ).catch((e: unknown) => void message.error(errorText(e, (_k, f) => f)));
          }}
        >
          {t("inspection.printCard")}
        </Button>
      }
    >
      {who === null ? (
        <Alert type="warning" showIcon title={t("inspection.noInspector")} />
      ) : (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Typography.Text strong>
            {t("inspection.responsible")}：{who.name} <Tag>{t(`inspection.kind.${who.kind}`)}</Tag>
          </Typography.Text>
          {who.zoneName !== "" && (
            <Typography.Text>
              {t("inspection.zone")}：{who.zoneName}
            </Typography.Text>
          )}
          <Typography.Text>
            {t("inspection.phone")}：{who.phone || "—"}
          </Typography.Text>
          <Typography.Text strong>{t("inspection.duties")}</Typography.Text>
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {who.duties.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ol>
        </Space>
      )}
      <Typography.Text strong style={{ display: "block", marginTop: 8 }}>
        {t("inspection.matters")}
      </Typography.Text>
      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
        {card.matters.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ol>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {card.note}
      </Typography.Paragraph>
    </Card>
  );
}

/** 挂牌公示: each school of the reader's scope with its 责任督学; one opens to the printable sign. */
export function CardsTab() {
  const { t } = useI18n();
  const cards = useSchoolCards();
  const [open, setOpen] = useState<string | null>(null);
  if (cards.error !== null) {
    return <Alert type="error" showIcon title={errorText(cards.error, (_k, f) => f)} />;
  }
  const items = cards.data?.items ?? [];
  const chosen = items.find((c) => c.school.id === open) ?? (items.length === 1 ? items[0] : undefined);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {items.length > 1 && (
        <List
          size="small"
          loading={cards.isFetching}
          dataSource={items}
          locale={{ emptyText: t("inspection.noSchools") }}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button
                  key="open"
                  size="small"
                  type="link"
                  onClick={() => {
                    setOpen(c.school.id);
                  }}
                >
                  {t("inspection.openCard")}
                </Button>,
              ]}
            >
              <Space wrap>
                {c.school.name}
                {c.inspector === null ? (
                  <Tag color="orange">{t("inspection.noInspectorShort")}</Tag>
                ) : (
                  <Tag>{c.inspector.name}</Tag>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
      {items.length === 0 && !cards.isFetching && (
        <Alert type="info" showIcon title={t("inspection.noSchools")} />
      )}
      {chosen !== undefined && <CardView card={chosen} />}
    </Space>
  );
}
