import { useState } from "react";
import { Alert, Button, DatePicker, Input, List, Select, Space, Table, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import type { AidPublicityList } from "@luoshi/contracts";
import { useCan } from "../auth/api/session.ts";
import { useI18n } from "../../lib/i18n.tsx";
import { post, useProgrammes, usePublicities, usePublicity } from "./api.ts";
import { useAct } from "./use-act.ts";

/** One 公示 as printed (masked name, school, class, 档次 only) with its objections. */
function PublicitySheet({ id }: { id: string }) {
  const { t } = useI18n();
  const { data, error } = usePublicity(id);
  const canApplyHere = useCan("aid.apply");
  const canManageHere = useCan("aid.manage");
  const canAnswer = canApplyHere || canManageHere;
  const act = useAct();
  const [text, setText] = useState("");
  const [answers, setAnswers] = useState<Record<string, string>>({});
  if (error) {
    return <Alert type="error" showIcon title={error.message} />;
  }
  if (!data) {
    return null;
  }
  return (
    <div className="aid-publicity" style={{ marginTop: 16 }}>
      <Typography.Title level={4} style={{ textAlign: "center" }}>
        {t("aid.publicityTitle", { school: data.schoolName, programme: data.programmeName })}
      </Typography.Title>
      <Typography.Paragraph>
        {t("aid.publicityPeriod", { from: data.startsOn, to: data.endsOn, days: data.workingDays })}
      </Typography.Paragraph>
      <Table
        rowKey={(r) => `${r.name}-${r.gradeClass}-${r.tier}`}
        size="small"
        pagination={false}
        dataSource={data.items}
        columns={[
          { title: t("aid.pupil"), dataIndex: "name" },
          { title: t("aid.school"), dataIndex: "school" },
          { title: t("aid.gradeClass"), dataIndex: "gradeClass" },
          { title: t("aid.tier"), dataIndex: "tier" },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t("aid.publicityNote")}
      </Typography.Paragraph>
      <Space className="no-print" style={{ marginBottom: 8 }}>
        <Button
          onClick={() => {
            window.print();
          }}
        >
          {t("aid.print")}
        </Button>
      </Space>
      <div className="no-print">
        <Typography.Title level={5}>{t("aid.objections")}</Typography.Title>
        <List
          size="small"
          locale={{ emptyText: t("aid.noObjections") }}
          dataSource={data.objections}
          renderItem={(o) => (
            <List.Item>
              <Space orientation="vertical" style={{ width: "100%" }}>
                <span>{o.text}</span>
                {o.answer !== null ? (
                  <Tag color="green">{t("aid.answered", { answer: o.answer })}</Tag>
                ) : (
                  canAnswer && (
                    <Space.Compact style={{ width: "100%" }}>
                      <Input
                        aria-label={t("aid.answer")}
                        value={answers[o.id] ?? ""}
                        onChange={(e) => {
                          setAnswers({ ...answers, [o.id]: e.target.value });
                        }}
                      />
                      <Button
                        onClick={() => {
                          act(() =>
                            post(`/api/aid/publicities/${id}/objections/${o.id}/answer`, {
                              answer: answers[o.id] ?? "",
                            }),
                          );
                        }}
                      >
                        {t("aid.answer")}
                      </Button>
                    </Space.Compact>
                  )
                )}
              </Space>
            </List.Item>
          )}
        />
        {canAnswer && (
          <Space.Compact style={{ width: "100%", marginTop: 8 }}>
            <Input
              aria-label={t("aid.objection")}
              placeholder={t("aid.objectionHint")}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
              }}
            />
            <Button
              onClick={() => {
                act(
                  () => post(`/api/aid/publicities/${id}/objections`, { text }),
                  () => {
                    setText("");
                  },
                );
              }}
            >
              {t("aid.logObjection")}
            </Button>
          </Space.Compact>
        )}
      </div>
    </div>
  );
}

/** 公示: the school publishes its recommended applications; everyone in scope reads and prints. */
export function PublicityTab({ year }: { year: number }) {
  const { t } = useI18n();
  const canApply = useCan("aid.apply");
  const programmes = useProgrammes(year);
  const { data, error } = usePublicities();
  const [programmeId, setProgrammeId] = useState<string | undefined>(undefined);
  const [start, setStart] = useState<Dayjs | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const act = useAct();
  return (
    <>
      <Typography.Paragraph type="secondary" className="no-print">
        {t("aid.publicityIntro")}
      </Typography.Paragraph>
      {canApply && (
        <Space wrap className="no-print" style={{ marginBottom: 12 }}>
          <Select
            aria-label={t("aid.programme")}
            placeholder={t("aid.chooseProgramme")}
            style={{ width: 300 }}
            value={programmeId}
            onChange={setProgrammeId}
            options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
          <DatePicker aria-label={t("aid.startsOn")} value={start} onChange={setStart} />
          <Button
            type="primary"
            disabled={programmeId === undefined || start === null}
            onClick={() => {
              act(() =>
                post("/api/aid/publicities", {
                  programmeId,
                  startsOn: start?.format("YYYY-MM-DD"),
                  workingDays: 5,
                }),
              );
            }}
          >
            {t("aid.publish")}
          </Button>
        </Space>
      )}
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<AidPublicityList["items"][number]>
        className="no-print"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t("aid.noPublicities") }}
        columns={[
          { title: t("aid.school"), dataIndex: "schoolName" },
          { title: t("aid.programme"), dataIndex: "programmeName" },
          {
            title: t("aid.period"),
            render: (_: unknown, p: { startsOn: string; endsOn: string }) => `${p.startsOn} ~ ${p.endsOn}`,
          },
          { title: t("aid.count"), dataIndex: "count" },
          {
            title: t("aid.state"),
            render: (_: unknown, p: { over: boolean }) =>
              p.over ? t("aid.publicityOver") : t("aid.publicityRunning"),
          },
          {
            title: "",
            render: (_: unknown, p: { id: string }) => (
              <Button
                size="small"
                onClick={() => {
                  setOpen(p.id);
                }}
              >
                {t("aid.open")}
              </Button>
            ),
          },
        ]}
      />
      {open !== null && <PublicitySheet id={open} />}
    </>
  );
}
