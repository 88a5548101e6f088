import { Tabs } from "antd";
import { useSearchParams } from "react-router";
import { AreaYearBar, useAreaYear } from "../../components/area-year-bar.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { GovernmentTab } from "../../features/evaluations/components/government-tab.tsx";
import { OverallTab } from "../../features/evaluations/components/overall-tab.tsx";
import { PassPlanTab } from "../../features/evaluations/components/pass-plan-tab.tsx";
import { PreschoolTab } from "../../features/evaluations/components/preschool-tab.tsx";
import { QualityTab } from "../../features/evaluations/components/quality-tab.tsx";
import { RecognitionTab } from "../../features/evaluations/components/recognition-tab.tsx";
import { ResourceTab } from "../../features/evaluations/components/resource-tab.tsx";
import { ScenarioTab } from "../../features/evaluations/components/scenario-tab.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/**
 * /evaluations — 督导评估: 义务教育优质均衡 (资源配置 with explainable 差异系数, the pass plan,
 * scenarios, 政府保障程度, 教育质量, 社会认可度) and 学前教育普及普惠, for one county and year.
 */
export function EvaluationsRoute() {
  const { t } = useI18n();
  const area = useAreaYear();
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "resource";
  const { unit, year } = area;
  const panes = [
    { key: "resource", label: t("eval.tab.resource"), Pane: ResourceTab },
    { key: "pass-plan", label: t("eval.tab.passPlan"), Pane: PassPlanTab },
    { key: "scenario", label: t("eval.tab.scenario"), Pane: ScenarioTab },
    { key: "government", label: t("sup.tab.government"), Pane: GovernmentTab },
    { key: "quality", label: t("sup.tab.quality"), Pane: QualityTab },
    { key: "recognition", label: t("sup.tab.recognition"), Pane: RecognitionTab },
    { key: "preschool", label: t("sup.tab.preschool"), Pane: PreschoolTab },
    { key: "overall", label: t("sup.tab.overall"), Pane: OverallTab },
  ];
  return (
    <>
      <PageHeader title={t("eval.title")} extra={<AreaYearBar value={area} />} />
      <Tabs
        activeKey={tab}
        destroyOnHidden
        items={panes.map(({ key, label, Pane }) => ({
          key,
          label,
          children: unit && <Pane unit={unit} year={year} />,
        }))}
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
