import { Result, Tabs } from "antd";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { useCan, useSessionUser } from "../../features/auth/api/session.ts";
import { DayTab } from "../../features/attendance/day-tab.tsx";
import { FlagsTab } from "../../features/attendance/flags-tab.tsx";
import { ReportTab } from "../../features/attendance/report-tab.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** Today in China, YYYY-MM-DD. */
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * /attendance — 日考勤、日报告: a school reports its day; the bureau sees who reported and who is missing,
 * chases, and reads the risk flags. `?date=YYYY-MM-DD` opens a given day.
 */
export function AttendanceRoute() {
  const { t } = useI18n();
  const user = useSessionUser();
  const canRead = useCan("pupil.read");
  const canWrite = useCan("pupil.write");
  const [params] = useSearchParams();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(params.get("date") ?? "")
    ? (params.get("date") ?? undefined)
    : undefined;
  if (!canRead) {
    return (
      <>
        <PageHeader title={t("attendance.title")} />
        <Result status="info" title={t("attendance.noAccess")} subTitle={t("attendance.noAccessHint")} />
      </>
    );
  }
  const isSchool = user.orgUnit.kind === "school";
  return (
    <>
      <PageHeader title={t("attendance.title")} />
      <div className="panel">
        <Tabs
          items={[
            ...(isSchool && canWrite
              ? [
                  {
                    key: "report",
                    label: t("attendance.tabReport"),
                    children: <ReportTab initialDate={date ?? chinaToday()} />,
                  },
                ]
              : []),
            ...(isSchool
              ? []
              : [
                  {
                    key: "day",
                    label: t("attendance.tabDay"),
                    children: <DayTab initialDate={date} canChase={canWrite} />,
                  },
                ]),
            { key: "flags", label: t("attendance.tabFlags"), children: <FlagsTab /> },
          ]}
        />
      </div>
    </>
  );
}
