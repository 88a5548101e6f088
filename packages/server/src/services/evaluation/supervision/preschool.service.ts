/** 学前普及普惠 (spec §2) of a unit and year from stored statistics and confirmed claims. */
import {
  isPreschoolAttestedCode,
  evaluatePreschool,
  type PreschoolEvaluation,
  type RuleSet,
  type PreschoolAttestedCode,
  type PreschoolClaim,
  type PreschoolFigures,
} from "@luoshi/domain/evaluation";
import { type OrgUnitRow, supervisionRepo } from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { computeIndicators } from "../../statistics/stats-indicators.service.ts";
import { type SupervisionInput, loadUnit } from "./supervision-common.ts";
import { findRuleSet } from "../rule-set.ts";
import { type AttestationRecord, loadAttestationRecords, claimFacts } from "./attestation-records.ts";
import { toAttestation } from "../supervision-inputs.ts";

/** The county figures of spec §2 the indicator engine computes from stored statistics. */
async function preschoolFigures(
  deps: ServiceDeps,
  actor: Actor,
  unit: OrgUnitRow,
  year: number,
): Promise<PreschoolFigures> {
  const r = await computeIndicators(deps, actor, { orgUnitId: unit.id, year });
  const item = (code: string) => {
    const i = r.items.find((x) => x.code === code);
    return i !== undefined && i.numerator !== null && i.denominator !== null && i.denominator > 0
      ? i
      : undefined;
  };
  const f: PreschoolFigures = {};
  const gross = item("preschool-gross-enrolment-rate");
  if (gross) {
    f.enrolledChildren = gross.numerator ?? 0;
    f.population3to5 = gross.denominator ?? 0;
  }
  const inclusive = item("inclusive-kindergarten-share");
  if (inclusive) {
    f.enrolledChildren ??= inclusive.denominator ?? 0;
    f.inclusiveEnrolled = inclusive.numerator ?? 0;
  }
  const pub = item("public-kindergarten-share");
  if (pub) {
    f.publicEnrolled = pub.numerator ?? 0;
  }
  const ratio = item("kindergarten-child-teacher-ratio");
  if (ratio) {
    f.enrolledChildren ??= ratio.numerator ?? 0;
    f.fullTimeTeachers = ratio.denominator ?? 0;
  }
  const certified = item("kindergarten-certified-rate");
  if (certified) {
    f.certified = { compliant: certified.numerator ?? 0, total: certified.denominator ?? 0 };
  }
  return f;
}

/** 学前普及普惠 of a unit and year: the evaluation and the claims behind its attested items. */
export interface PreschoolOutcome {
  unit: OrgUnitRow;
  year: number;
  ruleSet: RuleSet;
  evaluation: PreschoolEvaluation;
  /** The claims of the attested items, by indicator code. */
  attestations: ReadonlyMap<string, AttestationRecord>;
}

/**
 * 学前普及普惠 (spec §2) of a unit and year from stored statistics under the chosen rule set (河南's
 * 90% 毛入园率 via `cn-41-henan`), the items no statistic carries from claims a second person confirmed
 * (the 佐证 flow of 优质均衡, part `preschool`); the result names the set it used.
 */
export async function getPreschool(
  deps: ServiceDeps,
  actor: Actor,
  input: SupervisionInput,
): Promise<PreschoolOutcome> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
  const [figures, rows] = await Promise.all([
    preschoolFigures(deps, actor, unit, input.year),
    supervisionRepo.listAttestations(deps.handle.db, unit.id, input.year),
  ]);
  const records = await loadAttestationRecords(
    deps,
    rows.filter((row) => row.part === "preschool" && isPreschoolAttestedCode(row.code)),
  );
  const claims: Partial<Record<PreschoolAttestedCode, PreschoolClaim>> = {};
  for (const c of claimFacts(records).values()) {
    if (isPreschoolAttestedCode(c.code)) {
      claims[c.code] = { ...toAttestation(c), value: c.confirmed ? c.claimedValue : null };
    }
  }
  figures.claims = claims;
  const evaluation = evaluatePreschool(figures, { ruleSet });
  return { unit, year: input.year, ruleSet, evaluation, attestations: records };
}
