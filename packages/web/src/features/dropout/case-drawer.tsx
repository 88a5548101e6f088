import { useState } from "react";
import {
  Alert,
  Button,
  Descriptions,
  Drawer,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from "antd";
import type { CaseDetail } from "@luoshi/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useCan, useSessionUser } from "../auth/api/session.ts";
import { OrgUnitSelect } from "../org/components/org-unit-select.tsx";
import { useI18n, type MessageKey } from "../../lib/i18n.tsx";
import { caseActions, useCase } from "./api.ts";

const LIGHT_COLORS: Record<string, string> = {
  red: "red",
  yellow: "gold",
  blue: "blue",
  green: "green",
  grey: "default",
};
const STEP_KINDS = ["homeVisit", "persuasion", "return", "homeTeaching", "writtenNotice", "legal"] as const;
const OUTCOMES: Record<string, string[]> = {
  persuasion: ["succeeded", "failed"],
  legal: ["penalty", "lawsuit"],
};

/** The light as a coloured tag with its reason. */
export function LightTag({ light, reason }: { light: string; reason: string }) {
  return <Tag color={LIGHT_COLORS[light] ?? "default"}>{reason}</Tag>;
}

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** Records one open step: day, outcome where the kind needs one, note, evidence. */
function RecordStep({
  detail,
  stepId,
  kind,
  onDone,
}: {
  detail: CaseDetail;
  stepId: string;
  kind: string;
  onDone: (d: CaseDetail) => void;
}) {
  const { t } = useI18n();
  const [note, setNote] = useState("");
  const [evidence, setEvidence] = useState("");
  const [outcome, setOutcome] = useState<string | null>(null);
  const outcomes = OUTCOMES[kind] ?? [];
  return (
    <Space wrap>
      {outcomes.length > 0 && (
        <Select
          aria-label={t("dropout.outcome")}
          placeholder={t("dropout.outcome")}
          style={{ width: 120 }}
          value={outcome}
          onChange={setOutcome}
          options={outcomes.map((o) => ({ value: o, label: t(`dropout.outcome.${o}` as MessageKey) }))}
        />
      )}
      <Input
        aria-label={t("dropout.note")}
        placeholder={t("dropout.note")}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
        }}
      />
      <Input
        aria-label={t("dropout.evidence")}
        placeholder={t("dropout.evidence")}
        value={evidence}
        onChange={(e) => {
          setEvidence(e.target.value);
        }}
      />
      <Button
        type="primary"
        onClick={() => {
          caseActions
            .record(detail.id, stepId, { doneOn: today(), outcome, note, evidence })
            .then(onDone)
            .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
        }}
      >
        {t("dropout.recordDone")}
      </Button>
    </Space>
  );
}

/** The steps of a case with their lights; an open step can be recorded by those who write. */
function Steps({
  detail,
  canWrite,
  onChange,
}: {
  detail: CaseDetail;
  canWrite: boolean;
  onChange: (d: CaseDetail) => void;
}) {
  const { t } = useI18n();
  const [kind, setKind] = useState<string>("homeVisit");
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.steps}
        locale={{ emptyText: t("dropout.noSteps") }}
        columns={[
          { title: t("dropout.stepKind"), dataIndex: "kindLabel" },
          { title: t("dropout.deadline"), dataIndex: "deadline" },
          {
            title: t("dropout.light"),
            render: (_v, s) => <LightTag light={s.light} reason={s.lightReason} />,
          },
          {
            title: t("dropout.record"),
            render: (_v, s) =>
              s.doneOn !== null ? (
                <span>
                  {s.doneOn} {s.outcomeLabel ?? ""} {s.note} {s.evidence === "" ? "" : `（${s.evidence}）`}
                </span>
              ) : canWrite && detail.state !== "closed" ? (
                <RecordStep detail={detail} stepId={s.id} kind={s.kind} onDone={onChange} />
              ) : (
                t("dropout.pending")
              ),
          },
        ]}
      />
      {canWrite && detail.state !== "closed" && (
        <Space style={{ marginTop: 8 }}>
          <Select
            aria-label={t("dropout.stepKind")}
            style={{ width: 220 }}
            value={kind}
            onChange={setKind}
            options={STEP_KINDS.map((k) => ({ value: k, label: t(`dropout.step.${k}` as MessageKey) }))}
          />
          <Button
            onClick={() => {
              caseActions
                .addStep(detail.id, kind)
                .then(onChange)
                .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
            }}
          >
            {t("dropout.addStep")}
          </Button>
        </Space>
      )}
    </>
  );
}

/** The bureau names the school responsible for a case (an unmatched child's case starts at the area). */
function AssignSchool({ detail, onDone }: { detail: CaseDetail; onDone: (d: CaseDetail) => void }) {
  const { t } = useI18n();
  const [school, setSchool] = useState<string | undefined>(undefined);
  return (
    <Space style={{ marginTop: 12, display: "flex" }} wrap>
      <div style={{ width: 320 }}>
        <OrgUnitSelect
          id="dropout-case-school"
          kind="school"
          value={school}
          onChange={setSchool}
          placeholder={t("dropout.pickSchool")}
        />
      </div>
      <Button
        disabled={school === undefined}
        onClick={() => {
          caseActions
            .update(detail.id, { schoolId: school })
            .then(onDone)
            .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
        }}
      >
        {t("dropout.assignSchool")}
      </Button>
    </Space>
  );
}

/** One case in a drawer: child (masked), cause, 七长, plan, steps; 销号 and the audited unmask. */
export function CaseDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const canWrite = useCan("pupil.write");
  const canVerify = useCan("dropout.verify");
  const canUnmask = useCan("pupil.unmasked");
  const atSchool = useSessionUser().orgUnit.kind === "school";
  const { data, error } = useCase(id);
  const [shown, setShown] = useState<CaseDetail | null>(null);
  const [reason, setReason] = useState("");
  const detail = shown !== null && shown.id === id ? shown : data;
  const changed = (d: CaseDetail) => {
    setShown(d);
    void queryClient.invalidateQueries({ queryKey: ["dropout-cases"] });
    void queryClient.invalidateQueries({ queryKey: ["dropout-monitor"] });
  };
  return (
    <Drawer
      open={id !== null}
      onClose={() => {
        setShown(null);
        onClose();
      }}
      size="large"
      title={t("dropout.caseTitle")}
    >
      {error !== null && <Alert type="error" title={error.message} />}
      {detail !== undefined && (
        <>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t("dropout.child")}>{detail.name}</Descriptions.Item>
            <Descriptions.Item label={t("dropout.idNumber")}>{detail.idNumber ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("dropout.cause")}>{detail.causeLabel}</Descriptions.Item>
            <Descriptions.Item label={t("dropout.state")}>
              {detail.stateLabel} <LightTag light={detail.light} reason={detail.lightReason} />
            </Descriptions.Item>
            <Descriptions.Item label={t("dropout.unit")}>{detail.unitName}</Descriptions.Item>
            <Descriptions.Item
              label={t("dropout.place")}
            >{`${detail.township} ${detail.village}`}</Descriptions.Item>
            {detail.causeNote !== "" && (
              <Descriptions.Item label={t("dropout.causeNote")} span={2}>
                {detail.causeNote}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("dropout.plan")} span={2}>
              {detail.plan === "" ? t("dropout.noPlan") : detail.plan}
            </Descriptions.Item>
          </Descriptions>
          {canWrite && !atSchool && detail.state !== "closed" && (
            <AssignSchool detail={detail} onDone={changed} />
          )}
          <Typography.Title level={5}>{t("dropout.sevenHeads")}</Typography.Title>
          <Descriptions size="small" column={4}>
            {detail.people.map((p) => (
              <Descriptions.Item key={p.role} label={p.label}>
                {p.name === "" ? t("dropout.unnamed") : p.name}
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Title level={5}>{t("dropout.steps")}</Typography.Title>
          <Steps detail={detail} canWrite={canWrite} onChange={changed} />
          {canVerify && detail.state !== "closed" && (
            <Space style={{ marginTop: 12 }}>
              <Button
                type="primary"
                disabled={detail.closeRefusal !== null}
                onClick={() => {
                  caseActions
                    .close(detail.id)
                    .then(changed)
                    .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
                }}
              >
                {t("dropout.close")}
              </Button>
              {detail.closeRefusal !== null && (
                <Typography.Text type="secondary">{detail.closeRefusal}</Typography.Text>
              )}
            </Space>
          )}
          {canUnmask && detail.masked && (
            <Space style={{ marginTop: 12, display: "flex" }}>
              <Input
                aria-label={t("dropout.unmaskReason")}
                placeholder={t("dropout.unmaskReason")}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                }}
              />
              <Button
                onClick={() => {
                  caseActions
                    .unmask(detail.id, reason)
                    .then(setShown)
                    .catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
                }}
              >
                {t("dropout.unmask")}
              </Button>
            </Space>
          )}
        </>
      )}
    </Drawer>
  );
}
