/** The overall 优质均衡 verdict (spec §1.1e) with its 一票否决 items. */
import {
  VETO_ITEMS,
  type VetoItem,
  evaluateOverall,
  type OverallPart,
  type OverallVerdict,
  type RuleSet,
} from "@luoshi/domain/evaluation";
import { type OrgUnitRow, supervisionRepo } from "@luoshi/db";
import { AppError } from "../../../errors.ts";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { evaluateBalance } from "../evaluation.service.ts";
import { type SupervisionInput, loadUnit } from "./supervision-common.ts";
import { findRuleSet, provinceRuleSet } from "../rule-set.ts";
import { type AttestationRecord, loadAttestationRecords } from "./attestation-records.ts";
import { getRecognition } from "./recognition.service.ts";
import { evaluateSupervisionPart } from "./evaluate-part.service.ts";

/** Veto declarations of a county and year, by item. */
async function vetoAttestations(
  deps: ServiceDeps,
  unitId: string,
  year: number,
): Promise<Map<VetoItem, AttestationRecord>> {
  const rows = await supervisionRepo.listAttestations(deps.handle.db, unitId, year);
  const records = await loadAttestationRecords(
    deps,
    rows.filter((r) => r.part === "veto"),
  );
  return new Map([...records].map(([k, v]) => [k as VetoItem, v]));
}

/** The parts of the overall verdict in the order results list them, with their names. */
export const OVERALL_PART_LABELS: Record<OverallPart, string> = {
  resource: "资源配置",
  government: "政府保障程度",
  quality: "教育质量",
  recognition: "社会认可度",
  prerequisite: "申报条件（通过基本均衡认定三年以上）",
};

/** The overall verdict of a county and year with what it rests on. */
export interface OverallOutcome extends OverallVerdict {
  unit: OrgUnitRow;
  year: number;
  ruleSet: RuleSet;
  /** Each part's verdict; null while pending. */
  isPass: Record<OverallPart, boolean | null>;
  /** Each veto item: true when a reviewed declaration says the county is free of it, null when unreviewed. */
  vetoMet: Record<VetoItem, boolean | null>;
  /** The declarations of the veto items, by item. */
  vetoAttestations: ReadonlyMap<VetoItem, AttestationRecord>;
  basicBalanceYear: number | null;
}

/**
 * The overall verdict (spec §1.1e): 资源配置 from the stored statistics, the other parts as stored,
 * the veto items from reviewed declarations. A county without statistics has 资源配置 pending.
 */
export async function getOverall(
  deps: ServiceDeps,
  actor: Actor,
  input: SupervisionInput,
): Promise<OverallOutcome> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId, await provinceRuleSet(deps.handle.db, unit));
  const resource = await evaluateBalance(deps, actor, {
    orgUnitId: unit.id,
    year: input.year,
    ruleSetId: ruleSet.id,
  }).then(
    (r) => r.evaluation.isResourcePass,
    (e: unknown) => {
      if (e instanceof AppError && e.code === "not-found") {
        return null;
      }
      throw e;
    },
  );
  const government = await evaluateSupervisionPart(deps, actor, input, "government");
  const quality = await evaluateSupervisionPart(deps, actor, input, "quality");
  const recognition = await getRecognition(deps, actor, input);
  const vetoes = await vetoAttestations(deps, unit.id, input.year);
  const settings = await supervisionRepo.findSettings(deps.handle.db, unit.id, input.year);
  const basicBalanceYear = settings?.basic_balance_year ?? null;
  const vetoMet = (item: (typeof VETO_ITEMS)[number]): boolean | null => {
    const a = vetoes.get(item);
    return a?.row.review_state === "confirmed" ? a.row.claim_met : null;
  };
  const v = evaluateOverall({
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    resource: { isResourcePass: resource ?? true },
    government: { isPass: government.isPass },
    quality: { isPass: quality.isPass },
    recognition: { isPass: recognition.evaluation.isPass },
    vetoes: Object.fromEntries(
      VETO_ITEMS.map((item) => [item, { met: vetoMet(item), evidence: "", reviewer: "" }]),
    ),
    ...(basicBalanceYear === null ? {} : { prerequisite: { basicBalanceYear, evaluationYear: input.year } }),
  });
  let verdict = v.verdict;
  const pendingParts = [...v.pendingParts];
  const reasons = [...v.reasons];
  if (resource === null) {
    pendingParts.unshift("resource");
    reasons.push(`${OVERALL_PART_LABELS.resource}缺少 ${String(input.year)} 年的学校统计数据，尚未完成评估`);
    if (verdict === "pass") {
      verdict = "pending";
    }
  }
  const isPass: Record<OverallPart, boolean | null> = {
    resource,
    government: government.isPass,
    quality: quality.isPass,
    recognition: recognition.evaluation.isPass,
    prerequisite: basicBalanceYear === null ? null : input.year - basicBalanceYear >= 3,
  };
  return {
    unit,
    year: input.year,
    ruleSet,
    verdict,
    isPass,
    vetoMet: Object.fromEntries(VETO_ITEMS.map((item) => [item, vetoMet(item)])) as Record<
      VetoItem,
      boolean | null
    >,
    vetoAttestations: vetoes,
    vetoes: v.vetoes,
    failedParts: v.failedParts,
    pendingParts,
    reasons,
    basicBalanceYear,
  };
}
