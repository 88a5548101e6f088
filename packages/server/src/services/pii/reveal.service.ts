import { decryptField, FieldCryptoError, inTransaction } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** Whose record is being opened: its kind (`pupil`, `guardian` …) and id, as the audit trail names it. */
export interface PersonalSubject {
  type: string;
  id: string;
}

/** The reason a user gives for seeing full values: required, as the trail's "why". */
const REASON = { min: 2, max: 200 } as const;

/**
 * 查看明文 — the only path from a stored (encrypted) personal-data field to its full value on a screen or
 * in an answer (docs/personal-data.md). It checks `pupil.unmasked`, requires a reason, writes one audit
 * row "who saw whose record, which fields, why" (never the values), and only then decrypts. A failed audit
 * write fails the reveal. The caller has read the record through its scoped repository, so the subject is
 * already inside the actor's scope; this adds the permission, the reason and the trace.
 */
export async function revealPersonal<F extends string>(
  deps: ServiceDeps,
  actor: Actor,
  subject: PersonalSubject,
  fields: Readonly<Record<F, string | null>>,
  reason: string,
): Promise<Record<F, string | null>> {
  authorize(actor, "pupil.unmasked");
  const why = reason.trim();
  if (why.length < REASON.min || why.length > REASON.max) {
    throw new AppError(
      "validation-failed",
      `查看个人信息明文须填写理由（${String(REASON.min)}–${String(REASON.max)} 个字），理由记入审计日志`,
      { fields: [{ path: "body.reason", message: "请填写查看理由" }] },
    );
  }
  const names = Object.keys(fields) as F[];
  if (names.length === 0) {
    throw new AppError("validation-failed", "未指定要查看的字段");
  }
  const { db } = deps.handle;
  await inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "pii.reveal",
      entityType: subject.type,
      entityId: subject.id,
      details: { fields: names, reason: why },
    }),
  );
  const out = {} as Record<F, string | null>;
  for (const name of names) {
    const stored = fields[name];
    try {
      out[name] = stored === null ? null : decryptField(db, stored);
    } catch (error) {
      if (error instanceof FieldCryptoError) {
        throw new AppError(
          "internal",
          `字段 ${name} 无法解密：${error.message}。请联系安全管理员核对字段密钥`,
        );
      }
      throw error;
    }
  }
  return out;
}
