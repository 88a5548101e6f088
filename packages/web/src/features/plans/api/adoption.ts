/** 承接方案 and the plan's own reports: the adoption form, creating the 承接方案, the yearly 监测报告. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PlanAdoptionForm, PlanDetail, PlanReportView } from "@luoshi/contracts";
import type { PlanAdoptionBody } from "@luoshi/contracts";
import { getJson, postJson } from "../../../lib/api.ts";

const base = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** `GET /api/plans/:id/adoption` — a confirmed 上级文件's items with default local units and targets. */
export function useAdoptionForm(id: string) {
  return useQuery({
    queryKey: ["plans", "adoption", id],
    queryFn: ({ signal }) => getJson(`${base(id)}/adoption`, PlanAdoptionForm, signal),
    enabled: id !== "",
  });
}

/** `POST /api/plans/:id/adoptions` — answers with the new draft own plan. */
export function useAdoptPlan(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PlanAdoptionBody) => postJson(`${base(id)}/adoptions`, body, PlanDetail),
    onSuccess: (plan) => {
      queryClient.setQueryData(["plans", "detail", plan.id], plan);
      return queryClient.invalidateQueries({ queryKey: ["plans"] });
    },
  });
}

/** `GET /api/plans/:id/report?year=` — the 监测报告 (or 中期评估报告) of a confirmed own plan. */
export function usePlanReport(id: string, year: number) {
  return useQuery({
    queryKey: ["plans", "report", id, year],
    queryFn: ({ signal }) => getJson(`${base(id)}/report?year=${String(year)}`, PlanReportView, signal),
    enabled: id !== "",
  });
}

/** The .docx of the 监测报告. */
export const planReportDocxUrl = (id: string, year: number) => `${base(id)}/report.docx?year=${String(year)}`;

/** The .docx of a 上级文件's 落实情况报告. */
export const implementationReportUrl = (id: string, year: number) =>
  `${base(id)}/implementation-report.docx?year=${String(year)}`;
