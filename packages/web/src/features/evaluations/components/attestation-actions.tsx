import { useRef, useState } from "react";
import { App, Button, Form, Input, InputNumber, Modal, Radio, Space, Tag, Tooltip, Typography } from "antd";
import type { AttestationView } from "@luoshi/contracts";
import { useCan, useSessionUser } from "../../auth/api/session.ts";
import { readFileAsBase64 } from "../../../lib/file-base64.ts";
import { errorText } from "../../../lib/error-text.ts";
import { useI18n } from "../../../lib/i18n.tsx";
import { useReviewAttestation, useSubmitAttestation, useUploadEvidence } from "../api/supervision.ts";

const MAX_BYTES = 10 * 1024 * 1024;
const REVIEW_COLORS = { pending: "processing", confirmed: "success", returned: "warning" } as const;

/** What an attestation is about: an indicator (G01 …) or a 一票否决 item. */
export interface AttestationTarget {
  orgUnitId: string;
  year: number;
  code: string;
  name: string;
  isVeto?: boolean;
  /** Whether a claimed figure makes sense (computable indicators). */
  hasValue?: boolean;
}

/** 审核状态 tag with who reviewed when. */
export function ReviewStateTag({ attestation }: { attestation: AttestationView | null }) {
  const { t } = useI18n();
  if (attestation === null) {
    return <Typography.Text type="secondary">{t("sup.review.none")}</Typography.Text>;
  }
  const tag = (
    <Tag color={REVIEW_COLORS[attestation.reviewState]}>{t(`sup.review.${attestation.reviewState}`)}</Tag>
  );
  if (attestation.reviewedBy === null || attestation.reviewedAt === null) {
    return tag;
  }
  return (
    <Tooltip
      title={[
        t("sup.review.by", {
          name: attestation.reviewedBy.name,
          at: new Date(attestation.reviewedAt).toLocaleString("zh-CN"),
        }),
        attestation.reviewComment ?? "",
      ]
        .filter((s) => s !== "")
        .join("；")}
    >
      {tag}
    </Tooltip>
  );
}

/** The evidence files as download links. */
export function EvidenceList({ attestation }: { attestation: AttestationView | null }) {
  const { t } = useI18n();
  if (attestation === null || attestation.evidence.length === 0) {
    return <Typography.Text type="secondary">{t("sup.evidence.none")}</Typography.Text>;
  }
  return (
    <Space orientation="vertical" size={0}>
      {attestation.evidence.map((e) => (
        <a key={e.id} href={`/api/evaluations/evidence/${encodeURIComponent(e.id)}`} download={e.fileName}>
          {e.fileName}
        </a>
      ))}
    </Space>
  );
}

interface SubmitValues {
  claimMet: boolean;
  claimedValue?: number | null;
  note?: string;
}

/** 申报, 上传佐证 and 审核 buttons for one item, as the user's permissions allow. */
export function AttestationActions({
  target,
  attestation,
}: {
  target: AttestationTarget;
  attestation: AttestationView | null;
}) {
  const { t, tOr } = useI18n();
  const { message } = App.useApp();
  const user = useSessionUser();
  const canWrite = useCan("evaluation.write");
  const canReview = useCan("evaluation.review");
  const submit = useSubmitAttestation();
  const upload = useUploadEvidence();
  const review = useReviewAttestation();
  const [isSubmitOpen, setSubmitOpen] = useState(false);
  const [isReviewOpen, setReviewOpen] = useState(false);
  const [submitForm] = Form.useForm<SubmitValues>();
  const [reviewForm] = Form.useForm<{ decision: "confirm" | "return"; comment?: string }>();
  const fileRef = useRef<HTMLInputElement>(null);
  const onError = (error: unknown) => void message.error(errorText(error, tOr));
  const isOwn = attestation?.submittedBy.id === user.id;

  const onFile = async (file: File | undefined) => {
    if (file === undefined || attestation === null) {
      return;
    }
    if (file.size > MAX_BYTES) {
      void message.error(t("sup.upload.tooLarge", { name: file.name }));
      return;
    }
    let contentBase64: string;
    try {
      contentBase64 = await readFileAsBase64(file);
    } catch {
      void message.error(t("sup.upload.readFailed"));
      return;
    }
    upload.mutate(
      { id: attestation.id, body: { fileName: file.name, contentBase64 } },
      { onSuccess: () => void message.success(t("sup.upload.ok")), onError },
    );
  };

  return (
    <Space size={4} wrap>
      {canWrite && (
        <Button
          size="small"
          onClick={() => {
            submitForm.setFieldsValue({
              claimMet: attestation?.claimMet ?? true,
              claimedValue: attestation?.claimedValue ?? null,
              note: attestation?.note ?? "",
            });
            setSubmitOpen(true);
          }}
        >
          {attestation === null ? t("sup.action.submit") : t("sup.action.resubmit")}
        </Button>
      )}
      {canWrite && attestation !== null && (
        <>
          <Button size="small" loading={upload.isPending} onClick={() => fileRef.current?.click()}>
            {t("sup.action.upload")}
          </Button>
          <input
            ref={fileRef}
            type="file"
            hidden
            aria-label={`${t("sup.upload.label")} ${target.code}`}
            accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              void onFile(file);
            }}
          />
        </>
      )}
      {canReview && attestation?.reviewState === "pending" && (
        <Tooltip title={isOwn ? t("sup.review.self") : undefined}>
          <Button
            size="small"
            type="primary"
            disabled={isOwn}
            onClick={() => {
              reviewForm.setFieldsValue({ decision: "confirm", comment: "" });
              setReviewOpen(true);
            }}
          >
            {t("sup.action.review")}
          </Button>
        </Tooltip>
      )}
      <Modal
        open={isSubmitOpen}
        title={t("sup.submit.title", { code: target.isVeto ? "" : target.code, name: target.name })}
        okText={t("sup.action.submit")}
        confirmLoading={submit.isPending}
        onCancel={() => {
          setSubmitOpen(false);
        }}
        onOk={() => {
          submitForm.submit();
        }}
        destroyOnHidden
      >
        <Form<SubmitValues>
          form={submitForm}
          layout="vertical"
          preserve={false}
          onFinish={(v) => {
            submit.mutate(
              {
                orgUnitId: target.orgUnitId,
                year: target.year,
                code: target.code,
                claimMet: v.claimMet,
                claimedValue: v.claimedValue ?? null,
                note: v.note ?? "",
              },
              {
                onSuccess: () => {
                  setSubmitOpen(false);
                  void message.success(t("sup.submit.ok"));
                },
                onError,
              },
            );
          }}
        >
          <Form.Item name="claimMet" label={t("sup.submit.claim")} rules={[{ required: true }]}>
            <Radio.Group>
              <Radio value={true}>
                {target.isVeto ? t("sup.submit.vetoFree") : t("sup.submit.claimMet")}
              </Radio>
              <Radio value={false}>
                {target.isVeto ? t("sup.submit.vetoPresent") : t("sup.submit.claimUnmet")}
              </Radio>
            </Radio.Group>
          </Form.Item>
          {target.hasValue === true && (
            <Form.Item name="claimedValue" label={t("sup.submit.value")}>
              <InputNumber min={0} step={0.01} style={{ width: 200 }} />
            </Form.Item>
          )}
          <Form.Item name="note" label={t("sup.submit.note")}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={isReviewOpen}
        title={t("sup.review.title", { code: target.isVeto ? "" : target.code, name: target.name })}
        okText={t("sup.action.review")}
        confirmLoading={review.isPending}
        onCancel={() => {
          setReviewOpen(false);
        }}
        onOk={() => {
          reviewForm.submit();
        }}
        destroyOnHidden
      >
        {attestation !== null && (
          <Typography.Paragraph>
            {attestation.claimMet ? t("sup.claim.met") : t("sup.claim.unmet")}
            {attestation.note !== "" && `；${t("sup.note", { note: attestation.note })}`}
          </Typography.Paragraph>
        )}
        <Form
          form={reviewForm}
          layout="vertical"
          preserve={false}
          onFinish={(v) => {
            if (attestation === null) {
              return;
            }
            review.mutate(
              { id: attestation.id, body: { decision: v.decision, comment: v.comment ?? "" } },
              {
                onSuccess: () => {
                  setReviewOpen(false);
                  void message.success(t("sup.review.ok"));
                },
                onError,
              },
            );
          }}
        >
          <Form.Item name="decision" label={t("sup.review.decision")} rules={[{ required: true }]}>
            <Radio.Group>
              <Radio value="confirm">{t("sup.review.confirm")}</Radio>
              <Radio value="return">{t("sup.review.return")}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="comment" label={t("sup.review.comment")}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
