import { Result, Tabs } from "antd";
import { PageHeader } from "../../components/page-header.tsx";
import { useCan } from "../../features/auth/api/session.ts";
import { StudentsTab } from "../../features/students/students-tab.tsx";
import { CrossCheckTab, ImportTab, MovementsTab } from "../../features/students/other-tabs.tsx";
import { useI18n } from "../../lib/i18n.tsx";
import { DropoutTab } from "../../features/dropout/dropout-tab.tsx";

/** /registries — 学籍: pupils (masked), import with preview, movements, cross-check with the statistics. */
export function StudentsRoute() {
  const { t } = useI18n();
  const canRead = useCan("pupil.read");
  const canWrite = useCan("pupil.write");
  if (!canRead) {
    return (
      <>
        <PageHeader title={t("students.title")} />
        <Result status="info" title={t("students.noAccess")} subTitle={t("students.noAccessHint")} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("students.title")} />
      <div className="panel">
        <Tabs
          items={[
            { key: "list", label: t("students.tabList"), children: <StudentsTab /> },
            ...(canWrite ? [{ key: "import", label: t("students.tabImport"), children: <ImportTab /> }] : []),
            { key: "movements", label: t("students.tabMovements"), children: <MovementsTab /> },
            { key: "cross", label: t("students.tabCrossCheck"), children: <CrossCheckTab /> },
            { key: "dropout", label: t("students.tabDropout"), children: <DropoutTab /> },
          ]}
        />
      </div>
    </>
  );
}
