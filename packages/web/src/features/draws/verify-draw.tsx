import { useState } from "react";
import { Alert, Button, Descriptions, Form, Input, Space, Table, Typography } from "antd";
import { readCsv } from "@luoshi/common";
import {
  compareWithPublished,
  DRAW_ALGORITHM,
  DrawInputError,
  drawFromText,
  publishedRows,
  type DrawResult,
} from "@luoshi/common/draw";
import { useI18n } from "../../lib/i18n.tsx";

interface VerifyValues {
  labels?: string;
  entropy?: string;
  reveal?: string;
  commitment?: string;
  published?: string;
}

interface Outcome {
  result: DrawResult;
  /** null when no published result was pasted; otherwise the differing rows (empty = agrees). */
  problems: string[] | null;
}

function recompute(values: VerifyValues): Outcome {
  const result = drawFromText({
    labels: values.labels ?? "",
    entropy: values.entropy ?? "",
    ...(values.reveal === undefined ? {} : { reveal: values.reveal }),
    ...(values.commitment === undefined ? {} : { commitment: values.commitment }),
  });
  const published = values.published?.trim() ?? "";
  return {
    result,
    problems:
      published === "" ? null : compareWithPublished(result, publishedRows(readCsv(published).records)),
  };
}

/**
 * 抽签验证: re-runs a published draw (摇号, 分班, 双随机) in the visitor's browser from the published list
 * and public numbers, and compares it with the published result. Nothing is sent to the server.
 */
export function VerifyDraw() {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onFinish = (values: VerifyValues) => {
    try {
      setOutcome(recompute(values));
      setError(null);
    } catch (e) {
      setOutcome(null);
      setError(e instanceof DrawInputError ? e.message : String(e));
    }
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: "100%" }}>
      <Typography.Paragraph>{t("draw.intro", { algorithm: DRAW_ALGORITHM })}</Typography.Paragraph>
      <Form<VerifyValues> layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="labels"
          label={t("draw.labels")}
          extra={t("draw.labelsHelp")}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={6} />
        </Form.Item>
        <Form.Item
          name="entropy"
          label={t("draw.entropy")}
          extra={t("draw.entropyHelp")}
          rules={[{ required: true }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="reveal" label={t("draw.reveal")}>
            <Input style={{ width: 360 }} />
          </Form.Item>
          <Form.Item name="commitment" label={t("draw.commitment")}>
            <Input style={{ width: 360 }} />
          </Form.Item>
        </Space>
        <Form.Item name="published" label={t("draw.published")} extra={t("draw.publishedHelp")}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t("draw.run")}
        </Button>
      </Form>
      {error !== null && <Alert type="error" showIcon title={t("draw.failed")} description={error} />}
      {outcome !== null && (
        <>
          {outcome.problems !== null &&
            (outcome.problems.length === 0 ? (
              <Alert
                type="success"
                showIcon
                title={t("draw.agrees", { count: outcome.result.order.length })}
              />
            ) : (
              <Alert
                type="error"
                showIcon
                title={t("draw.differs", { count: outcome.problems.length })}
                description={outcome.problems.slice(0, 20).join("；")}
              />
            ))}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t("draw.digest")}>
              <Typography.Text code>{outcome.result.listDigest}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("draw.key")}>
              <Typography.Text code>{outcome.result.entropyKey}</Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="label"
            dataSource={[...outcome.result.order]}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t("draw.rank"), dataIndex: "rank", width: 80 },
              { title: t("draw.label"), dataIndex: "label" },
              { title: t("draw.position"), dataIndex: "position" },
            ]}
          />
        </>
      )}
    </Space>
  );
}
