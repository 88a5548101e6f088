/**
 * The address to return to after login, from `?next=`. Only same-site paths are accepted — never
 * `//evil.example` or `https://…` (an open redirect) — and /login itself leads home.
 */
export function safeNext(next: string | null): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return "/";
  }
  if (next === "/login" || next.startsWith("/login?")) {
    return "/";
  }
  return next;
}
