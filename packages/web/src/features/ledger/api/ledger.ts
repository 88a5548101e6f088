/**
 * 月调度, 月通报 and 年度考核: the ledger's numbers for a month or a year, in the shapes of their
 * contracts (`@luoshi/contracts` ledger), checked as they arrive.
 */
import { formatPercent } from "@luoshi/common";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DispatchBoard, MonthlyBulletin, ReminderResult, Scoreboard } from "@luoshi/contracts";
import { getJson, postJson } from "../../../lib/api.ts";

export type {
  BulletinClosedLine,
  BulletinTaskLine,
  BulletinUnitRow,
  DispatchBoard,
  DispatchRow,
  MonthlyBulletin,
  ReportStatus,
  UnitScore,
} from "@luoshi/contracts";

/** The board's counts as the 月调度 page shows them: `due` leaves out reports not yet due. */
export function dispatchSummary(
  board: DispatchBoard,
): Record<"due" | "received" | "onTime" | "late" | "missing", number> {
  const c = board.totals;
  return { due: c.due - c.notDue, received: c.received, onTime: c.onTime, late: c.late, missing: c.missing };
}

/** `GET /api/ledger/dispatch?month=` */
export function useDispatch(month: string) {
  return useQuery({
    queryKey: ["ledger", "dispatch", month],
    queryFn: ({ signal }) => getJson(`/api/ledger/dispatch?month=${month}`, DispatchBoard, signal),
  });
}

/** `POST /api/ledger/reminders` — 一键催报 to the units that have not reported. */
export function useSendReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (month: string) => postJson("/api/ledger/reminders", { month }, ReminderResult),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["ledger", "dispatch"] }),
  });
}

/** `GET /api/ledger/bulletin?month=` */
export function useBulletin(month: string) {
  return useQuery({
    queryKey: ["ledger", "bulletin", month],
    queryFn: ({ signal }) => getJson(`/api/ledger/bulletin?month=${month}`, MonthlyBulletin, signal),
  });
}

/** Where the bulletin's Word file is downloaded from. */
export function bulletinDocxUrl(month: string): string {
  return `/api/ledger/bulletin.docx?month=${month}`;
}

/** `GET /api/ledger/scoreboard?year=` — the units' scores. */
export function useScoreboard(year: number) {
  return useQuery({
    queryKey: ["ledger", "scoreboard", year],
    queryFn: ({ signal }) => getJson(`/api/ledger/scoreboard?year=${year}`, Scoreboard, signal),
  });
}

/** 0.857 → "85.7%" (official half-up: 23/80 → "28.8%"); null → "—". */
export function percent(rate: number | null): string {
  return formatPercent(rate, 1);
}
