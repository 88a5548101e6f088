/** 督导 API: the 督学 roster and 责任区, the schools' 挂牌 cards. */
import { useQuery } from "@tanstack/react-query";
import {
  ChecklistDetail,
  ChecklistImportResult,
  ChecklistList,
  InspectorRoster,
  SchoolCardList,
  type ChecklistImportBody,
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
