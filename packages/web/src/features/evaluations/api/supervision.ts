/**
 * 政府保障程度, 教育质量, 社会认可度, the overall verdict, 学前普及普惠 and the 基本均衡 history over the API,
 * with the attestation writes (申报, 佐证上传, 审核). Every write refreshes all of these, since the
 * overall verdict reads every part.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  AttestationView,
  BasicBalanceHistoryResult,
  OverallResult,
  PreschoolResult,
  RecognitionResult,
  SettingsSaved,
  SupervisionPartResult,
} from "@luoshi/contracts";
import type {
  AttestationBody,
  EvidenceUploadBody,
  OverallSettingsBody,
  RecognitionBody,
  ReviewBody,
} from "@luoshi/contracts";
import { getJson, request } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

const KEY = ["evaluations", "supervision"] as const;

/** A unit, year and optional rule set id. */
export interface SupervisionKey {
  orgUnitId: string;
  year: number;
  ruleSet?: string | undefined;
}

const qs = (k: SupervisionKey) =>
  toQueryString({ orgUnitId: k.orgUnitId, year: k.year, ...(k.ruleSet ? { ruleSet: k.ruleSet } : {}) });

/** `GET /api/evaluations/government|quality`. */
export function useSupervisionPart(part: "government" | "quality", k: SupervisionKey) {
  return useQuery({
    queryKey: [...KEY, part, k.orgUnitId, k.year, k.ruleSet],
    queryFn: ({ signal }) => getJson(`/api/evaluations/${part}${qs(k)}`, SupervisionPartResult, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** `GET /api/evaluations/recognition`. */
export function useRecognition(k: SupervisionKey) {
  return useQuery({
    queryKey: [...KEY, "recognition", k.orgUnitId, k.year, k.ruleSet],
    queryFn: ({ signal }) => getJson(`/api/evaluations/recognition${qs(k)}`, RecognitionResult, signal),
    retry: false,
  });
}

/** `GET /api/evaluations/overall`. */
export function useOverall(k: SupervisionKey) {
  return useQuery({
    queryKey: [...KEY, "overall", k.orgUnitId, k.year, k.ruleSet],
    queryFn: ({ signal }) => getJson(`/api/evaluations/overall${qs(k)}`, OverallResult, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** `GET /api/evaluations/preschool` under a chosen rule set. */
export function usePreschool(k: SupervisionKey) {
  return useQuery({
    queryKey: [...KEY, "preschool", k.orgUnitId, k.year, k.ruleSet],
    queryFn: ({ signal }) => getJson(`/api/evaluations/preschool${qs(k)}`, PreschoolResult, signal),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

/** `GET /api/evaluations/basic-balance/history` for `from`..`to`. */
export function useBasicBalanceHistory(orgUnitId: string, from: number, to: number) {
  return useQuery({
    queryKey: [...KEY, "basic-history", orgUnitId, from, to],
    queryFn: ({ signal }) =>
      getJson(
        `/api/evaluations/basic-balance/history${toQueryString({ orgUnitId, from, to })}`,
        BasicBalanceHistoryResult,
        signal,
      ),
    retry: false,
  });
}

function useRefreshing<V, T>(fn: (v: V) => Promise<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
}

/** `PUT /api/evaluations/attestations`: 申报 (its review starts again). */
export function useSubmitAttestation() {
  return useRefreshing((body: AttestationBody) =>
    request("PUT", "/api/evaluations/attestations", { body, schema: AttestationView }),
  );
}

/** `POST /api/evaluations/attestations/:id/evidence`. */
export function useUploadEvidence() {
  return useRefreshing(({ id, body }: { id: string; body: EvidenceUploadBody }) =>
    request("POST", `/api/evaluations/attestations/${encodeURIComponent(id)}/evidence`, {
      body,
      schema: AttestationView,
    }),
  );
}

/** `POST /api/evaluations/attestations/:id/review`. */
export function useReviewAttestation() {
  return useRefreshing(({ id, body }: { id: string; body: ReviewBody }) =>
    request("POST", `/api/evaluations/attestations/${encodeURIComponent(id)}/review`, {
      body,
      schema: AttestationView,
    }),
  );
}

/** `PUT /api/evaluations/recognition`. */
export function useSaveRecognition() {
  return useRefreshing((body: RecognitionBody) =>
    request("PUT", "/api/evaluations/recognition", { body, schema: RecognitionResult }),
  );
}

/** `PUT /api/evaluations/overall/settings`. */
export function useSaveOverallSettings() {
  return useRefreshing((body: OverallSettingsBody) =>
    request("PUT", "/api/evaluations/overall/settings", { body, schema: SettingsSaved }),
  );
}
