import { useState } from "react";
import { Alert, Button, Collapse, DatePicker, Select, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../../lib/i18n.tsx";
import { errorText } from "../../lib/error-text.ts";
import { reportDay, useSheet } from "./api.ts";

const REASONS = ["sick", "personal", "truant", "unknown"] as const;

/** 报送考勤 (a school): each class's pupils; mark who is absent and why, then report (none: 零报告). */
export function ReportTab({ initialDate }: { initialDate: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(initialDate);
  const sheet = useSheet(date);
  // the pupils' marks as changed here, over what the school reported earlier that day
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const absent: Record<string, string> = {};
  for (const c of sheet.data?.classes ?? []) {
    for (const p of c.pupils) {
      const mark = edits[p.id] ?? p.absence ?? "present";
      if (mark !== "present") {
        absent[p.id] = mark;
      }
    }
  }
  const entries = Object.entries(absent);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await reportDay(
        date,
        entries.map(([studentId, reason]) => ({ studentId, reason })),
      );
      setDone(
        r.zeroReport
          ? t("attendance.doneZero", { expected: r.expected })
          : t("attendance.done", { expected: r.expected, present: r.present, flags: r.flagsRaised }),
      );
      await queryClient.invalidateQueries({ queryKey: ["attendance-sheet"] });
      setEdits({});
    } catch (e) {
      setError(errorText(e, (_k, fallback) => fallback));
    } finally {
      setBusy(false);
    }
  };
  if (sheet.error !== null) {
    return <Alert type="error" showIcon title={errorText(sheet.error, (_k, f) => f)} />;
  }
  const classes = sheet.data?.classes ?? [];
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Typography.Paragraph type="secondary">{t("attendance.reportHint")}</Typography.Paragraph>
      <Space wrap>
        <DatePicker
          allowClear={false}
          value={dayjs(date)}
          disabledDate={(d) => d.isAfter(dayjs(), "day")}
          onChange={(d) => {
            if (d !== null) {
              setDate(d.format("YYYY-MM-DD"));
              setEdits({});
              setDone(null);
            }
          }}
        />
        {sheet.data?.reported === true ? (
          <Tag color="green">
            {sheet.data.zeroReport ? t("attendance.reportedZero") : t("attendance.reported")}
          </Tag>
        ) : (
          <Tag color="orange">{t("attendance.notReported")}</Tag>
        )}
      </Space>
      {done !== null && <Alert type="success" showIcon title={done} />}
      {error !== null && <Alert type="error" showIcon title={error} />}
      {classes.length === 0 && !sheet.isLoading ? (
        <Alert type="info" showIcon title={t("attendance.noPupils")} />
      ) : (
        <Collapse
          items={classes.map((c) => {
            const away = c.pupils.filter((p) => absent[p.id] !== undefined).length;
            return {
              key: `${c.level}-${String(c.grade)}-${c.className}`,
              label: t("attendance.classLabel", {
                grade: c.gradeLabel,
                className: c.className,
                expected: c.pupils.length,
                present: c.pupils.length - away,
              }),
              children: (
                <Space orientation="vertical" style={{ width: "100%" }}>
                  {c.pupils.map((p) => (
                    <Space key={p.id} data-pupil={p.name}>
                      <span style={{ display: "inline-block", minWidth: 96 }}>{p.name}</span>
                      {p.leftBehind && <Tag>{t("attendance.leftBehind")}</Tag>}
                      <Select
                        aria-label={t("attendance.reasonFor", { name: p.name })}
                        style={{ width: 140 }}
                        value={absent[p.id] ?? "present"}
                        options={[
                          { value: "present", label: t("attendance.present") },
                          ...REASONS.map((r) => ({ value: r, label: t(`attendance.reason.${r}`) })),
                        ]}
                        onChange={(v: string) => {
                          setEdits((prev) => ({ ...prev, [p.id]: v }));
                        }}
                      />
                    </Space>
                  ))}
                </Space>
              ),
            };
          })}
        />
      )}
      <Button type="primary" loading={busy} disabled={classes.length === 0} onClick={() => void submit()}>
        {entries.length === 0 ? t("attendance.submitZero") : t("attendance.submit", { n: entries.length })}
      </Button>
    </Space>
  );
}
