/** The overall 优质均衡 verdict (spec §1.1e) with its 一票否决 items. */
import type { AttestationView, OverallResult } from "@luoshi/contracts";
import {
  VETO_ITEMS,
  type VetoItem,
  evaluateOverall,
  type OverallPart,
  VETO_ITEM_LABELS,
} from "@luoshi/domain/evaluation";
import { supervisionRepo } from "@luoshi/db";
import { AppError } from "../../../errors.ts";
import type { Actor, ServiceDeps } from "../../../context.ts";
import { evaluateBalance } from "../evaluation.service.ts";
import { type SupervisionInput, ruleSetInfo, loadUnit, unitHead } from "./supervision-common.ts";
import { findRuleSet } from "../rule-set.ts";
import { presentAttestations } from "./attestation-views.ts";
import { getRecognition } from "./recognition.service.ts";
import { evaluateSupervisionPart } from "./evaluate-part.service.ts";

/** Veto declarations of a county and year, by item. */
async function vetoAttestations(
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

const PART_LABELS: Record<OverallPart, string> = {
  resource: "资源配置",
  government: "政府保障程度",
  quality: "教育质量",
  recognition: "社会认可度",
  prerequisite: "申报条件（通过基本均衡认定三年以上）",
};

/**
 * The overall verdict (spec §1.1e): 资源配置 from the stored statistics, the other parts as stored,
 * the veto items from reviewed declarations. A county without statistics has 资源配置 pending.
 */
export async function getOverall(
  deps: ServiceDeps,
  actor: Actor,
  input: SupervisionInput,
): Promise<OverallResult> {
  const unit = await loadUnit(deps, actor, input.orgUnitId);
  const ruleSet = findRuleSet(input.ruleSetId);
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
    return a?.reviewState === "confirmed" ? a.claimMet : null;
  };
  const v = evaluateOverall({
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    resource: { isResourcePass: resource ?? true },
    government: { isPass: government.isPass },
    quality: { isPass: quality.isPass },
    recognition: { isPass: recognition.isPass },
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
    reasons.push(`${PART_LABELS.resource}缺少 ${String(input.year)} 年的学校统计数据，尚未完成评估`);
    if (verdict === "pass") {
      verdict = "pending";
    }
  }
  const isPass: Record<OverallPart, boolean | null> = {
    resource,
    government: government.isPass,
    quality: quality.isPass,
    recognition: recognition.isPass,
    prerequisite: basicBalanceYear === null ? null : input.year - basicBalanceYear >= 3,
  };
  return {
    orgUnit: unitHead(unit),
    year: input.year,
    ruleSet: ruleSetInfo(ruleSet),
    verdict,
    parts: (Object.keys(PART_LABELS) as OverallPart[]).map((part) => ({
      part,
      label: PART_LABELS[part],
      isPass: isPass[part],
    })),
    vetoItems: VETO_ITEMS.map((item) => ({
      item,
      label: VETO_ITEM_LABELS[item],
      met: vetoMet(item),
      attestation: vetoes.get(item) ?? null,
    })),
    vetoes: v.vetoes,
    failedParts: v.failedParts,
    pendingParts,
    reasons,
    basicBalanceYear,
  };
}
