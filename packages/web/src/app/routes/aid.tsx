import { useState } from "react";
import { InputNumber, Result, Tabs } from "antd";
import { PageHeader } from "../../components/page-header.tsx";
import { useCan } from "../../features/auth/api/session.ts";
import { ApplicationsTab } from "../../features/aid/applications-tab.tsx";
import { BatchesTab, MonitorTab } from "../../features/aid/batches-tab.tsx";
import { ProgrammesTab } from "../../features/aid/programmes-tab.tsx";
import { PublicityTab } from "../../features/aid/publicity-tab.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** The school year a date falls in (a 学年 starts in September). */
const schoolYearOf = (d: Date) => (d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1);

/**
 * /aid — 学生资助: programmes and lists (资助中心), 申请 and 民主评议 (school), 公示, 审核, 发放批次 with the
 * bank file and 回盘, and 动态监测. Each role sees the tabs and buttons its permissions allow.
 */
export function AidRoute() {
  const { t } = useI18n();
  const canRead = useCan("aid.read");
  const [year, setYear] = useState(schoolYearOf(new Date()));
  if (!canRead) {
    return (
      <>
        <PageHeader title={t("aid.title")} />
        <Result status="info" title={t("aid.noAccess")} subTitle={t("aid.noAccessHint")} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t("aid.title")}
        extra={
          <InputNumber
            aria-label={t("aid.schoolYear")}
            prefix={t("aid.schoolYear")}
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => {
              setYear(v ?? year);
            }}
          />
        }
      />
      <div className="panel">
        <Tabs
          items={[
            { key: "programmes", label: t("aid.tabProgrammes"), children: <ProgrammesTab year={year} /> },
            {
              key: "applications",
              label: t("aid.tabApplications"),
              children: <ApplicationsTab year={year} />,
            },
            { key: "publicity", label: t("aid.tabPublicity"), children: <PublicityTab year={year} /> },
            { key: "batches", label: t("aid.tabBatches"), children: <BatchesTab year={year} /> },
            { key: "monitor", label: t("aid.tabMonitor"), children: <MonitorTab year={year} /> },
          ]}
        />
      </div>
    </>
  );
}
