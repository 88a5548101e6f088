/** 佐证 attestations as the 督导评估 use cases read them: with their evidence, people and review. */
import { type AttestationPart, attestationPartOfCode } from "@luoshi/domain/evaluation";
import {
  evaluationRepo,
  type SupervisionAttestationRow,
  type SupervisionEvidenceRow,
  supervisionRepo,
} from "@luoshi/db";
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

/** A person an attestation names, with the display name (or a placeholder once the user is deleted). */
interface AttestationPerson {
  id: string;
  name: string;
}

/** An attestation row with its evidence files and the people who submitted and reviewed it. */
export interface AttestationRecord {
  row: SupervisionAttestationRow;
  evidence: SupervisionEvidenceRow[];
  submittedBy: AttestationPerson;
  reviewedBy: AttestationPerson | null;
}

/** Attestation rows with their evidence and people (two queries), by code. */
export async function loadAttestationRecords(
  deps: ServiceDeps,
  rows: readonly SupervisionAttestationRow[],
): Promise<Map<string, AttestationRecord>> {
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
        row: r,
        evidence: evidence.filter((e) => e.attestation_id === r.id),
        submittedBy: person(r.submitted_by),
        reviewedBy: r.reviewed_by === null ? null : person(r.reviewed_by),
      },
    ]),
  );
}

/** Claims by code, as the checks read them. */
export function claimFacts(records: ReadonlyMap<string, AttestationRecord>): Map<string, ClaimFacts> {
  return new Map(
    [...records.values()].map(({ row, evidence, reviewedBy }) => [
      row.code,
      {
        code: row.code,
        claimMet: row.claim_met,
        claimedValue: row.claimed_value,
        confirmed: row.review_state === "confirmed",
        evidence: evidence.map((e) => e.file_name).join("、"),
        reviewer: reviewedBy?.name ?? "",
      },
    ]),
  );
}

/** One attestation row with its evidence and people. */
export async function recordOf(
  deps: ServiceDeps,
  row: SupervisionAttestationRow,
): Promise<AttestationRecord> {
  const record = (await loadAttestationRecords(deps, [row])).get(row.code);
  if (record === undefined) {
    throw new AppError("internal", "佐证记录读取失败");
  }
  return record;
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
