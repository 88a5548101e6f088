/** Reading one evidence file (audited). */
import { supervisionRepo } from "@luoshi/db";
import { AppError } from "../../../errors.ts";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { recordAudit } from "../../audit/audit.service.ts";
import { authorize } from "../../access/authorize.ts";
import { loadUpload } from "../../uploads/attachments.ts";
import { loadAttestation } from "./attestation-records.ts";

/** An evidence file the actor may see, with its bytes; the read is audited. */
export async function readEvidenceFile(deps: ServiceDeps, actor: Actor, evidenceId: string) {
  authorize(actor, "evaluation.read");
  const evidence = await supervisionRepo.findEvidence(deps.handle.db, evidenceId);
  if (evidence === undefined) {
    throw new AppError("not-found", "佐证材料不存在");
  }
  await loadAttestation(deps, actor, evidence.attestation_id, "evaluation.read");
  const bytes = loadUpload(deps.config.dataDir, evidence.sha256);
  await recordAudit(deps.handle.db, actor, {
    action: "evaluation.evidence-read",
    entityType: "supervision_evidence",
    entityId: evidence.id,
  });
  return { evidence, bytes };
}
