import { Button, Result, Tabs } from "antd";
import { useNavigate, useSearchParams } from "react-router";
import type { OrgUnit } from "@luoshi/contracts";
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

/** What a school or 责任单位 user sees instead of an evaluation: why, and where its own figures are. */
function NotAnArea({ unit }: { unit: OrgUnit }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t("eval.title")} />
      <Result
        status="info"
        title={t("eval.notArea.title")}
        subTitle={t("eval.notArea.text", { unit: unit.name, kind: unit.kindLabel })}
        extra={
          <Button type="primary" onClick={() => void navigate("/indicators")}>
            {t("eval.notArea.indicators")}
          </Button>
        }
      />
    </>
  );
}

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
  if (unit !== undefined && (unit.kind === "school" || unit.kind === "department")) {
    // A school or a 责任单位 sees only itself: a "county" of one unit would be a wrong evaluation.
    return <NotAnArea unit={unit} />;
  }
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
