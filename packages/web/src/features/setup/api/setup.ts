/** 首次设置: whether the installation is set up, the division picker's lists, and the setup call. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { DivisionList, InstallationResponse, SetupResult, SetupStatus } from "@luoshi/contracts";
import type { SetupBody } from "@luoshi/contracts";
import { getJson, postJson } from "../../../lib/api.ts";

const STATUS_KEY = ["setup-status"] as const;

/** `GET /api/setup` (public). */
export function useSetupStatus() {
  return useQuery({
    queryKey: STATUS_KEY,
    queryFn: ({ signal }) => getJson("/api/setup", SetupStatus, signal),
    retry: false,
    staleTime: 30_000,
  });
}

/** `GET /api/setup/divisions?parent=` — provinces without a parent; nothing asked while `enabled` is false. */
export function useDivisions(parent: string | undefined, enabled = true) {
  const path = parent === undefined ? "/api/setup/divisions" : `/api/setup/divisions?parent=${parent}`;
  return useQuery({
    queryKey: ["setup-divisions", parent ?? ""],
    queryFn: ({ signal }) => getJson(path, DivisionList, signal),
    enabled,
    staleTime: Infinity,
  });
}

/** `POST /api/setup`; afterwards the status is read again (now initialised). */
export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => postJson("/api/setup", body, SetupResult),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });
}

/** `GET /api/installation` — the jurisdiction this installation serves, for signed-in users. */
export function useInstallation() {
  return useQuery({
    queryKey: ["installation"],
    queryFn: ({ signal }) => getJson("/api/installation", InstallationResponse, signal),
    staleTime: Infinity,
  });
}
