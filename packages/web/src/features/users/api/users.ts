/** User administration (用户管理): list, create, reset a password, open accounts in bulk. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BulkAccountsPreview, PasswordResetResponse, UserCreatedResponse, UserPage } from "@luoshi/contracts";
import type { BulkAccountsBody, UserCreateBody } from "@luoshi/contracts";
import { getJson, postJson } from "../../../lib/api.ts";
import { downloadFromPost } from "../../../lib/download.ts";
import { toQueryString } from "../../../lib/query-string.ts";

const USERS_KEY = ["users"] as const;

/** 学校 / 责任单位. */
export type BulkAccountKind = BulkAccountsBody["kinds"][number];

/** One page of users. */
export function useUsers(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...USERS_KEY, page, pageSize],
    queryFn: ({ signal }) => getJson(`/api/users${toQueryString({ page, pageSize })}`, UserPage, signal),
    placeholderData: keepPreviousData,
  });
}

/** `POST /api/users` → the new user and a temporary password shown once. */
export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UserCreateBody) => postJson("/api/users", body, UserCreatedResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** `POST /api/users/:id/reset-password` → a temporary password shown once. */
export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      postJson(`/api/users/${encodeURIComponent(id)}/reset-password`, {}, PasswordResetResponse),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}

/** `GET /api/users/bulk/preview` — what 批量开通 would do below the unit; idle until a unit is chosen. */
export function useBulkPreview(unitId: string | undefined, kinds: readonly BulkAccountKind[]) {
  return useQuery({
    queryKey: [...USERS_KEY, "bulk-preview", unitId, kinds.join(",")],
    queryFn: ({ signal }) =>
      getJson(
        `/api/users/bulk/preview${toQueryString({ unitId, kinds: kinds.join(",") })}`,
        BulkAccountsPreview,
        signal,
      ),
    enabled: unitId !== undefined && kinds.length > 0,
  });
}

/** `POST /api/users/bulk` → the browser saves the one-time file of initial passwords. */
export function useCreateBulkAccounts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkAccountsBody) => downloadFromPost("/api/users/bulk", body, "初始账号.xlsx"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: USERS_KEY }),
  });
}
