/** The second factor (TOTP): the login's code step, and binding an authenticator on the account page. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  SecondFactorEnrolment,
  SecondFactorRecoveryCodes,
  SecondFactorStatus,
  SessionResponse,
} from "@luoshi/contracts";
import { request, setCsrfToken } from "../../../lib/api.ts";
import { replaceSession } from "./session.ts";

const STATUS_KEY = ["second-factor"] as const;

/** `GET /api/auth/totp`: bound or not, required or not, recovery codes left. */
export function useSecondFactorStatus() {
  return useQuery({
    queryKey: STATUS_KEY,
    queryFn: () => request("GET", "/api/auth/totp", { schema: SecondFactorStatus }),
  });
}

/** `POST /api/auth/totp/verify`: the login's second step; the answer is the completed session. */
export function useVerifySecondFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      request("POST", "/api/auth/totp/verify", {
        body: { code },
        schema: SessionResponse,
        isAuthProbe: true,
      }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      replaceSession(queryClient, session);
    },
  });
}

/** `POST /api/auth/totp/enrol`: a new secret, its otpauth link and QR code. */
export function useStartEnrolment() {
  return useMutation({
    mutationFn: () => request("POST", "/api/auth/totp/enrol", { schema: SecondFactorEnrolment }),
  });
}

/** `POST /api/auth/totp/confirm`: the first code binds the secret; the answer holds the recovery codes. */
export function useConfirmEnrolment() {
  return useMutation({
    mutationFn: (code: string) =>
      request("POST", "/api/auth/totp/confirm", { body: { code }, schema: SecondFactorRecoveryCodes }),
  });
}

/** Reads the session and the status again once the binding is done (mustEnrol clears). */
export function useRefreshAfterEnrolment() {
  const queryClient = useQueryClient();
  return async () => {
    const session = await request("GET", "/api/auth/me", { schema: SessionResponse, isAuthProbe: true });
    setCsrfToken(session.csrfToken);
    replaceSession(queryClient, session);
  };
}
