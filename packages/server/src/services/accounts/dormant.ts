import type { UserRow } from "@luoshi/db";

/**
 * The account's last sign of life: its last login, else its creation; a password set later (a reset by
 * an administrator, who thereby vouches for the account) counts too.
 */
export function lastActiveAt(
  user: Pick<UserRow, "last_login_at" | "created_at" | "password_changed_at">,
): Date {
  const times = [user.created_at, user.password_changed_at, user.last_login_at].filter(
    (t): t is Date => t !== null,
  );
  return new Date(Math.max(...times.map((t) => t.getTime())));
}

/** 长期未用账号 (security.md, "Stale or shared accounts"): no sign of life for `dormantMs`. */
export function isDormant(
  user: Pick<UserRow, "last_login_at" | "created_at" | "password_changed_at">,
  now: Date,
  dormantMs: number,
): boolean {
  return now.getTime() - lastActiveAt(user).getTime() > dormantMs;
}
