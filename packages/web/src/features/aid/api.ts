/** 学生资助 API: programmes, priority lists, applications, 公示, batches and 动态监测. */
import { useQuery } from "@tanstack/react-query";
import {
  AidApplicationList,
  AidBatchDetail,
  AidBatchList,
  AidListImportResult,
  AidListImports,
  AidMonitor,
  AidProgramme,
  AidPublicity,
  AidPublicityList,
} from "@luoshi/contracts";
import { z } from "zod";
import { getJson, postJson } from "../../lib/api.ts";
import { toQueryString } from "../../lib/query-string.ts";
import { readFileAsBase64 } from "../../lib/file-base64.ts";

const Programmes = z.object({ items: z.array(AidProgramme) });

export function useProgrammes(year: number | undefined) {
  return useQuery({
    queryKey: ["aid-programmes", year],
    queryFn: ({ signal }) => getJson(`/api/aid/programmes${toQueryString({ year })}`, Programmes, signal),
  });
}

export function useListImports(enabled: boolean) {
  return useQuery({
    queryKey: ["aid-lists"],
    queryFn: ({ signal }) => getJson("/api/aid/priority-lists", AidListImports, signal),
    enabled,
  });
}

export function useApplications(programmeId: string | undefined, state: string | undefined, page: number) {
  return useQuery({
    queryKey: ["aid-applications", programmeId, state, page],
    queryFn: ({ signal }) =>
      getJson(
        `/api/aid/applications${toQueryString({ programmeId, state, page, pageSize: 50 })}`,
        AidApplicationList,
        signal,
      ),
  });
}

export function usePublicities() {
  return useQuery({
    queryKey: ["aid-publicities"],
    queryFn: ({ signal }) => getJson("/api/aid/publicities", AidPublicityList, signal),
  });
}

export function usePublicity(id: string | null) {
  return useQuery({
    queryKey: ["aid-publicity", id],
    queryFn: ({ signal }) =>
      getJson(`/api/aid/publicities/${encodeURIComponent(id ?? "")}`, AidPublicity, signal),
    enabled: id !== null,
  });
}

export function useBatches() {
  return useQuery({
    queryKey: ["aid-batches"],
    queryFn: ({ signal }) => getJson("/api/aid/batches", AidBatchList, signal),
  });
}

export function useBatch(id: string | null) {
  return useQuery({
    queryKey: ["aid-batch", id],
    queryFn: ({ signal }) =>
      getJson(`/api/aid/batches/${encodeURIComponent(id ?? "")}`, AidBatchDetail, signal),
    enabled: id !== null,
  });
}

export function useAidMonitor(year: number) {
  return useQuery({
    queryKey: ["aid-monitor", year],
    queryFn: ({ signal }) => getJson(`/api/aid/monitor${toQueryString({ year })}`, AidMonitor, signal),
  });
}

/** `POST /api/aid/priority-lists`. */
export async function importList(
  file: File,
  options: { schoolYear: number; source: string; preview: boolean },
) {
  return postJson(
    "/api/aid/priority-lists",
    { fileName: file.name, contentBase64: await readFileAsBase64(file), ...options },
    AidListImportResult,
  );
}

/** `POST /api/aid/batches/{id}/return`. */
export async function importReturn(batchId: string, file: File) {
  return postJson(`/api/aid/batches/${encodeURIComponent(batchId)}/return`, {
    fileName: file.name,
    contentBase64: await readFileAsBase64(file),
  });
}

/** Any other POST of the page. */
export function post(path: string, body?: unknown) {
  return postJson(path, body ?? {});
}
