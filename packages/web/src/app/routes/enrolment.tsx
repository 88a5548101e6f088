import { useState } from "react";
import { Button, Space, Tabs } from "antd";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/page-header.tsx";
import { CatchmentTab, CompareTab, YearSelect } from "../../features/enrolment/catchment-tab.tsx";
import { ApplicationsTab } from "../../features/enrolment/applications-tab.tsx";
import { LotteryTab } from "../../features/enrolment/lottery-tab.tsx";
import { ClassesTab } from "../../features/enrolment/classes-tab.tsx";
import { useCan } from "../../features/auth/api/session.ts";
import { useI18n } from "../../lib/i18n.tsx";

/**
 * /enrolment — 招生入学: the year's 学区 (公示, printable), its change from the year before; the bureau
 * imports and edits the list. `?year=2026` opens a given year.
 */
export function EnrolmentRoute() {
  const { t } = useI18n();
  const canManage = useCan("enrolment.manage");
  const canReadPupils = useCan("pupil.read");
  const [params] = useSearchParams();
  const asked = Number(params.get("year"));
  const [year, setYear] = useState(
    Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : new Date().getFullYear(),
  );
  return (
    <>
      <PageHeader
        title={t("enrolment.title")}
        extra={
          <Space className="no-print">
            <YearSelect year={year} onChange={setYear} />
            <Button
              onClick={() => {
                window.print();
              }}
            >
              {t("enrolment.print")}
            </Button>
          </Space>
        }
      />
      <div className="panel">
        <Tabs
          items={[
            {
              key: "catchments",
              label: t("enrolment.tabCatchments"),
              children: <CatchmentTab year={year} />,
            },
            { key: "compare", label: t("enrolment.tabCompare"), children: <CompareTab year={year} /> },
            {
              key: "applications",
              label: t("enrolment.tabApplications"),
              children: <ApplicationsTab year={year} />,
            },
            ...(canReadPupils
              ? [
                  {
                    key: "lottery",
                    label: t("enrolment.tabLottery"),
                    children: <LotteryTab year={year} canManage={canManage} />,
                  },
                ]
              : []),
            ...(canManage
              ? [{ key: "classes", label: t("enrolment.tabClasses"), children: <ClassesTab year={year} /> }]
              : []),
          ]}
        />
      </div>
    </>
  );
}
