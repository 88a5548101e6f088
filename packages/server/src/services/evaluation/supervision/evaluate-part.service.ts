/**
 * 政府保障程度, 教育质量 (spec §1.1c/§1.1d) of a county and year: computed indicators from its
 * statistics, the others from reviewed attestations. Results name the rule set they used.
 */
import type { Issue } from "@luoshi/domain";
import {
  allMet,
  evaluateGovernment,
  evaluateQuality,
  GOVERNMENT_INDICATORS,
  type IndicatorVerdict,
  QUALITY_INDICATORS,
  type RuleSet,
  type SupervisionIndicator,
} from "@luoshi/domain/evaluation";
import { type OrgUnitRow, supervisionRepo } from "@luoshi/db";
import { AppError } from "../../../errors.ts";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { computeIndicators } from "../../statistics/stats-indicators.service.ts";
import {
  governmentFromClaims,
  governmentFromStatistics,
  qualityFromClaims,
  qualityFromStatistics,
  type ShownInputs,
  toAttestation,
} from "../supervision-inputs.ts";
import { type SupervisionInput, loadUnit, loadSchoolRecords } from "./supervision-common.ts";
import { findRuleSet } from "../rule-set.ts";
import { type AttestationRecord, loadAttestationRecords, claimFacts } from "./attestation-records.ts";

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

/** Where an indicator's verdict came from. */
type IndicatorSource = "data" | "attestation" | "data+attestation" | "none";

/** One indicator of a part as evaluated: its definition, its checks, and where its verdict came from. */
export interface SupervisionIndicatorOutcome {
  def: SupervisionIndicator;
  verdict: IndicatorVerdict;
  met: boolean | null;
  source: IndicatorSource;
  /** The failing school codes by name (the code when a school has no name). */
  failingNames: string[];
  /** The statistics shown for an indicator computed from data; empty otherwise. */
  inputs: { label: string; value: string }[];
  attestation: AttestationRecord | null;
}

/** One part (政府保障程度 or 教育质量) of a county and year, evaluated. */
export interface SupervisionPartOutcome {
  unit: OrgUnitRow;
  year: number;
  part: "government" | "quality";
  ruleSet: RuleSet;
  indicators: SupervisionIndicatorOutcome[];
  isPass: boolean | null;
  issues: Issue[];
}

function indicatorOutcome<C extends string>(
  def: SupervisionIndicator<C>,
  v: IndicatorVerdict<C>,
  fromData: boolean,
  fromClaim: boolean,
  shown: ShownInputs,
  attestation: AttestationRecord | undefined,
  names: ReadonlyMap<string, string>,
): SupervisionIndicatorOutcome {
  let met = v.met;
  let source: IndicatorSource;
  if (def.kind === "attestation") {
    source = "attestation";
  } else if (def.kind === "mixed") {
    source = "data+attestation";
  } else if (fromData) {
    source = "data";
  } else if (fromClaim) {
    source = "attestation";
  } else if (attestation?.row.review_state === "confirmed") {
    // A computable indicator the statistics do not carry and without a single figure: the reviewed claim decides.
    source = "attestation";
    met = attestation.row.claim_met;
  } else {
    source = "none";
  }
  return {
    def,
    verdict: v,
    met,
    source,
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
): Promise<SupervisionPartOutcome> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
  const { year } = input;
  const [schools, rows, retention] = await Promise.all([
    loadSchoolRecords(deps, unit, year),
    supervisionRepo.listAttestations(deps.handle.db, unit.id, year),
    part === "quality" ? retentionPercent(deps, actor, unit, year) : Promise.resolve(null),
  ]);
  const records = await loadAttestationRecords(
    deps,
    rows.filter((r) => r.part === part),
  );
  const claims = claimFacts(records);
  const names = new Map(schools.map((s) => [s.code, s.name]));
  let indicators: SupervisionIndicatorOutcome[];
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
      indicatorOutcome(
        GOVERNMENT_INDICATORS[v.code],
        v,
        dataCodes.has(v.code),
        filled.has(v.code),
        shown,
        records.get(v.code),
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
      indicatorOutcome(
        QUALITY_INDICATORS[v.code],
        v,
        dataCodes.has(v.code),
        filled.has(v.code),
        shown,
        records.get(v.code),
        names,
      ),
    );
  }
  return { unit, year, part, ruleSet, indicators, isPass: allMet(indicators.map((i) => i.met)), issues };
}
