/** User administration (用户管理): list, create, reset a password. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { PasswordResetResponse, UserCreatedResponse, UserPage } from "@luoshi/contracts";
import type { UserCreateBody } from "@luoshi/contracts";
import { getJson, postJson } from "../../../lib/api.ts";
import { toQueryString } from "../../../lib/query-string.ts";

const USERS_KEY = ["users"] as const;

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
