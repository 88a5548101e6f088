import { checkPassword } from "@luoshi/domain/auth";
import { inTransaction, userRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import type { AuthenticatedSession } from "./session.ts";

/** How many earlier passwords a new one may not repeat. */
const HISTORY = 5;

/** 修改口令: checks the current password, the policy and the last five passwords. */
export async function changePassword(
  deps: ServiceDeps,
  session: AuthenticatedSession,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const { db } = deps.handle;
  const user = await userRepo.findById(db, session.user.id);
  if (user === undefined) {
    throw new AppError("unauthenticated", "请先登录");
  }
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("validation-failed", "当前口令不正确", {
      fields: [{ path: "body.currentPassword", message: "当前口令不正确" }],
    });
  }
  const problems = checkPassword(input.newPassword, user.login);
  if (problems.length > 0) {
    throw new AppError("password-policy", `新口令不符合要求：${problems.map((p) => p.message).join("；")}`, {
      fields: problems.map((p) => ({ path: "body.newPassword", message: p.message })),
    });
  }
  const previous = [user.password_hash, ...user.password_history].slice(0, HISTORY);
  for (const old of previous) {
    if (await verifyPassword(old, input.newPassword)) {
      throw new AppError("password-policy", `新口令不得与最近 ${HISTORY} 次使用过的口令相同`, {
        fields: [{ path: "body.newPassword", message: `不得与最近 ${HISTORY} 次使用过的口令相同` }],
      });
    }
  }
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (trx) => {
    await userRepo.update(trx, user.id, {
      password_hash: passwordHash,
      password_history: previous.slice(0, HISTORY),
      password_changed_at: deps.now(),
      must_change_password: false,
    });
    await recordAudit(trx, session.actor, {
      action: "auth.password-change",
      entityType: "user",
      entityId: user.id,
    });
  });
}
