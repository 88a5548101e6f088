/**
 * 单位名录导入 from the 组织机构 page: upload the file (the body is the file itself) for a preview, then
 * apply or discard it. A refused file comes back with every problem (sheet, row, column).
 */
import {
  ApiErrorBody,
  CsrfResponse,
  OkResponse,
  RegistryApplyResult,
  RegistryImport,
  RegistryProblem,
} from "@luoshi/contracts";
import { z } from "zod";
import { ApiError, postJson } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

/** The template workbook for the user's county (or `countyId`). */
export function registryTemplateUrl(countyId: string | undefined): string {
  return `/api/org-units/registry/template.xlsx${toQueryString({ countyId })}`;
}

/** The largest file the server takes (10 MB). */
export const REGISTRY_MAX_BYTES = 10 * 1024 * 1024;

/** A refused upload, with the file's problems when there are any. */
export class RegistryUploadError extends ApiError {
  readonly problems: readonly RegistryProblem[];

  constructor(error: ApiError, problems: readonly RegistryProblem[]) {
    super(error.status, error.code, error.message, error.fields, error.requestId);
    this.problems = problems;
  }
}

const Problems = z.object({ problems: z.array(RegistryProblem) });

/** `POST /api/org-units/registry/preview?fileName=&countyId=` with the file as the body. */
export async function previewRegistry(file: File, countyId: string | undefined): Promise<RegistryImport> {
  const csrf = await fetch("/api/auth/csrf", {
    credentials: "same-origin",
    headers: { accept: "application/json" },
  });
  if (!csrf.ok) {
    throw new ApiError(csrf.status, "http-error", `HTTP ${csrf.status}`);
  }
  const token = CsrfResponse.parse(await csrf.json()).csrfToken;
  let response: Response;
  try {
    response = await fetch(
      `/api/org-units/registry/preview${toQueryString({ fileName: file.name, countyId })}`,
      {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "content-type": "application/octet-stream",
          accept: "application/json",
          "x-csrf-token": token,
        },
        body: file,
      },
    );
  } catch {
    throw new ApiError(0, "network-error", "network error");
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    return RegistryImport.parse(body);
  }
  const parsed = ApiErrorBody.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(response.status, "http-error", `HTTP ${response.status}`);
  }
  const { code, message, details } = parsed.data.error;
  const problems = Problems.safeParse(details).data?.problems ?? [];
  throw new RegistryUploadError(
    new ApiError(response.status, code, message, details?.fields ?? []),
    problems,
  );
}

/** `POST /api/org-units/registry/:id/apply`. */
export function applyRegistry(id: string, effectiveOn: string): Promise<RegistryApplyResult> {
  return postJson(
    `/api/org-units/registry/${encodeURIComponent(id)}/apply`,
    { effectiveOn },
    RegistryApplyResult,
  );
}

/** `POST /api/org-units/registry/:id/discard`. */
export function discardRegistry(id: string): Promise<OkResponse> {
  return postJson(`/api/org-units/registry/${encodeURIComponent(id)}/discard`, {}, OkResponse);
}
