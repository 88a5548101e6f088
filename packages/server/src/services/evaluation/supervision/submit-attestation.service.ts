/** 提交佐证: a claim for one indicator or veto item, reviewed later by another person (four-eyes). */
import type { AttestationBody } from "@luoshi/contracts";
import { AttestationBody as AttestationSchema } from "@luoshi/contracts";
import { inTransaction, supervisionRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { recordAudit } from "../../audit/audit.service.ts";
import { loadUnit, actingUser } from "./supervision-common.ts";
import { recordOf, auditView, partOfCode, type AttestationRecord } from "./attestation-records.ts";

/**
 * 提交佐证: submits or replaces the claim of one indicator or veto item for a county and year; its review
 * starts again (待审核). Needs `evaluation.write`; audited with before/after.
 */
export async function submitAttestation(
  deps: ServiceDeps,
  actor: Actor,
  body: AttestationBody,
): Promise<AttestationRecord> {
  const b = AttestationSchema.parse(body);
  const unit = await loadUnit(deps, actor, b.orgUnitId, "evaluation.write");
  const part = partOfCode(b.code);
  const row = await inTransaction(deps.handle.db, async (trx) => {
    const before = await supervisionRepo.findAttestationByCode(trx, unit.id, b.year, b.code);
    const after = await supervisionRepo.upsertAttestation(trx, {
      orgUnitId: unit.id,
      year: b.year,
      part,
      code: b.code,
      claimMet: b.claimMet,
      claimedValue: b.claimedValue ?? null,
      note: b.note,
      submittedBy: actingUser(actor),
      submittedAt: deps.now(),
    });
    await recordAudit(trx, actor, {
      action: "evaluation.attestation-submit",
      entityType: "supervision_attestation",
      entityId: after.id,
      before: auditView(before),
      after: auditView(after),
      details: { orgUnitId: unit.id, year: b.year },
    });
    return after;
  });
  return recordOf(deps, row);
}
