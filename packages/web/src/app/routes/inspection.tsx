import { useState } from "react";
import { Tabs } from "antd";
import { PageHeader } from "../../components/page-header.tsx";
import { useCan } from "../../features/auth/api/session.ts";
import { CardsTab } from "../../features/inspection/cards-tab.tsx";
import { ChecklistsTab } from "../../features/inspection/checklists-tab.tsx";
import { RosterTab } from "../../features/inspection/roster-tab.tsx";
import { VisitTab } from "../../features/inspection/visit-tab.tsx";
import { VisitsTab } from "../../features/inspection/visits-tab.tsx";
import { useI18n } from "../../lib/i18n.tsx";

/**
 * /inspection — 督导: the 责任督学 roster (the 督导室 names each 督学's 责任区) and each school's 挂牌
 * card. A 督学 sees the schools of the 责任区, a school its own card.
 */
export function InspectionRoute() {
  const { t } = useI18n();
  const canManage = useCan("inspection.manage");
  const canVisit = useCan("inspection.visit");
  const [tab, setTab] = useState(canVisit ? "visit" : "visits");
  const [sent, setSent] = useState<string | null>(null);
  return (
    <>
      <PageHeader title={t("inspection.title")} />
      <div className="panel">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            ...(canVisit
              ? [
                  {
                    key: "visit",
                    label: t("inspection.tabVisit"),
                    children: (
                      <VisitTab
                        onSent={(id) => {
                          setSent(id);
                          setTab("visits");
                        }}
                      />
                    ),
                  },
                ]
              : []),
            {
              key: "visits",
              label: t("inspection.tabVisits"),
              children: <VisitsTab key={sent ?? ""} canVisit={canVisit} openId={sent} />,
            },
            { key: "cards", label: t("inspection.tabCards"), children: <CardsTab /> },
            {
              key: "checklists",
              label: t("inspection.tabChecklists"),
              children: <ChecklistsTab canManage={canManage} />,
            },
            {
              key: "roster",
              label: t("inspection.tabRoster"),
              children: <RosterTab canManage={canManage} />,
            },
          ]}
        />
      </div>
    </>
  );
}
