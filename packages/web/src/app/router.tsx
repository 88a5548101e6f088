import { lazy } from "react";
import type { ReactNode } from "react";
import { createBrowserRouter } from "react-router";
import type { RouteObject } from "react-router";
import { NotFoundPage } from "../components/status-pages.tsx";
import type { MessageKey } from "../lib/i18n.tsx";
import { MainLayout } from "./layout/main-layout.tsx";
import type { RouteHandle } from "./layout/app-breadcrumb.tsx";
import { RequireAuth, RequirePermission } from "./require-auth.tsx";
import { StandaloneSuspense } from "./routes/standalone-suspense.tsx";

// Route pages load on demand; each becomes its own chunk.
const LoginRoute = lazy(() => import("./routes/login.tsx").then((m) => ({ default: m.LoginRoute })));
const VerifyDrawRoute = lazy(() =>
  import("./routes/verify-draw.tsx").then((m) => ({ default: m.VerifyDrawRoute })),
);
const SetupRoute = lazy(() => import("./routes/setup.tsx").then((m) => ({ default: m.SetupRoute })));
const PasswordRoute = lazy(() => import("./routes/password.tsx").then((m) => ({ default: m.PasswordRoute })));
const AccountRoute = lazy(() => import("./routes/account.tsx").then((m) => ({ default: m.AccountRoute })));
const DashboardRoute = lazy(() =>
  import("./routes/dashboard.tsx").then((m) => ({ default: m.DashboardRoute })),
);
const OrgRoute = lazy(() => import("./routes/org.tsx").then((m) => ({ default: m.OrgRoute })));
const AuditRoute = lazy(() => import("./routes/audit.tsx").then((m) => ({ default: m.AuditRoute })));
const PlansRoute = lazy(() => import("./routes/plans.tsx").then((m) => ({ default: m.PlansRoute })));
const PlanRoute = lazy(() => import("./routes/plan.tsx").then((m) => ({ default: m.PlanRoute })));
const PlanAdoptRoute = lazy(() =>
  import("./routes/plan-adopt.tsx").then((m) => ({ default: m.PlanAdoptRoute })),
);
const PlanReportRoute = lazy(() =>
  import("./routes/plan-report.tsx").then((m) => ({ default: m.PlanReportRoute })),
);
const LedgerRoute = lazy(() => import("./routes/ledger.tsx").then((m) => ({ default: m.LedgerRoute })));
const LedgerMineRoute = lazy(() =>
  import("./routes/ledger-mine.tsx").then((m) => ({ default: m.LedgerMineRoute })),
);
const LedgerTaskRoute = lazy(() =>
  import("./routes/ledger-task.tsx").then((m) => ({ default: m.LedgerTaskRoute })),
);
const LedgerDispatchRoute = lazy(() =>
  import("./routes/ledger-dispatch.tsx").then((m) => ({ default: m.LedgerDispatchRoute })),
);
const LedgerBulletinRoute = lazy(() =>
  import("./routes/ledger-bulletin.tsx").then((m) => ({ default: m.LedgerBulletinRoute })),
);
const LedgerScoreboardRoute = lazy(() =>
  import("./routes/ledger-scoreboard.tsx").then((m) => ({ default: m.LedgerScoreboardRoute })),
);
const IndicatorsRoute = lazy(() =>
  import("./routes/indicators.tsx").then((m) => ({ default: m.IndicatorsRoute })),
);
const EvaluationsRoute = lazy(() =>
  import("./routes/evaluations.tsx").then((m) => ({ default: m.EvaluationsRoute })),
);
const PlanBatchRoute = lazy(() =>
  import("./routes/plan-batch.tsx").then((m) => ({ default: m.PlanBatchRoute })),
);
const MessagesRoute = lazy(() => import("./routes/messages.tsx").then((m) => ({ default: m.MessagesRoute })));
const AttendanceRoute = lazy(() =>
  import("./routes/attendance.tsx").then((m) => ({ default: m.AttendanceRoute })),
);
const StudentsRoute = lazy(() => import("./routes/students.tsx").then((m) => ({ default: m.StudentsRoute })));
const EnrolmentRoute = lazy(() =>
  import("./routes/enrolment.tsx").then((m) => ({ default: m.EnrolmentRoute })),
);
const AidRoute = lazy(() => import("./routes/aid.tsx").then((m) => ({ default: m.AidRoute })));
const InspectionRoute = lazy(() =>
  import("./routes/inspection.tsx").then((m) => ({ default: m.InspectionRoute })),
);
const UsersRoute = lazy(() => import("./routes/admin-users.tsx").then((m) => ({ default: m.UsersRoute })));

function guarded(path: string, permission: string, crumbs: MessageKey[], page: ReactNode): RouteObject {
  const handle: RouteHandle = { crumbs };
  return { path, handle, element: <RequirePermission permission={permission}>{page}</RequirePermission> };
}

/** Every address the web answers. Permissions here mirror the menu; the server checks again. */
const routes: RouteObject[] = [
  {
    path: "/login",
    element: (
      <StandaloneSuspense>
        <LoginRoute />
      </StandaloneSuspense>
    ),
  },
  {
    path: "/verify-draw",
    element: (
      <StandaloneSuspense>
        <VerifyDrawRoute />
      </StandaloneSuspense>
    ),
  },
  {
    path: "/setup",
    element: (
      <StandaloneSuspense>
        <SetupRoute />
      </StandaloneSuspense>
    ),
  },
  {
    element: <RequireAuth />,
    children: [
      {
        path: "/password",
        element: (
          <StandaloneSuspense>
            <PasswordRoute />
          </StandaloneSuspense>
        ),
      },
      {
        path: "/account",
        element: (
          <StandaloneSuspense>
            <AccountRoute />
          </StandaloneSuspense>
        ),
      },
      {
        element: <MainLayout />,
        children: [
          {
            index: true,
            handle: { crumbs: ["nav.dashboard"] } satisfies RouteHandle,
            element: <DashboardRoute />,
          },
          {
            path: "messages",
            handle: { crumbs: ["inbox.title"] } satisfies RouteHandle,
            element: <MessagesRoute />,
          },
          guarded("plans", "plan.read", ["nav.plans"], <PlansRoute />),
          guarded("plans/:id", "plan.read", ["nav.plans"], <PlanRoute />),
          guarded("plans/:id/batch", "task.write", ["nav.plans", "batch.crumb"], <PlanBatchRoute />),
          guarded("plans/:id/adopt", "plan.write", ["nav.plans", "adopt.crumb"], <PlanAdoptRoute />),
          guarded("plans/:id/report", "plan.read", ["nav.plans", "report.crumb"], <PlanReportRoute />),
          guarded("ledger", "task.read", ["nav.ledger", "nav.ledgerList"], <LedgerRoute />),
          guarded("ledger/mine", "task.read", ["nav.ledger", "nav.ledgerMine"], <LedgerMineRoute />),
          guarded("ledger/tasks/:id", "task.read", ["nav.ledger", "nav.ledgerTask"], <LedgerTaskRoute />),
          guarded(
            "ledger/dispatch",
            "task.read",
            ["nav.ledger", "nav.ledgerDispatch"],
            <LedgerDispatchRoute />,
          ),
          guarded(
            "ledger/bulletin",
            "task.read",
            ["nav.ledger", "nav.ledgerBulletin"],
            <LedgerBulletinRoute />,
          ),
          guarded(
            "ledger/scoreboard",
            "task.read",
            ["nav.ledger", "nav.ledgerScoreboard"],
            <LedgerScoreboardRoute />,
          ),
          guarded("indicators", "stats.read", ["nav.indicators"], <IndicatorsRoute />),
          guarded("evaluations", "evaluation.read", ["nav.evaluations"], <EvaluationsRoute />),
          guarded("registries", "stats.read", ["nav.registries"], <StudentsRoute />),
          guarded("attendance", "pupil.read", ["nav.attendance"], <AttendanceRoute />),
          guarded("aid", "aid.read", ["nav.aid"], <AidRoute />),
          guarded("org/:id?", "org.read", ["nav.org"], <OrgRoute />),
          guarded("audit", "audit.read", ["nav.audit"], <AuditRoute />),
          guarded("admin/users", "user.read", ["nav.admin", "nav.users"], <UsersRoute />),
          guarded("enrolment", "org.read", ["nav.enrolment"], <EnrolmentRoute />),
          guarded("inspection", "inspection.read", ["nav.inspection"], <InspectionRoute />),
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

/** The browser router over {@link routes}. */
export const router = createBrowserRouter(routes);
