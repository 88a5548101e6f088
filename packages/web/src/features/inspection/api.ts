/** 督导 API: the 督学 roster and 责任区, the schools' 挂牌 cards. */
import { useQuery } from "@tanstack/react-query";
import {
  ChecklistDetail,
  ChecklistImportResult,
  ChecklistList,
  InspectorRoster,
  SchoolCardList,
  VisitDetail,
  VisitList,
  type ChecklistImportBody,
  type VisitBody,
  type InspectorBody,
} from "@luoshi/contracts";
import { getJson, postJson, request } from "../../lib/api.ts";

export function useRoster() {
  return useQuery({
    queryKey: ["inspection-roster"],
    queryFn: ({ signal }) => getJson("/api/inspection/inspectors", InspectorRoster, signal),
  });
}

export function saveInspector(userId: string, body: InspectorBody) {
  return request("PUT", `/api/inspection/inspectors/${userId}`, { body, schema: InspectorRoster });
}

export function useSchoolCards() {
  return useQuery({
    queryKey: ["inspection-schools"],
    queryFn: ({ signal }) => getJson("/api/inspection/schools", SchoolCardList, signal),
  });
}

export function useChecklists() {
  return useQuery({
    queryKey: ["inspection-checklists"],
    queryFn: ({ signal }) => getJson("/api/inspection/checklists", ChecklistList, signal),
  });
}

export function useChecklist(id: string | null) {
  return useQuery({
    queryKey: ["inspection-checklist", id],
    enabled: id !== null,
    queryFn: ({ signal }) => getJson(`/api/inspection/checklists/${id ?? ""}`, ChecklistDetail, signal),
  });
}

export function importChecklist(body: ChecklistImportBody) {
  return postJson("/api/inspection/checklists/imports", body, ChecklistImportResult);
}

export function useVisits() {
  return useQuery({
    queryKey: ["inspection-visits"],
    queryFn: ({ signal }) => getJson("/api/inspection/visits", VisitList, signal),
  });
}

export function useVisit(id: string | null) {
  return useQuery({
    queryKey: ["inspection-visit", id],
    enabled: id !== null,
    queryFn: ({ signal }) => getJson(`/api/inspection/visits/${id ?? ""}`, VisitDetail, signal),
  });
}

export function submitVisit(body: VisitBody) {
  return postJson("/api/inspection/visits", body, VisitDetail);
}

export function issueNotice(visitId: string) {
  return postJson(`/api/inspection/visits/${visitId}/notice`, undefined, VisitDetail);
}

export function recheck(findingId: string, result: "passed" | "failed", note: string) {
  return postJson(`/api/inspection/findings/${findingId}/recheck`, { result, note }, VisitDetail);
}
