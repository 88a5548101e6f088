/** 佐证 attestations as the 督导评估 use cases read them: with their evidence, people and review. */
import type { AttestationView } from "@luoshi/contracts";
import { type AttestationPart, attestationPartOfCode } from "@luoshi/domain/evaluation";
import { evaluationRepo, type SupervisionAttestationRow, supervisionRepo } from "@luoshi/db";
import { AppError } from "../../../errors.ts";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { authorize } from "../../access/authorize.ts";
import { type ClaimFacts } from "../supervision-inputs.ts";
import { loadUnit } from "./supervision-common.ts";

/** Which part a code belongs to; 422 naming the field when it names no indicator or veto item. */
export function partOfCode(code: string): AttestationPart {
  const part = attestationPartOfCode(code);
  if (part !== null) {
    return part;
  }
  throw new AppError("validation-failed", `没有这个指标或一票否决项：${code}`, {
    fields: [{ path: "body.code", message: "没有这个指标" }],
  });
}

async function userNames(deps: ServiceDeps, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  return evaluationRepo.displayNames(deps.handle.db, [
    ...new Set(ids.filter((i): i is string => i !== null)),
  ]);
}

/** Attestation rows with their evidence and people, as the API shows them, by code. */
export async function presentAttestations(
  deps: ServiceDeps,
  rows: readonly SupervisionAttestationRow[],
): Promise<Map<string, AttestationView>> {
  const evidence = await supervisionRepo.listEvidence(
    deps.handle.db,
    rows.map((r) => r.id),
  );
  const names = await userNames(
    deps,
    rows.flatMap((r) => [r.submitted_by, r.reviewed_by]),
  );
  const person = (id: string) => ({ id, name: names.get(id) ?? "（已删除的用户）" });
  return new Map(
    rows.map((r) => [
      r.code,
      {
        id: r.id,
        code: r.code,
        claimMet: r.claim_met,
        claimedValue: r.claimed_value,
        note: r.note,
        submittedBy: person(r.submitted_by),
        submittedAt: r.submitted_at.toISOString(),
        reviewState: r.review_state as AttestationView["reviewState"],
        reviewedBy: r.reviewed_by === null ? null : person(r.reviewed_by),
        reviewComment: r.review_comment,
        reviewedAt: r.reviewed_at === null ? null : r.reviewed_at.toISOString(),
        evidence: evidence
          .filter((e) => e.attestation_id === r.id)
          .map((e) => ({
            id: e.id,
            fileName: e.file_name,
            mediaType: e.media_type,
            sizeBytes: e.size_bytes,
            uploadedAt: e.uploaded_at.toISOString(),
          })),
      },
    ]),
  );
}

/** Claims by code, as the checks read them. */
export function claimFacts(views: ReadonlyMap<string, AttestationView>): Map<string, ClaimFacts> {
  return new Map(
    [...views.values()].map((a) => [
      a.code,
      {
        code: a.code,
        claimMet: a.claimMet,
        claimedValue: a.claimedValue,
        confirmed: a.reviewState === "confirmed",
        evidence: a.evidence.map((e) => e.fileName).join("、"),
        reviewer: a.reviewedBy?.name ?? "",
      },
    ]),
  );
}

/** One attestation row as the API shows it. */
export async function viewOf(deps: ServiceDeps, row: SupervisionAttestationRow): Promise<AttestationView> {
  const view = (await presentAttestations(deps, [row])).get(row.code);
  if (view === undefined) {
    throw new AppError("internal", "佐证记录读取失败");
  }
  return view;
}

/** The fields of an attestation an audit entry records. */
export function auditView(r: SupervisionAttestationRow | undefined) {
  return r === undefined
    ? undefined
    : {
        code: r.code,
        claimMet: r.claim_met,
        claimedValue: r.claimed_value,
        note: r.note,
        reviewState: r.review_state,
        reviewedBy: r.reviewed_by,
        reviewComment: r.review_comment,
      };
}

/** An attestation the actor may act on (`permission` first, then scope); 404 when unknown. */
export async function loadAttestation(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  permission: "evaluation.read" | "evaluation.write" | "evaluation.review",
): Promise<SupervisionAttestationRow> {
  authorize(actor, permission);
  const row = await supervisionRepo.findAttestation(deps.handle.db, id);
  if (row === undefined) {
    throw new AppError("not-found", "佐证记录不存在");
  }
  await loadUnit(deps, actor, row.org_unit_id, permission);
  return row;
}
