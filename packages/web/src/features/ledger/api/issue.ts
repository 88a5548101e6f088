/**
 * What the 督查室 issues: 印发 and 已印发 bulletins, 运行督办升级, 年度考核 with its scheme, and the
 * per-task 督办通知单 / 催办单 — in the shapes of their contracts (`@luoshi/contracts` ledger).
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Assessment,
  BulletinIssueDraft,
  EscalationRunResult,
  IssuedBulletin,
  IssuedBulletinList,
  LedgerSettings,
  type IssueBulletinBody,
} from "@luoshi/contracts";
import { getJson, postJson, request } from "../../../lib/api.ts";

export type { Assessment, IssuedBulletin } from "@luoshi/contracts";

/** `GET /api/ledger/bulletins/draft?month=` — the 印发 form's defaults and whether it may be issued. */
export function useIssueDraft(month: string, enabled: boolean) {
  return useQuery({
    queryKey: ["ledger", "bulletins", "draft", month],
    enabled,
    queryFn: ({ signal }) =>
      getJson(`/api/ledger/bulletins/draft?month=${month}`, BulletinIssueDraft, signal),
  });
}

/** `GET /api/ledger/bulletins` — 已印发通报, newest first. */
export function useIssuedBulletins(enabled: boolean) {
  return useQuery({
    queryKey: ["ledger", "bulletins", "list"],
    enabled,
    queryFn: ({ signal }) => getJson("/api/ledger/bulletins", IssuedBulletinList, signal),
  });
}

/** `POST /api/ledger/bulletins` — 印发. */
export function useIssueBulletin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IssueBulletinBody) => postJson("/api/ledger/bulletins", body, IssuedBulletin),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["ledger", "bulletins"] }),
  });
}

/** Where an issued bulletin's stored Word file is downloaded from. */
export function issuedDocxUrl(id: string): string {
  return `/api/ledger/bulletins/${id}/docx`;
}

/** `POST /api/ledger/escalations` — 运行督办升级. */
export function useRunEscalation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => postJson("/api/ledger/escalations", {}, EscalationRunResult),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["tasks"] }),
  });
}

/** `GET /api/ledger/assessment?year=` — 年度考核 scored and ranked under the bureau's scheme. */
export function useAssessment(year: number, enabled: boolean) {
  return useQuery({
    queryKey: ["ledger", "assessment", year],
    enabled,
    queryFn: ({ signal }) => getJson(`/api/ledger/assessment?year=${String(year)}`, Assessment, signal),
  });
}

/** Where a 年度考核 export is downloaded from. */
export function assessmentUrl(year: number, format: "xlsx" | "docx"): string {
  return `/api/ledger/assessment.${format}?year=${String(year)}`;
}

/** Where a task's 督办通知单 or 催办单 is downloaded from. */
export function taskNoticeUrl(taskId: string, kind: "notice" | "urge"): string {
  return `/api/tasks/${taskId}/${kind}.docx`;
}

/** `GET /api/ledger/settings` — 督办设置 (发文字号 prefix, 主送, days before 约谈, 考核方案). */
export function useLedgerSettings(enabled: boolean) {
  return useQuery({
    queryKey: ["ledger", "settings"],
    enabled,
    queryFn: ({ signal }) => getJson("/api/ledger/settings", LedgerSettings, signal),
  });
}

/** `PUT /api/ledger/settings`. */
export function useSaveLedgerSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LedgerSettings) =>
      request("PUT", "/api/ledger/settings", { body, schema: LedgerSettings }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["ledger"] }),
  });
}
