/** 审核: another person confirms or returns a claim (four-eyes). */
import type { ReviewBody } from "@luoshi/contracts";
import { ReviewBody as ReviewSchema } from "@luoshi/contracts";
import { inTransaction, supervisionRepo } from "@luoshi/db";
import { AppError } from "../../../errors.ts";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { recordAudit } from "../../audit/audit.service.ts";
import { actingUser } from "./supervision-common.ts";
import { recordOf, auditView, loadAttestation, type AttestationRecord } from "./attestation-records.ts";

/**
 * 审核: confirms or returns a pending claim. Needs `evaluation.review`; the submitter may not review
 * their own claim (403); a claim already reviewed is 409; returning needs a comment.
 */
export async function reviewAttestation(
  deps: ServiceDeps,
  actor: Actor,
  attestationId: string,
  body: ReviewBody,
): Promise<AttestationRecord> {
  const b = ReviewSchema.parse(body);
  const row = await loadAttestation(deps, actor, attestationId, "evaluation.review");
  if (row.submitted_by === actor.userId) {
    throw new AppError("forbidden", "不能审核自己提交的佐证材料：须由另一名审核人员确认（双人复核）");
  }
  if (row.review_state !== "pending") {
    throw new AppError(
      "invalid-transition",
      `该佐证已${row.review_state === "confirmed" ? "确认" : "退回"}，需重新提交后才能再次审核`,
    );
  }
  if (b.decision === "return" && b.comment === "") {
    throw new AppError("validation-failed", "退回时请填写审核意见", {
      fields: [{ path: "body.comment", message: "请填写退回理由" }],
    });
  }
  const after = await inTransaction(deps.handle.db, async (trx) => {
    const updated = await supervisionRepo.setReview(trx, row.id, {
      state: b.decision === "confirm" ? "confirmed" : "returned",
      reviewedBy: actingUser(actor),
      comment: b.comment === "" ? null : b.comment,
      at: deps.now(),
    });
    await recordAudit(trx, actor, {
      action: "evaluation.attestation-review",
      entityType: "supervision_attestation",
      entityId: row.id,
      before: auditView(row),
      after: auditView(updated),
    });
    return updated;
  });
  return recordOf(deps, after);
}
