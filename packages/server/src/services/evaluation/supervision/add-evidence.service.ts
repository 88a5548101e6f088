/** 上传佐证材料: one evidence file for an attestation. */
import type { EvidenceUploadBody } from "@luoshi/contracts";
import { inTransaction, supervisionRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { recordAudit } from "../../audit/audit.service.ts";
import { checkUpload, storeUpload } from "../../uploads/attachments.ts";
import { recordOf, loadAttestation, type AttestationRecord } from "./attestation-records.ts";

/**
 * 上传佐证材料: one evidence file for an attestation (pdf/图片/docx/xlsx, ≤ 10 MB, content checked);
 * a reviewed claim goes back to 待审核 since what was reviewed changed. Needs `evaluation.write`.
 */
export async function addEvidence(
  deps: ServiceDeps,
  actor: Actor,
  attestationId: string,
  body: EvidenceUploadBody,
): Promise<AttestationRecord> {
  const row = await loadAttestation(deps, actor, attestationId, "evaluation.write");
  const file = checkUpload(body.fileName, body.contentBase64, { label: "佐证材料", field: "body" });
  storeUpload(deps.config.dataDir, file);
  const after = await inTransaction(deps.handle.db, async (trx) => {
    const evidence = await supervisionRepo.insertEvidence(trx, {
      attestation_id: row.id,
      file_name: file.fileName,
      media_type: file.mediaType,
      size_bytes: file.bytes.length,
      sha256: file.sha256,
      uploaded_by: actor.userId,
      uploaded_at: deps.now(),
    });
    const updated =
      row.review_state === "pending"
        ? row
        : await supervisionRepo.setReview(trx, row.id, {
            state: "pending",
            reviewedBy: null,
            comment: null,
            at: null,
          });
    await recordAudit(trx, actor, {
      action: "evaluation.evidence-upload",
      entityType: "supervision_attestation",
      entityId: row.id,
      before: { reviewState: row.review_state },
      after: {
        reviewState: updated.review_state,
        evidence: { id: evidence.id, fileName: file.fileName, sha256: file.sha256 },
      },
    });
    return updated;
  });
  return recordOf(deps, after);
}
