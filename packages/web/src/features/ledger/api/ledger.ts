/**
 * 月调度, 月通报 and 年度考核: the ledger's numbers for a month or a year. Their shapes follow the
 * domain's `dispatchBoard` / `monthlyBulletin` / `unitScoreboard` as the server sends them (JSON).
 */
import { formatPercent } from "@luoshi/common";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { postJson, request } from "../../../lib/api.ts";

export type ReportStatus = "onTime" | "late" | "missing" | "notDue";

export interface DispatchRow {
  taskId: string;
  title: string;
  unit: string;
  role: string;
  due: string;
  status: ReportStatus;
  submittedAt: string | null;
}

export interface Dispatch {
  month: string;
  rows: DispatchRow[];
  summary: { due: number; received: number; onTime: number; late: number; missing: number };
}

/** The answer as the server may send it: the brief's flat rows, or the domain board (`taskTitle`, `unit: {id, name}`, `dueDate`, `totals`). */
interface DispatchAnswer {
  month: string;
  rows: (Omit<DispatchRow, "title" | "unit" | "due"> & {
    title?: string;
    taskTitle?: string;
    unit: string | LedgerUnitRef;
    due?: string;
    dueDate?: string;
    periodLabel?: string;
  })[];
  summary?: Dispatch["summary"];
  totals?: Dispatch["summary"] & { notDue?: number };
}

/** Reads either shape of the 月调度 answer into {@link Dispatch}. */
function toDispatch(answer: DispatchAnswer): Dispatch {
  const counts = answer.summary ?? answer.totals;
  return {
    month: answer.month,
    rows: answer.rows.map((r) => ({
      taskId: r.taskId,
      title: r.title ?? r.taskTitle ?? r.taskId,
      unit: typeof r.unit === "string" ? r.unit : r.unit.name,
      role: r.role,
      due: r.due ?? r.dueDate ?? "",
      status: r.status,
      submittedAt: r.submittedAt,
    })),
    summary: {
      due: (counts?.due ?? 0) - (answer.totals?.notDue ?? 0),
      received: counts?.received ?? 0,
      onTime: counts?.onTime ?? 0,
      late: counts?.late ?? 0,
      missing: counts?.missing ?? 0,
    },
  };
}

interface LedgerUnitRef {
  id: string;
  name: string;
}

export interface BulletinTaskLine {
  taskId: string;
  title: string;
  units: string[];
  deadline: string;
  daysOverdue: number;
  isClosed: boolean;
  reason: string;
  latestProgress: string | null;
}

export interface BulletinUnitRow {
  unit: LedgerUnitRef;
  tasks: number;
  leadTasks: number;
  onTime: number;
  overdue: number;
  closed: number;
  dueReports: number;
  onTimeReports: number;
  punctuality: number | null;
}

export interface Bulletin {
  month: string;
  asOf: string;
  summary: Record<
    | "total"
    | "closed"
    | "closedThisMonth"
    | "inProgress"
    | "suspended"
    | "overdue"
    | "red"
    | "yellow"
    | "blue"
    | "green"
    | "dueReports"
    | "received"
    | "onTime"
    | "late"
    | "missing",
    number
  >;
  perUnit: BulletinUnitRow[];
  overdueList: BulletinTaskLine[];
  redList?: BulletinTaskLine[];
  yellowList: BulletinTaskLine[];
  instructions: { taskId: string; taskTitle: string; author: string; date: string; text: string }[];
}

export interface UnitScore {
  unit: LedgerUnitRef;
  leadTasks: number;
  expected: number;
  completed: number;
  completedOnTime: number;
  completionRate: number | null;
  onTimeRate: number | null;
  dueReports: number;
  onTimeReports: number;
  punctuality: number | null;
}

const get = <T>(path: string, signal: AbortSignal) => request<T>("GET", path, { signal });

/** `GET /api/ledger/dispatch?month=` */
export function useDispatch(month: string) {
  return useQuery({
    queryKey: ["ledger", "dispatch", month],
    queryFn: async ({ signal }) =>
      toDispatch(await get<DispatchAnswer>(`/api/ledger/dispatch?month=${month}`, signal)),
  });
}

/** `POST /api/ledger/reminders` — 一键催报 to the units that have not reported. */
export function useSendReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => postJson<{ sent: number }>("/api/ledger/reminders", { month }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["ledger", "dispatch"] }),
  });
}

/** `GET /api/ledger/bulletin?month=` */
export function useBulletin(month: string) {
  return useQuery({
    queryKey: ["ledger", "bulletin", month],
    queryFn: ({ signal }) => get<Bulletin>(`/api/ledger/bulletin?month=${month}`, signal),
  });
}

/** Where the bulletin's Word file is downloaded from. */
export function bulletinDocxUrl(month: string): string {
  return `/api/ledger/bulletin.docx?month=${month}`;
}

/** `GET /api/ledger/scoreboard?year=` — a list of unit scores (or `{rows}` should the server wrap it). */
export function useScoreboard(year: number) {
  return useQuery({
    queryKey: ["ledger", "scoreboard", year],
    queryFn: async ({ signal }) => {
      const answer = await get<UnitScore[] | { rows: UnitScore[] }>(
        `/api/ledger/scoreboard?year=${year}`,
        signal,
      );
      return Array.isArray(answer) ? answer : answer.rows;
    },
  });
}

/** 0.857 → "85.7%" (official half-up: 23/80 → "28.8%"); null → "—". */
export function percent(rate: number | null): string {
  return formatPercent(rate, 1);
}
