/** 控辍保学 API: the 适龄 list and its import, cases and their steps, 动态监测 and the monthly report. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  CaseDetail,
  CaseList,
  DropoutMonitor,
  SchoolAgeImportResult,
  SchoolAgeList,
} from "@luoshi/contracts";
import { z } from "zod";
import { getJson, postJson, request } from "../../lib/api.ts";
import { toQueryString } from "../../lib/query-string.ts";
import { readFileAsBase64 } from "../../lib/file-base64.ts";

export function useSchoolAge(page: number, enabled: boolean) {
  return useQuery({
    queryKey: ["dropout-school-age", page],
    queryFn: ({ signal }) =>
      getJson(`/api/dropout/school-age${toQueryString({ page, pageSize: 50 })}`, SchoolAgeList, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCases(state: string | undefined, page: number) {
  return useQuery({
    queryKey: ["dropout-cases", state, page],
    queryFn: ({ signal }) =>
      getJson(`/api/dropout/cases${toQueryString({ state, page, pageSize: 50 })}`, CaseList, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string | null) {
  return useQuery({
    queryKey: ["dropout-case", id],
    queryFn: ({ signal }) =>
      getJson(`/api/dropout/cases/${encodeURIComponent(id ?? "")}`, CaseDetail, signal),
    enabled: id !== null,
  });
}

export function useMonitor() {
  return useQuery({
    queryKey: ["dropout-monitor"],
    queryFn: ({ signal }) => getJson("/api/dropout/monitor", DropoutMonitor, signal),
  });
}

const ReportPage = z.object({
  title: z.string(),
  sections: z.array(
    z.object({
      kind: z.enum(["heading", "paragraph", "table"]),
      text: z.string().optional(),
      header: z.array(z.string()).optional(),
      rows: z.array(z.array(z.string())).optional(),
    }),
  ),
});

export function useReport(month: string) {
  return useQuery({
    queryKey: ["dropout-report", month],
    queryFn: ({ signal }) => getJson(`/api/dropout/report${toQueryString({ month })}`, ReportPage, signal),
  });
}

const caseUrl = (id: string, sub = "") => `/api/dropout/cases/${encodeURIComponent(id)}${sub}`;

export const caseActions = {
  /** 立案 from a risk flag: the server takes the cause and the note from the flag. */
  openFromFlag: (flagId: string) => postJson("/api/dropout/cases", { flagId }, CaseDetail),
  update: (id: string, body: unknown) => request("PATCH", caseUrl(id), { body, schema: CaseDetail }),
  addStep: (id: string, kind: string) => postJson(caseUrl(id, "/steps"), { kind }, CaseDetail),
  record: (id: string, stepId: string, body: unknown) =>
    postJson(caseUrl(id, `/steps/${encodeURIComponent(stepId)}/record`), body, CaseDetail),
  close: (id: string) => postJson(caseUrl(id, "/close"), {}, CaseDetail),
  unmask: (id: string, reason: string) => postJson(caseUrl(id, "/unmask"), { reason }, CaseDetail),
};

/** `POST /api/dropout/school-age/imports`: a preview, or the import itself. */
export async function importSchoolAge(
  file: File,
  options: { schoolYear: number; source: string; preview: boolean },
) {
  return postJson(
    "/api/dropout/school-age/imports",
    { fileName: file.name, contentBase64: await readFileAsBase64(file), ...options },
    SchoolAgeImportResult,
  );
}
