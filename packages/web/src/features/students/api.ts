/** 学籍 API: pupils (masked), one pupil, the audited unmask, movements, the cross-check, imports. */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import {
  ApiErrorBody,
  CrossCheck,
  MovementList,
  RegistryImportResult,
  StudentDetail,
  StudentList,
  StatsProblem,
} from "@luoshi/contracts";
import { z } from "zod";
import { ApiError, csrfHeader, getJson, postJson } from "../../lib/api.ts";
import { toQueryString } from "../../lib/query-string.ts";
import { readFileAsBase64 } from "../../lib/file-base64.ts";

/** Filters of the pupil list. */
export interface StudentFilters {
  level?: string;
  grade?: number;
  flag?: string;
  number?: string;
}

export function useStudents(filters: StudentFilters, page: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ["students", filters, page, pageSize],
    queryFn: ({ signal }) =>
      getJson(`/api/registry/students${toQueryString({ ...filters, page, pageSize })}`, StudentList, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useStudent(id: string | null) {
  return useQuery({
    queryKey: ["student", id],
    queryFn: ({ signal }) =>
      getJson(`/api/registry/students/${encodeURIComponent(id ?? "")}`, StudentDetail, signal),
    enabled: id !== null,
  });
}

export function unmaskStudent(id: string, reason: string) {
  return postJson(`/api/registry/students/${encodeURIComponent(id)}/unmask`, { reason }, StudentDetail);
}

export function useMovements(page: number, enabled: boolean) {
  return useQuery({
    queryKey: ["student-movements", page],
    queryFn: ({ signal }) =>
      getJson(`/api/registry/movements${toQueryString({ page, pageSize: 50 })}`, MovementList, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCrossCheck(year: number, enabled: boolean) {
  return useQuery({
    queryKey: ["student-cross-check", year],
    queryFn: ({ signal }) =>
      getJson(`/api/registry/cross-check${toQueryString({ year })}`, CrossCheck, signal),
    enabled,
  });
}

/** A refused import: its message and every problem by row and column. */
export class StudentImportError extends ApiError {
  readonly problems: readonly StatsProblem[];
  constructor(error: ApiError, problems: readonly StatsProblem[]) {
    super(error.status, error.code, error.message, error.fields, error.requestId);
    this.problems = problems;
  }
}

const Problems = z.object({ problems: z.array(StatsProblem) });

/** `POST /api/registry/imports`: a preview, or the import itself. */
export async function importStudents(
  file: File,
  options: { schoolYear: number; term: 1 | 2; asOf?: string; preview: boolean },
): Promise<RegistryImportResult> {
  const response = await fetch("/api/registry/imports", {
    method: "POST",
    credentials: "same-origin",
    headers: { "content-type": "application/json", accept: "application/json", ...(await csrfHeader()) },
    body: JSON.stringify({ fileName: file.name, contentBase64: await readFileAsBase64(file), ...options }),
  });
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    return RegistryImportResult.parse(body);
  }
  const parsed = ApiErrorBody.safeParse(body);
  const error = parsed.success
    ? new ApiError(
        response.status,
        parsed.data.error.code,
        parsed.data.error.message,
        parsed.data.error.details?.fields ?? [],
      )
    : new ApiError(response.status, "http-error", `HTTP ${response.status}`);
  const problems = Problems.safeParse(parsed.success ? parsed.data.error.details : null);
  throw new StudentImportError(error, problems.success ? problems.data.problems : []);
}
