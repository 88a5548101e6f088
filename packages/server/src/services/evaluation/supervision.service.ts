/**
 * 政府保障程度, 教育质量 (spec §1.1c/§1.1d) over stored statistics and attestations: claims with evidence
 * submitted by one person and confirmed or returned by another (four-eyes), every write audited with
 * before/after in its transaction. Results name the rule set they used.
 */
import type {
  AttestationBody,
  AttestationView,
  EvaluationIssue,
  EvidenceUploadBody,
  ReviewBody,
  SupervisionIndicatorView,
  SupervisionPartResult,
} from "@luoshi/contracts";
import { AttestationBody as AttestationSchema, ReviewBody as ReviewSchema } from "@luoshi/contracts";
import type { Issue } from "@luoshi/domain";
import {
  allMet,
  evaluateGovernment,
  evaluateQuality,
  GOVERNMENT_CODES,
  GOVERNMENT_INDICATORS,
  type IndicatorVerdict,
  isPreschoolAttestedCode,
  QUALITY_CODES,
  QUALITY_INDICATORS,
  RULE_SETS,
  type RuleSet,
  type SupervisionIndicator,
  VETO_ITEMS,
  type VetoItem,
} from "@luoshi/domain/evaluation";
import { type OrgUnitRow, statsRepo, type SupervisionAttestationRow, supervisionRepo } from "@luoshi/db";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { findUnitInScope } from "../access/scope.ts";
import { computeIndicators } from "../statistics/stats-indicators.service.ts";
import { checkUpload, loadUpload, storeUpload } from "../shared/attachments.ts";
import {
  type ClaimFacts,
  governmentFromClaims,
  governmentFromStatistics,
  qualityFromClaims,
  qualityFromStatistics,
  type SchoolRecord,
  type ShownInputs,
  toAttestation,
} from "./supervision-inputs.ts";
import { authorize } from "../access/authorize.ts";

/** A unit, year and optional rule set id (the national set when absent). */
export interface SupervisionInput {
  orgUnitId: string;
  year: number;
  ruleSetId?: string | undefined;
}

/** Which part a code belongs to (学前 P-codes: the items of spec §2 no statistic carries). */
export function partOfCode(code: string): "government" | "quality" | "veto" | "preschool" {
  if ((GOVERNMENT_CODES as readonly string[]).includes(code)) {
    return "government";
  }
  if ((QUALITY_CODES as readonly string[]).includes(code)) {
    return "quality";
  }
  if ((VETO_ITEMS as readonly string[]).includes(code)) {
    return "veto";
  }
  if (isPreschoolAttestedCode(code)) {
    return "preschool";
  }
  throw new AppError("validation-failed", `没有这个指标或一票否决项：${code}`, {
    fields: [{ path: "body.code", message: "没有这个指标" }],
  });
}

/** The shipped rule set with this id (national when absent); 400 naming the known ids otherwise. */
export function findRuleSet(id: string | undefined): RuleSet {
  const found = RULE_SETS.find((r) => r.id === (id ?? "cn-national"));
  if (found === undefined) {
    throw new AppError("bad-request", `没有这个规则集：${id ?? ""}`, {
      ruleSets: RULE_SETS.map((r) => r.id),
    });
  }
  return found;
}

/** The rule set as results show it. */
export function ruleSetInfo(r: RuleSet): { id: string; version: string; name: string } {
  return { id: r.id, version: r.version, name: r.name };
}

/** Loads a unit the actor may see (`permission` first, then scope). */
export async function loadUnit(
  deps: ServiceDeps,
  actor: Actor,
  orgUnitId: string,
  permission: "evaluation.read" | "evaluation.write" | "evaluation.review" = "evaluation.read",
): Promise<OrgUnitRow> {
  authorize(actor, permission);
  const unit = await findUnitInScope(deps.handle.db, actor, orgUnitId);
  return unit;
}

/** The acting user's id; supervision records always name a person (never the system). */
export function actingUser(actor: Actor): string {
  if (actor.userId === null) {
    throw new AppError("forbidden", "督导评估的申报、审核与录入须由登录用户进行");
  }
  return actor.userId;
}

/** Domain issues as the contracts carry them. */
export function presentIssues(issues: readonly Issue[]): EvaluationIssue[] {
  return issues.map((i) => {
    const where =
      i.where === undefined
        ? undefined
        : (Object.fromEntries(Object.entries(i.where).filter(([, v]) => v !== undefined)) as Record<
            string,
            string | number
          >);
    return { code: i.code, severity: i.severity, message: i.message, ...(where ? { where } : {}) };
  });
}

/** The schools below a unit with their records of one year (two queries). */
export async function loadSchoolRecords(
  deps: ServiceDeps,
  unit: OrgUnitRow,
  year: number,
): Promise<SchoolRecord[]> {
  const { db } = deps.handle;
  const [rows, stats] = await Promise.all([
    db
      .selectFrom("org_units")
      .select(["code", "name", "school_type as schoolType"])
      .where("path", "like", `${unit.path}%`)
      .where("kind", "=", "school")
      .orderBy("code")
      .execute(),
    statsRepo.listInScope(db, "school_stats", unit.path, year, year),
  ]);
  const byCode = new Map(stats.map((s) => [s.code, s.values]));
  return rows.flatMap((r) => {
    const values = byCode.get(r.code);
    return values === undefined || r.schoolType === null
      ? []
      : [{ code: r.code, name: r.name, schoolType: r.schoolType, values }];
  });
}

async function userNames(deps: ServiceDeps, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
  if (wanted.length === 0) {
    return new Map();
  }
  const rows = await deps.handle.db
    .selectFrom("users")
    .select(["id", "display_name"])
    .where("id", "in", wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
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

async function retentionPercent(deps: ServiceDeps, actor: Actor, unit: OrgUnitRow, year: number) {
  try {
    const r = await computeIndicators(deps, actor, { orgUnitId: unit.id, year });
    return r.items.find((i) => i.code === "junior-retention-rate")?.value ?? null;
  } catch (e) {
    if (e instanceof AppError && e.code === "forbidden") {
      return null;
    }
    throw e;
  }
}

function indicatorView<C extends string>(
  def: SupervisionIndicator<C>,
  v: IndicatorVerdict<C>,
  fromData: boolean,
  fromClaim: boolean,
  shown: ShownInputs,
  attestation: AttestationView | undefined,
  names: ReadonlyMap<string, string>,
): SupervisionIndicatorView {
  let met = v.met;
  let source: SupervisionIndicatorView["source"];
  if (def.kind === "attestation") {
    source = "attestation";
  } else if (def.kind === "mixed") {
    source = "data+attestation";
  } else if (fromData) {
    source = "data";
  } else if (fromClaim) {
    source = "attestation";
  } else if (attestation?.reviewState === "confirmed") {
    // A computable indicator the statistics do not carry and without a single figure: the reviewed claim decides.
    source = "attestation";
    met = attestation.claimMet;
  } else {
    source = "none";
  }
  return {
    code: def.code,
    number: def.number,
    name: def.name,
    thresholdText: def.thresholdText,
    kind: def.kind,
    met,
    source,
    checks: v.checks.map((c) => ({
      code: c.code,
      name: c.name,
      thresholdKey: c.thresholdKey,
      threshold: c.threshold,
      direction: c.direction,
      isStrict: c.isStrict,
      numerator: c.numerator,
      denominator: c.denominator,
      value: c.value,
      met: c.met,
    })),
    failing: v.failing,
    failingNames: v.failing.map((id) => names.get(id) ?? id),
    inputs: fromData ? (shown[def.code] ?? []) : [],
    attestation: attestation ?? null,
  };
}

/**
 * One part (政府保障程度 or 教育质量) of a county for a year: computed indicators from its statistics,
 * the others from reviewed attestations. Needs `evaluation.read`.
 */
export async function evaluateSupervisionPart(
  deps: ServiceDeps,
  actor: Actor,
  input: SupervisionInput,
  part: "government" | "quality",
): Promise<SupervisionPartResult> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
  const { year } = input;
  const [schools, rows, retention] = await Promise.all([
    loadSchoolRecords(deps, unit, year),
    supervisionRepo.listAttestations(deps.handle.db, unit.id, year),
    part === "quality" ? retentionPercent(deps, actor, unit, year) : Promise.resolve(null),
  ]);
  const views = await presentAttestations(
    deps,
    rows.filter((r) => r.part === part),
  );
  const claims = claimFacts(views);
  const names = new Map(schools.map((s) => [s.code, s.name]));
  let indicators: SupervisionIndicatorView[];
  let issues: Issue[];
  if (part === "government") {
    const { inputs, shown } = governmentFromStatistics(schools);
    const dataCodes = new Set(Object.keys(shown));
    if (inputs.specialSchools?.length === 0) {
      dataCodes.add("G07");
      shown.G07 = [{ label: "特殊教育学校", value: "无" }];
    }
    const filled = governmentFromClaims(inputs, claims);
    inputs.attestations = Object.fromEntries([...claims.values()].map((c) => [c.code, toAttestation(c)]));
    const r = evaluateGovernment(inputs, { ruleSet });
    issues = r.issues;
    indicators = r.indicators.map((v) =>
      indicatorView(
        GOVERNMENT_INDICATORS[v.code],
        v,
        dataCodes.has(v.code),
        filled.has(v.code),
        shown,
        views.get(v.code),
        names,
      ),
    );
  } else {
    const { inputs, shown } = qualityFromStatistics(schools, retention);
    const dataCodes = new Set(Object.keys(shown));
    const filled = qualityFromClaims(inputs, claims);
    inputs.attestations = Object.fromEntries([...claims.values()].map((c) => [c.code, toAttestation(c)]));
    const r = evaluateQuality(inputs, { ruleSet });
    issues = r.issues;
    indicators = r.indicators.map((v) =>
      indicatorView(
        QUALITY_INDICATORS[v.code],
        v,
        dataCodes.has(v.code),
        filled.has(v.code),
        shown,
        views.get(v.code),
        names,
      ),
    );
  }
  return {
    orgUnit: { id: unit.id, code: unit.code, name: unit.name },
    year,
    part,
    ruleSet: ruleSetInfo(ruleSet),
    indicators,
    isPass: allMet(indicators.map((i) => i.met)),
    issues: presentIssues(issues),
  };
}

async function viewOf(deps: ServiceDeps, row: SupervisionAttestationRow): Promise<AttestationView> {
  const view = (await presentAttestations(deps, [row])).get(row.code);
  if (view === undefined) {
    throw new AppError("internal", "佐证记录读取失败");
  }
  return view;
}

function auditView(r: SupervisionAttestationRow | undefined) {
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

/**
 * 提交佐证: submits or replaces the claim of one indicator or veto item for a county and year; its review
 * starts again (待审核). Needs `evaluation.write`; audited with before/after.
 */
export async function submitAttestation(
  deps: ServiceDeps,
  actor: Actor,
  body: AttestationBody,
): Promise<AttestationView> {
  const b = AttestationSchema.parse(body);
  const unit = await loadUnit(deps, actor, b.orgUnitId, "evaluation.write");
  const part = partOfCode(b.code);
  const row = await deps.handle.db.transaction().execute(async (trx) => {
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
  return viewOf(deps, row);
}

async function loadAttestation(
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

/**
 * 上传佐证材料: one evidence file for an attestation (pdf/图片/docx/xlsx, ≤ 10 MB, content checked);
 * a reviewed claim goes back to 待审核 since what was reviewed changed. Needs `evaluation.write`.
 */
export async function addEvidence(
  deps: ServiceDeps,
  actor: Actor,
  attestationId: string,
  body: EvidenceUploadBody,
): Promise<AttestationView> {
  const row = await loadAttestation(deps, actor, attestationId, "evaluation.write");
  const file = checkUpload(body.fileName, body.contentBase64, { label: "佐证材料", field: "body" });
  storeUpload(deps.config.dataDir, file);
  const after = await deps.handle.db.transaction().execute(async (trx) => {
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
  return viewOf(deps, after);
}

/**
 * 审核: confirms or returns a pending claim. Needs `evaluation.review`; the submitter may not review
 * their own claim (403); a claim already reviewed is 409; returning needs a comment.
 */
export async function reviewAttestation(
  deps: ServiceDeps,
  actor: Actor,
  attestationId: string,
  body: ReviewBody,
): Promise<AttestationView> {
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
  const after = await deps.handle.db.transaction().execute(async (trx) => {
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
  return viewOf(deps, after);
}

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

/** Veto declarations of a county and year, by item. */
export async function vetoAttestations(
  deps: ServiceDeps,
  unitId: string,
  year: number,
): Promise<Map<VetoItem, AttestationView>> {
  const rows = await supervisionRepo.listAttestations(deps.handle.db, unitId, year);
  const views = await presentAttestations(
    deps,
    rows.filter((r) => r.part === "veto"),
  );
  return new Map([...views].map(([k, v]) => [k as VetoItem, v]));
}
