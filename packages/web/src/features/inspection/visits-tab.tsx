import { useState } from "react";
import { Alert, App, Button, Card, Empty, Input, List, Space, Tag, Typography } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import type { VisitDetail } from "@luoshi/contracts";
import { useI18n } from "../../lib/i18n.tsx";
import { errorText } from "../../lib/error-text.ts";
import { downloadFile } from "../../lib/download.ts";
import { issueNotice, recheck, useVisit, useVisits } from "./api.ts";

type Finding = VisitDetail["findings"][number];
type TaskState = "pending" | "assigned" | "inProgress" | "underReview" | "closed" | "suspended";
const SEVERITY_COLORS = { minor: "blue", major: "orange", serious: "red" } as const;

/** One finding: severity, repeated flag, its 整改 task and, for the 督学, the 复查 buttons. */
function FindingCard({
  finding,
  canRecheck,
  onDone,
}: {
  finding: Finding;
  canRecheck: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [note, setNote] = useState("");
  const act = (result: "passed" | "failed") => {
    recheck(finding.id, result, note)
      .then(() => {
        message.success(t("inspection.rechecked"));
        onDone();
      })
      .catch((e: unknown) => void message.error(errorText(e, (_k, f) => f)));
  };
  const task = finding.task;
  return (
    <Card size="small" data-finding-id={finding.id}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Tag color={SEVERITY_COLORS[finding.severity]}>{t(`inspection.severity.${finding.severity}`)}</Tag>
          {finding.repeatOf !== null && <Tag color="red">{t("inspection.repeated")}</Tag>}
          {finding.recheck !== null && (
            <Tag color={finding.recheck === "passed" ? "green" : "red"}>
              {t(`inspection.recheck.${finding.recheck}`)}
            </Tag>
          )}
        </Space>
        <Typography.Text>
          {finding.area}：{finding.text}
        </Typography.Text>
        {task !== null && (
          <Typography.Text type="secondary">
            {t("inspection.taskLine", { deadline: task.deadline })}{" "}
            <Link to={`/ledger/tasks/${task.id}`}>{t(`state.${task.state as TaskState}`)}</Link>
          </Typography.Text>
        )}
        {canRecheck && task?.state === "underReview" && (
          <Space orientation="vertical" style={{ width: "100%" }}>
            <Input
              placeholder={t("inspection.recheckNote")}
              value={note}
              onChange={(e) => {
                setNote(e.target.value);
              }}
            />
            <Space>
              <Button
                type="primary"
                onClick={() => {
                  act("passed");
                }}
              >
                {t("inspection.recheckPass")}
              </Button>
              <Button
                danger
                onClick={() => {
                  act("failed");
                }}
              >
                {t("inspection.recheckFail")}
              </Button>
            </Space>
          </Space>
        )}
      </Space>
    </Card>
  );
}

/** One visit: the findings, the 整改通知书 (issue once, then download), the photos. */
function VisitView({ id, canVisit }: { id: string; canVisit: boolean }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const visit = useVisit(id);
  const [busy, setBusy] = useState(false);
  if (visit.error !== null) {
    return <Alert type="error" showIcon title={errorText(visit.error, (_k, f) => f)} />;
  }
  const v = visit.data;
  if (v === undefined) {
    return null;
  }
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ["inspection-visit", id] });
  return (
    <Card size="small" title={`${v.school.name} · ${v.visitedOn}`}>
      <Space orientation="vertical" style={{ width: "100%" }}>
        <Typography.Text type="secondary">
          {v.inspector.name} · {v.checklist.title}（
          {t("inspection.version", { version: v.checklist.version })}）
        </Typography.Text>
        {v.summary !== "" && <Typography.Paragraph>{v.summary}</Typography.Paragraph>}
        {v.findings.length === 0 && <Alert type="success" showIcon title={t("inspection.noFindings")} />}
        {v.findings.map((f) => (
          <FindingCard key={f.id} finding={f} canRecheck={canVisit} onDone={refresh} />
        ))}
        {v.photos.length > 0 && (
          <Space wrap>
            {v.photos.map((p) => (
              <img
                key={p.id}
                src={`/api/inspection/photos/${p.id}`}
                alt={p.fileName}
                style={{ width: 96, height: 96, objectFit: "cover" }}
              />
            ))}
          </Space>
        )}
        {v.noticeId === null && v.findings.length > 0 && canVisit && (
          <Button
            type="primary"
            loading={busy}
            onClick={() => {
              setBusy(true);
              issueNotice(id)
                .then(() => {
                  message.success(t("inspection.noticeIssued"));
                  refresh();
                })
                .catch((e: unknown) => void message.error(errorText(e, (_k, f) => f)))
                .finally(() => {
                  setBusy(false);
                });
            }}
          >
            {t("inspection.issueNotice")}
          </Button>
        )}
        {v.noticeId !== null && (
          <Button
            onClick={() => {
              downloadFile(`/api/inspection/notices/${v.noticeId ?? ""}/docx`, "整改通知书.docx").catch(
                (e: unknown) => void message.error(errorText(e, (_k, f) => f)),
              );
            }}
          >
            {t("inspection.downloadNotice")}
          </Button>
        )}
      </Space>
    </Card>
  );
}

/** 督导记录: the visits within the reader's scope; one opens with its findings and 整改. */
export function VisitsTab({ canVisit, openId }: { canVisit: boolean; openId: string | null }) {
  const { t } = useI18n();
  const visits = useVisits();
  const [open, setOpen] = useState<string | null>(openId);
  if (visits.error !== null) {
    return <Alert type="error" showIcon title={errorText(visits.error, (_k, f) => f)} />;
  }
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      {open !== null && <VisitView id={open} canVisit={canVisit} />}
      <List
        size="small"
        loading={visits.isFetching}
        dataSource={visits.data?.items ?? []}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("inspection.noVisits")} />,
        }}
        renderItem={(v) => (
          <List.Item
            actions={[
              <Button
                key="open"
                type="link"
                size="small"
                onClick={() => {
                  setOpen(v.id);
                }}
              >
                {t("inspection.openVisit")}
              </Button>,
            ]}
          >
            <Space wrap>
              {v.visitedOn} {v.school.name}
              <Tag>{v.inspector.name}</Tag>
              {v.findingCount > 0 && (
                <Tag color="orange">{t("inspection.findingCount", { count: v.findingCount })}</Tag>
              )}
              {v.noticeId !== null && <Tag color="blue">{t("inspection.noticeIssuedShort")}</Tag>}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}
