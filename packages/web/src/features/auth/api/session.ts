/** The signed-in session: who the user is, and the login / logout / change-password calls. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { QueryClient } from "@tanstack/react-query";
import { SessionResponse } from "@luoshi/contracts";
import type { ChangePasswordBody, LoginBody, SessionUser } from "@luoshi/contracts";
import { isApiStatus, request, setCsrfToken } from "../../../lib/api.ts";

/** Query key of the session; `null` data means "not signed in". */
const SESSION_KEY = ["session"] as const;

/**
 * Sets the session and drops every other cached answer, so that nothing read by a previous user
 * survives a login or a logout. The session query itself is kept (its observers stay attached).
 */
export function replaceSession(queryClient: QueryClient, session: SessionResponse | null): void {
  queryClient.setQueryData(SESSION_KEY, session);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

/** `GET /api/auth/me`: the session, or `null` when the server answers 401. */
async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await request("GET", "/api/auth/me", { schema: SessionResponse, isAuthProbe: true });
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (isApiStatus(error, 401)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The session query; retried never (a 401 is an answer, not a failure). */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, retry: false, staleTime: 60_000 });
}

/** The signed-in user. Only for components rendered below the auth guard. */
export function useSessionUser(): SessionUser {
  const { data } = useSession();
  if (!data) {
    throw new Error("useSessionUser used outside a signed-in route");
  }
  return data.user;
}

/** True when the signed-in user holds the permission. */
export function useCan(permission: string): boolean {
  return useSessionUser().permissions.includes(permission);
}

/** `POST /api/auth/login`. On success the cache is emptied (no data of a previous user survives). */
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) =>
      request("POST", "/api/auth/login", { body, schema: SessionResponse, isAuthProbe: true }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      replaceSession(queryClient, session);
    },
  });
}

/**
 * `POST /api/auth/logout`, then a full reload of /login whatever the answer: nothing of this user —
 * cached answers, React state, the CSRF token — survives in the page (docs/security-requirements.md:
 * residual data).
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => request("POST", "/api/auth/logout", { isAuthProbe: true }),
    onSettled: () => {
      setCsrfToken(null);
      window.location.replace("/login");
    },
  });
}

/** `POST /api/auth/password`; afterwards the session is read again (mustChangePassword clears). */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) =>
      request("POST", "/api/auth/password", { body, isAuthProbe: true }),
    onSuccess: async (answer: unknown) => {
      const session = SessionResponse.safeParse(answer);
      if (session.success) {
        setCsrfToken(session.data.csrfToken);
        queryClient.setQueryData(SESSION_KEY, session.data);
        return;
      }
      await queryClient.query({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 0 });
    },
  });
}
