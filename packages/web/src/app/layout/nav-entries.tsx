import type { ReactNode } from "react";
import {
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileTextOutlined,
  FileSearchOutlined,
  CalendarOutlined,
  ProfileOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  EnvironmentOutlined,
  WalletOutlined,
  SafetyCertificateOutlined,
} from "@ant-design/icons";
import type { NavEntry } from "../../lib/nav.ts";

/** The side menu, in the order bureau staff work: plans → ledger → indicators → evaluations. */
export const NAV_ENTRIES: readonly NavEntry[] = [
  { key: "dashboard", label: "nav.dashboard", path: "/" },
  { key: "plans", label: "nav.plans", path: "/plans", permission: "plan.read" },
  {
    key: "ledger",
    label: "nav.ledger",
    children: [
      { key: "ledgerList", label: "nav.ledgerList", path: "/ledger", permission: "task.read" },
      { key: "ledgerMine", label: "nav.ledgerMine", path: "/ledger/mine", permission: "task.read" },
      {
        key: "ledgerDispatch",
        label: "nav.ledgerDispatch",
        path: "/ledger/dispatch",
        permission: "task.read",
      },
      {
        key: "ledgerBulletin",
        label: "nav.ledgerBulletin",
        path: "/ledger/bulletin",
        permission: "task.read",
      },
      {
        key: "ledgerScoreboard",
        label: "nav.ledgerScoreboard",
        path: "/ledger/scoreboard",
        permission: "task.read",
      },
    ],
  },
  { key: "indicators", label: "nav.indicators", path: "/indicators", permission: "stats.read" },
  { key: "evaluations", label: "nav.evaluations", path: "/evaluations", permission: "evaluation.read" },
  { key: "registries", label: "nav.registries", path: "/registries", permission: "stats.read" },
  { key: "attendance", label: "nav.attendance", path: "/attendance", permission: "pupil.read" },
  { key: "aid", label: "nav.aid", path: "/aid", permission: "aid.read" },
  { key: "inspection", label: "nav.inspection", path: "/inspection", permission: "inspection.read" },
  { key: "org", label: "nav.org", path: "/org", permission: "org.read" },
  { key: "audit", label: "nav.audit", path: "/audit", permission: "audit.read" },
  {
    key: "admin",
    label: "nav.admin",
    children: [{ key: "users", label: "nav.users", path: "/admin/users", permission: "user.read" }],
  },
  { key: "enrolment", label: "nav.enrolment", path: "/enrolment", permission: "org.read" },
];

/** Menu icons by entry key. */
export const NAV_ICONS: Record<string, ReactNode> = {
  dashboard: <DashboardOutlined />,
  plans: <FileTextOutlined />,
  ledger: <ProfileOutlined />,
  indicators: <BarChartOutlined />,
  evaluations: <SolutionOutlined />,
  registries: <FileSearchOutlined />,
  attendance: <CalendarOutlined />,
  aid: <WalletOutlined />,
  org: <ClusterOutlined />,
  audit: <AuditOutlined />,
  admin: <SettingOutlined />,
  users: <TeamOutlined />,
  enrolment: <EnvironmentOutlined />,
  inspection: <SafetyCertificateOutlined />,
};
