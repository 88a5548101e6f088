import { useState } from "react";
import { Alert, Button, DatePicker, Descriptions, Space, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useQueryClient } from "@tanstack/react-query";
import type { AttendanceDay } from "@luoshi/contracts";
import { useI18n } from "../../lib/i18n.tsx";
import { errorText } from "../../lib/error-text.ts";
import { chase, useDay } from "./api.ts";

type School = AttendanceDay["schools"][number];

/** 报送情况 (the bureau): who reported the day, who is missing (by 乡镇), absences by school; 催报. */
export function DayTab({ initialDate, canChase }: { initialDate: string | undefined; canChase: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(initialDate);
  const day = useDay(date);
  const [note, setNote] = useState<string | null>(null);
  if (day.error !== null) {
    return <Alert type="error" showIcon title={errorText(day.error, (_k, f) => f)} />;
  }
  const d = day.data;
  const runChase = async () => {
    if (d === undefined) {
      return;
    }
    try {
      const r = await chase(d.date);
      setNote(t("attendance.chased", { missing: r.missing, notified: r.notified }));
      await queryClient.invalidateQueries({ queryKey: ["attendance-day"] });
    } catch (e) {
      setNote(errorText(e, (_k, f) => f));
    }
  };
  const missing = (d?.schools ?? []).filter((s) => !s.reported);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Space wrap>
        <DatePicker
          allowClear={false}
          value={d === undefined ? null : dayjs(d.date)}
          disabledDate={(x) => x.isAfter(dayjs(), "day")}
          onChange={(x) => {
            if (x !== null) {
              setDate(x.format("YYYY-MM-DD"));
              setNote(null);
            }
          }}
        />
        {d !== undefined && (
          <Typography.Text type="secondary">
            {t("attendance.cutoff", { cutoff: d.cutoff })}
            {d.pastCutoff ? t("attendance.pastCutoff") : ""}
          </Typography.Text>
        )}
      </Space>
      {d !== undefined && d.summary.schools === 0 && (
        <Alert type="info" showIcon title={t("attendance.noSchools")} />
      )}
      {d !== undefined && d.summary.schools > 0 && (
        <>
          <Descriptions
            size="small"
            bordered
            column={{ xs: 1, md: 4 }}
            items={[
              { key: "s", label: t("attendance.schools"), children: d.summary.schools },
              { key: "r", label: t("attendance.reportedCount"), children: d.summary.reported },
              { key: "z", label: t("attendance.zeroCount"), children: d.summary.zeroReports },
              { key: "m", label: t("attendance.missingCount"), children: d.summary.missing },
              { key: "e", label: t("attendance.expected"), children: d.summary.expected },
              { key: "p", label: t("attendance.presentCount"), children: d.summary.present },
              {
                key: "a",
                label: t("attendance.absencesByReason"),
                span: 2,
                children: t("attendance.reasonCounts", d.summary.absences),
              },
            ]}
          />
          {missing.length > 0 && (
            <Space wrap>
              <Typography.Text strong>{t("attendance.missingTitle", { n: missing.length })}</Typography.Text>
              {canChase && <Button onClick={() => void runChase()}>{t("attendance.chase")}</Button>}
            </Space>
          )}
          {note !== null && <Alert type="info" showIcon title={note} />}
          <Table
            size="small"
            rowKey="township"
            pagination={false}
            dataSource={d.townships}
            columns={[
              { title: t("attendance.township"), dataIndex: "township" },
              { title: t("attendance.schools"), dataIndex: "schools" },
              { title: t("attendance.reportedCount"), dataIndex: "reported" },
              { title: t("attendance.missingCount"), dataIndex: "missing" },
            ]}
          />
          <Table<School>
            size="small"
            rowKey="unitId"
            dataSource={d.schools}
            pagination={{ pageSize: 50 }}
            columns={[
              {
                title: t("attendance.township"),
                dataIndex: "township",
                render: (v: string | null) => v ?? "—",
              },
              { title: t("attendance.school"), dataIndex: "schoolName" },
              {
                title: t("attendance.status"),
                render: (_v, s) =>
                  !s.reported ? (
                    <Tag color="red">{t("attendance.notReported")}</Tag>
                  ) : s.zeroReport ? (
                    <Tag color="green">{t("attendance.reportedZero")}</Tag>
                  ) : (
                    <Tag color="blue">{t("attendance.reported")}</Tag>
                  ),
              },
              { title: t("attendance.expected"), dataIndex: "expected" },
              { title: t("attendance.presentCount"), dataIndex: "present" },
              { title: t("attendance.reason.sick"), render: (_v, s) => s.absences.sick },
              { title: t("attendance.reason.personal"), render: (_v, s) => s.absences.personal },
              { title: t("attendance.reason.truant"), render: (_v, s) => s.absences.truant },
              { title: t("attendance.reason.unknown"), render: (_v, s) => s.absences.unknown },
            ]}
          />
        </>
      )}
    </Space>
  );
}
