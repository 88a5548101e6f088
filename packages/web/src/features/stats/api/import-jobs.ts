/**
 * 统计数据导入 from the page: the upload goes by XMLHttpRequest (fetch reports no upload progress), then
 * the job is polled until it is done or failed; past imports are a paged list.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  ApiErrorBody,
  CsrfResponse,
  StatsImportJob,
  StatsImportJobCreated,
  StatsImportList,
  StatsImportUndoResult,
} from "@luoshi/contracts";
import { ApiError, getJson, postJson } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

/** Where the empty template workbook is served. */
export const IMPORT_TEMPLATE_URL = "/api/stats/template.xlsx";

/** The largest file the server takes (20 MB). */
const IMPORT_MAX_BYTES = 20 * 1024 * 1024;

/** What the file picker accepts: the template (.xlsx / .csv) or 基层表 workbooks (.xlsx, or a .zip of them). */
export const IMPORT_ACCEPT = ".xlsx,.csv,.zip";

/** A file the server would refuse before reading it: wrong type, empty or too large; null when fine. */
export function importFileProblem(file: { name: string; size: number }): "type" | "empty" | "size" | null {
  if (!/\.(xlsx|csv|zip)$/i.test(file.name)) {
    return "type";
  }
  if (file.size === 0) {
    return "empty";
  }
  return file.size > IMPORT_MAX_BYTES ? "size" : null;
}

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", {
    credentials: "same-origin",
    headers: { accept: "application/json" },
  });
  if (!response.ok) {
    throw new ApiError(response.status, "http-error", `HTTP ${response.status}`);
  }
  return CsrfResponse.parse(await response.json()).csrfToken;
}

function xhrError(xhr: XMLHttpRequest): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(xhr.responseText);
  } catch {
    // not our JSON (a proxy's page): generic error below
  }
  const parsed = ApiErrorBody.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(xhr.status, code, message, details?.fields ?? [], details?.requestId);
  }
  return new ApiError(xhr.status, "http-error", `HTTP ${xhr.status}`);
}

/**
 * `POST /api/stats/import-jobs?year=&fileName=` with the file as the body; `onUpload` hears the share
 * sent (0–1). With `preview` the job only checks the file and reports what it would change (预览).
 * Resolves with the job id once the server has taken the file.
 */
export async function startImportJob(
  file: File,
  year: number,
  onUpload: (share: number) => void,
  preview = false,
): Promise<StatsImportJobCreated> {
  const token = await csrfToken();
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = toQueryString({ year, fileName: file.name, ...(preview ? { preview: "true" } : {}) });
    xhr.open("POST", `/api/stats/import-jobs${query}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("x-csrf-token", token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) {
        onUpload(e.loaded / e.total);
      }
    };
    xhr.onerror = () => {
      reject(new ApiError(0, "network-error", "network error"));
    };
    xhr.onload = () => {
      if (xhr.status !== 202) {
        reject(xhrError(xhr));
        return;
      }
      try {
        onUpload(1);
        resolve(StatsImportJobCreated.parse(JSON.parse(xhr.responseText)));
      } catch {
        reject(new ApiError(xhr.status, "bad-response", "unexpected answer from /api/stats/import-jobs"));
      }
    };
    xhr.send(file);
  });
}

/** A running job, polled twice a second until it is done or failed. */
export function useImportJob(jobId: string | null) {
  return useQuery({
    queryKey: ["stats-import-job", jobId],
    queryFn: ({ signal }) => getJson(`/api/stats/import-jobs/${jobId ?? ""}`, StatsImportJob, signal),
    enabled: jobId !== null,
    refetchInterval: (query) => {
      const phase = query.state.data?.phase;
      return phase === "done" || phase === "failed" ? false : 500;
    },
  });
}

/** One page of past imports in the user's scope, newest first. */
export function useStatsImports(page: number, pageSize: number) {
  return useQuery({
    queryKey: ["stats-imports", page, pageSize],
    queryFn: ({ signal }) =>
      getJson(`/api/stats/imports${toQueryString({ page, pageSize })}`, StatsImportList, signal),
    placeholderData: keepPreviousData,
  });
}

/** `POST /api/stats/imports/:id/undo` — 撤销 one import as a whole; the history reloads. */
export function useUndoStatsImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => postJson(`/api/stats/imports/${id}/undo`, {}, StatsImportUndoResult),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ["stats-imports"] }),
  });
}
