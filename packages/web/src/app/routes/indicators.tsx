import { Tabs } from "antd";
import { useSearchParams } from "react-router";
import { AreaYearBar, useAreaYear } from "../../components/area-year-bar.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useCan } from "../../features/auth/api/session.ts";
import { DashboardTab } from "../../features/stats/components/dashboard-tab.tsx";
import { ImportTab } from "../../features/stats/components/import-tab.tsx";
import { TargetsTab } from "../../features/stats/components/targets-tab.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/** /indicators — 指标监测: the indicator dashboard, plan targets against their indicators, data import. */
export function IndicatorsRoute() {
  const { t } = useI18n();
  const area = useAreaYear();
  const canImport = useCan("stats.write");
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "dashboard";
  const { unit, year } = area;
  const items = [
    {
      key: "dashboard",
      label: t("ind.tab.dashboard"),
      children: unit && <DashboardTab unit={unit} year={year} />,
    },
    { key: "targets", label: t("tgt.tab"), children: unit && <TargetsTab unit={unit} year={year} /> },
    ...(canImport
      ? [{ key: "import", label: t("imp.tab"), children: <ImportTab year={year} unit={unit} /> }]
      : []),
  ];
  return (
    <>
      <PageHeader title={t("ind.title")} extra={<AreaYearBar value={area} />} />
      <Tabs
        activeKey={tab}
        items={items}
        destroyOnHidden
        onChange={(key) => {
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.set("tab", key);
              return next;
            },
            { replace: true },
          );
        }}
      />
    </>
  );
}
