/** 招生入学 API: 学区 per year (list, import, edit, year-to-year change). */
import { useQuery } from "@tanstack/react-query";
import {
  ApplicationImportResult,
  ApplicationList,
  type ApplicationCreateBody,
  CatchmentCompare,
  ClassPreview,
  CatchmentImportResult,
  CatchmentItem,
  CatchmentList,
  LotteryView,
  type CatchmentEditBody,
} from "@luoshi/contracts";
import { getJson, postJson, request } from "../../lib/api.ts";
import { toQueryString } from "../../lib/query-string.ts";
import { readFileAsBase64 } from "../../lib/file-base64.ts";

export function useCatchments(year: number) {
  return useQuery({
    queryKey: ["enrol-catchments", year],
    queryFn: ({ signal }) =>
      getJson(`/api/enrolment/catchments${toQueryString({ year })}`, CatchmentList, signal),
  });
}

export function useCatchmentCompare(year: number) {
  return useQuery({
    queryKey: ["enrol-catchments-compare", year],
    queryFn: ({ signal }) =>
      getJson(`/api/enrolment/catchments/compare${toQueryString({ year })}`, CatchmentCompare, signal),
  });
}

/** `POST /api/enrolment/catchments/imports`: a preview, or the import itself. */
export async function importCatchments(file: File, schoolYear: number, preview: boolean) {
  return postJson(
    "/api/enrolment/catchments/imports",
    { fileName: file.name, schoolYear, preview, contentBase64: await readFileAsBase64(file) },
    CatchmentImportResult,
  );
}

/** `PUT /api/enrolment/catchments/{schoolId}`. */
export function editCatchment(schoolId: string, body: CatchmentEditBody) {
  return request("PUT", `/api/enrolment/catchments/${schoolId}`, { body, schema: CatchmentItem });
}

export function useApplications(
  year: number,
  page: number,
  filter: { status?: string; duplicates?: boolean },
) {
  return useQuery({
    queryKey: ["enrol-applications", year, page, filter.status, filter.duplicates],
    queryFn: ({ signal }) =>
      getJson(
        `/api/enrolment/applications${toQueryString({
          year,
          page,
          pageSize: 50,
          status: filter.status,
          duplicates: filter.duplicates === true ? "true" : undefined,
        })}`,
        ApplicationList,
        signal,
      ),
  });
}

/** `POST /api/enrolment/applications/imports`: a portal export, previewed or imported. */
export async function importApplications(file: File, schoolYear: number, preview: boolean) {
  return postJson(
    "/api/enrolment/applications/imports",
    { fileName: file.name, schoolYear, preview, contentBase64: await readFileAsBase64(file) },
    ApplicationImportResult,
  );
}

/** `POST /api/enrolment/applications`: one application entered at the school. */
export function createApplication(body: ApplicationCreateBody) {
  return postJson("/api/enrolment/applications", body);
}

/** `POST /api/enrolment/applications/{id}/decision`: 资格审核 with its reason. */
export function decideApplication(id: string, decision: "approved" | "rejected", reason: string) {
  return postJson(`/api/enrolment/applications/${id}/decision`, { decision, reason });
}

export function useLottery(year: number) {
  return useQuery({
    queryKey: ["enrol-lottery", year],
    queryFn: ({ signal }) => getJson(`/api/enrolment/lottery${toQueryString({ year })}`, LotteryView, signal),
  });
}

/** `POST /api/enrolment/lottery/freeze`. */
export function freezeLottery(schoolYear: number) {
  return postJson("/api/enrolment/lottery/freeze", { schoolYear }, LotteryView);
}

/** `POST /api/enrolment/lottery/draw`. */
export function drawLottery(schoolYear: number, entropy: string) {
  return postJson("/api/enrolment/lottery/draw", { schoolYear, entropy }, LotteryView);
}

/** `POST /api/enrolment/classes/preview`: 均衡编班 of a school's placed pupils. */
export function previewClasses(body: {
  schoolYear: number;
  schoolCode: string;
  classCount: number;
  teachers: string[];
}) {
  return postJson("/api/enrolment/classes/preview", body, ClassPreview);
}
