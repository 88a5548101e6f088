import { useState } from "react";
import { Alert, App, Button, Col, Row, Space, Spin } from "antd";
import { useParams } from "react-router";
import { ErrorResult } from "../../components/error-result.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useSessionUser } from "../../features/auth/api/session.ts";
import { useTask } from "../../features/ledger/api/tasks.ts";
import { LightTag, StateTag } from "../../features/ledger/components/ledger-labels.tsx";
import { ReportModal } from "../../features/ledger/components/report-modal.tsx";
import { TaskActions } from "../../features/ledger/components/task-actions.tsx";
import { TaskAdjustment } from "../../features/ledger/components/task-adjustment.tsx";
import { TaskCoSign } from "../../features/ledger/components/task-co-sign.tsx";
import { TaskEditButton } from "../../features/ledger/components/task-edit-modal.tsx";
import { TaskReports, TaskTimeline } from "../../features/ledger/components/task-history.tsx";
import { TaskInstructions } from "../../features/ledger/components/task-instructions.tsx";
import { TaskOverview } from "../../features/ledger/components/task-overview.tsx";
import { TaskDocuments } from "../../features/ledger/components/task-documents.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** /ledger/tasks/:id — one task: state and light, 督办依据, units, actions, reports, 批示, 调整. */
export function LedgerTaskRoute() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useSessionUser();
  const task = useTask(id);
  const [isReporting, setIsReporting] = useState(false);
  if (task.isError) {
    return <ErrorResult error={task.error} onRetry={() => void task.refetch()} />;
  }
  if (task.data === undefined) {
    return (
      <div className="page-spinner">
        <Spin />
      </div>
    );
  }
  const data = task.data;
  const can = (p: string) => user.permissions.includes(p);
  const isLead = data.leadUnit.id === user.orgUnit.id;
  const isUnit = isLead || data.coUnits.some((u) => u.id === user.orgUnit.id);
  const isOpen = data.state !== "closed" && data.state !== "suspended";
  return (
    <>
      <PageHeader
        title={data.title}
        extra={
          <Space wrap>
            <StateTag task={data} />
            <LightTag light={data.light} reason={data.lightReason} />
          </Space>
        }
      />
      <div className="task-toolbar">
        <Space wrap>
          <TaskActions task={data} />
          {data.canReport && (
            <Button
              onClick={() => {
                setIsReporting(true);
              }}
            >
              {t("report.title")}
            </Button>
          )}
          {data.canEdit && <TaskEditButton task={data} />}
        </Space>
        {data.closeRefusal !== null && (
          <Alert type="info" showIcon title={data.closeRefusal} className="task-close-refusal" />
        )}
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <TaskOverview
            task={data}
            canMarkMilestones={(isLead || can("task.review")) && isOpen && data.state !== "pending"}
          />
          <TaskCoSign task={data} />
          <TaskReports task={data} />
          <TaskInstructions
            task={data}
            canInstruct={can("task.instruct")}
            canReply={isUnit && can("task.report")}
          />
        </Col>
        <Col xs={24} lg={10}>
          <TaskDocuments task={data} />
          <TaskAdjustment
            task={data}
            canRequest={isLead && isOpen && can("task.report")}
            canDecide={can("task.review")}
          />
          <TaskTimeline task={data} />
        </Col>
      </Row>
      <ReportModal
        task={data}
        isLead={isLead}
        open={isReporting}
        onClose={() => {
          setIsReporting(false);
        }}
        onDone={() => void message.success(t("report.done"))}
      />
    </>
  );
}
