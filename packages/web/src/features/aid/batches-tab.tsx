import { useState } from "react";
import { Alert, Button, Input, Select, Space, Table, Tag, Typography, Upload } from "antd";
import type { AidMonitor } from "@luoshi/contracts";
import { useCan } from "../auth/api/session.ts";
import { downloadFile } from "../../lib/download.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { importReturn, post, useAidMonitor, useBatch, useBatches, useProgrammes } from "./api.ts";
import { useAct } from "./use-act.ts";

/** One batch: its lines, card numbers to their last four digits, and its return. */
function BatchLines({ id }: { id: string }) {
  const { t } = useI18n();
  const { data } = useBatch(id);
  const canManage = useCan("aid.manage");
  const canBank = useCan("aid.bankfile");
  const act = useAct();
  if (!data) {
    return null;
  }
  return (
    <div style={{ marginTop: 16 }}>
      <Space wrap style={{ marginBottom: 8 }}>
        {canBank && (
          <Button
            onClick={() => {
              act(() => downloadFile(`/api/aid/batches/${id}/bank-file.xlsx`, "bank-file.xlsx"));
            }}
          >
            {t("aid.bankFile")}
          </Button>
        )}
        {canManage && data.state === "open" && (
          <Upload
            accept=".xlsx,.csv"
            maxCount={1}
            showUploadList={false}
            beforeUpload={(f) => (act(() => importReturn(id, f)), false)}
          >
            <Button>{t("aid.returnFile")}</Button>
          </Upload>
        )}
        {canManage && data.failed > 0 && (
          <Button
            onClick={() => {
              act(() => post(`/api/aid/batches/${id}/reissue`));
            }}
          >
            {t("aid.reissue")}
          </Button>
        )}
      </Space>
      <Table
        rowKey="line"
        size="small"
        pagination={false}
        dataSource={data.payments}
        columns={[
          { title: t("aid.line"), dataIndex: "line" },
          { title: t("aid.pupil"), dataIndex: "name" },
          { title: t("aid.school"), dataIndex: "school" },
          { title: t("aid.bankCard"), dataIndex: "bankCard" },
          { title: t("aid.amount"), dataIndex: "amount" },
          {
            title: t("aid.state"),
            render: (_: unknown, p: { status: string; failure: string | null; reissued: boolean }) => (
              <Tag color={p.status === "paid" ? "green" : p.status === "failed" ? "red" : "default"}>
                {t(`aid.pay.${p.status}` as "aid.pay.paid")}
                {p.failure === null ? "" : `：${p.failure}`}
                {p.reissued ? t("aid.reissued") : ""}
              </Tag>
            ),
          },
        ]}
      />
    </div>
  );
}

/** 发放批次 and the budget reconciliation. */
export function BatchesTab({ year }: { year: number }) {
  const { t } = useI18n();
  const canManage = useCan("aid.manage");
  const programmes = useProgrammes(year);
  const { data, error } = useBatches();
  const [programmeId, setProgrammeId] = useState<string | undefined>(undefined);
  const [term, setTerm] = useState<1 | 2>(1);
  const [open, setOpen] = useState<string | null>(null);
  const act = useAct();
  return (
    <>
      <Typography.Paragraph type="secondary">{t("aid.batchesIntro")}</Typography.Paragraph>
      {canManage && (
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label={t("aid.programme")}
            placeholder={t("aid.chooseProgramme")}
            style={{ width: 300 }}
            value={programmeId}
            onChange={setProgrammeId}
            options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <Select
            aria-label={t("aid.term")}
            value={term}
            onChange={setTerm}
            options={[
              { value: 1, label: t("aid.term1") },
              { value: 2, label: t("aid.term2") },
            ]}
          />
          <Button
            type="primary"
            disabled={programmeId === undefined}
            onClick={() => {
              act(() => post("/api/aid/batches", { programmeId, term }));
            }}
          >
            {t("aid.createBatch")}
          </Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error.message} />}
      {(data?.budgets ?? []).map((b) => (
        <Alert
          key={b.programmeId}
          style={{ marginBottom: 8 }}
          type={b.within ? "success" : "error"}
          title={t("aid.reconcile", {
            programme: b.programmeName,
            committed: b.committed,
            budget: b.budget,
          })}
        />
      ))}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("aid.noBatches") }}
        columns={[
          { title: t("aid.programme"), dataIndex: "programmeName" },
          { title: t("aid.term"), dataIndex: "term" },
          { title: t("aid.lines"), dataIndex: "lines" },
          { title: t("aid.amount"), dataIndex: "amount" },
          { title: t("aid.paid"), dataIndex: "paidAmount" },
          { title: t("aid.failed"), dataIndex: "failed" },
          {
            title: "",
            render: (_: unknown, b: { id: string }) => (
              <Button
                size="small"
                onClick={() => {
                  setOpen(b.id);
                }}
              >
                {t("aid.open")}
              </Button>
            ),
          },
        ]}
      />
      {open !== null && <BatchLines id={open} />}
    </>
  );
}

/** 动态监测: every flag with its explanation; a school records why a listed pupil is not aided. */
export function MonitorTab({ year }: { year: number }) {
  const { t } = useI18n();
  const { data, error } = useAidMonitor(year);
  const canApplyHere = useCan("aid.apply");
  const canManageHere = useCan("aid.manage");
  const canReason = canApplyHere || canManageHere;
  const act = useAct();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  return (
    <>
      <Typography.Paragraph type="secondary">{t("aid.monitorIntro")}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<AidMonitor["flags"][number]>
        rowKey={(f) => `${f.kind}-${f.studentId}-${f.applicationIds.join(",")}`}
        size="small"
        pagination={false}
        dataSource={data?.flags ?? []}
        locale={{ emptyText: t("aid.noFlags") }}
        columns={[
          { title: t("aid.flag"), dataIndex: "kindLabel", render: (s: string) => <Tag color="red">{s}</Tag> },
          { title: t("aid.pupil"), dataIndex: "name" },
          { title: t("aid.school"), dataIndex: "school" },
          { title: t("aid.gradeClass"), dataIndex: "gradeClass" },
          { title: t("aid.explanation"), dataIndex: "explanation" },
          {
            title: "",
            render: (_: unknown, f: { kind: string; studentId: string }) =>
              canReason && f.kind === "unaided" ? (
                <Space.Compact>
                  <Input
                    size="small"
                    aria-label={t("aid.reason")}
                    placeholder={t("aid.reason")}
                    value={reasons[f.studentId] ?? ""}
                    onChange={(e) => {
                      setReasons({ ...reasons, [f.studentId]: e.target.value });
                    }}
                  />
                  <Button
                    size="small"
                    onClick={() => {
                      act(() =>
                        post("/api/aid/unaided-reasons", {
                          studentId: f.studentId,
                          schoolYear: year,
                          reason: reasons[f.studentId] ?? "",
                        }),
                      );
                    }}
                  >
                    {t("aid.saveReason")}
                  </Button>
                </Space.Compact>
              ) : null,
          },
        ]}
      />
    </>
  );
}
