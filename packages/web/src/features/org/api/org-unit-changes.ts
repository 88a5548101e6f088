/** Changing org units (新增、编辑、调整隶属、撤并、撤销、恢复) and a unit's 变更记录. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { OrgUnitChangeList, OrgUnitDetail } from "@luoshi/contracts";
import type {
  OrgUnitCloseBody,
  OrgUnitCreateBody,
  OrgUnitEditBody,
  OrgUnitMergeBody,
  OrgUnitMoveBody,
} from "@luoshi/contracts";
import { getJson, postJson, request } from "../../../lib/api.ts";
import { orgKeys } from "./org-units.ts";

const unitPath = (id: string) => `/api/org-units/${encodeURIComponent(id)}`;

/** `GET /api/org-units/:id/changes`. */
export function useOrgUnitChanges(id: string) {
  return useQuery({
    queryKey: [...orgKeys.all, "changes", id],
    queryFn: ({ signal }) => getJson(`${unitPath(id)}/changes`, OrgUnitChangeList, signal),
  });
}

/** One change of a unit; every org query is refetched after it (tree, table, details, changes). */
export type OrgUnitAction =
  | { kind: "create"; body: OrgUnitCreateBody }
  | { kind: "edit"; id: string; body: OrgUnitEditBody }
  | { kind: "move"; id: string; body: OrgUnitMoveBody }
  | { kind: "merge"; id: string; body: OrgUnitMergeBody }
  | { kind: "close"; id: string; body: OrgUnitCloseBody }
  | { kind: "reopen"; id: string; body: OrgUnitCloseBody };

function send(action: OrgUnitAction): Promise<OrgUnitDetail> {
  switch (action.kind) {
    case "create":
      return postJson("/api/org-units", action.body, OrgUnitDetail);
    case "edit":
      return request("PATCH", unitPath(action.id), { body: action.body, schema: OrgUnitDetail });
    default:
      return postJson(`${unitPath(action.id)}/${action.kind}`, action.body, OrgUnitDetail);
  }
}

/** Sends one {@link OrgUnitAction}. */
export function useOrgUnitAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: orgKeys.all }),
  });
}
