/**
 * Overall 优质均衡 verdict (spec §1.1e): all four parts must reach their requirements, and the veto
 * items (一票否决: 以考试方式招生、违规择校、重点校、重点班, 社会认可度) fail the county whatever else holds.
 */
import { VETO_ITEMS } from "@luoshi/common";
import type { Attestation } from "./indicator-check.ts";
import type { RuleSetRef } from "./rule-set.ts";

/** The veto items reported for the 2017 办法 (spec §1.1e, S3). */
export { VETO_ITEMS };
/** One 一票否决 item. */
export type VetoItem = (typeof VETO_ITEMS)[number];
/** Chinese labels for {@link VetoItem}. */
export const VETO_ITEM_LABELS: Record<VetoItem, string> = {
  examAdmission: "以考试方式招生",
  illegalSchoolChoice: "违规择校",
  keySchools: "设置重点校",
  keyClasses: "设置重点班",
};

/** Inputs of {@link evaluateOverall}: each part's verdict (null = pending). */
export interface OverallInputs {
  ruleSet: RuleSetRef;
  resource: { isResourcePass: boolean };
  government: { isPass: boolean | null };
  quality: { isPass: boolean | null };
  recognition: { isPass: boolean | null };
  /** For each veto item, `met: true` means the county is free of it (reviewed evidence). */
  vetoes: Partial<Record<VetoItem, Attestation>>;
  /** Prerequisite (spec §1.1e): 基本均衡 认定 ≥ 3 years before the evaluation year. */
  prerequisite?: { basicBalanceYear: number; evaluationYear: number };
}

/** The four parts of spec §1.0 plus the prerequisite. */
export type OverallPart = "resource" | "government" | "quality" | "recognition" | "prerequisite";

/** Overall verdict with the reasons people read. */
export interface OverallVerdict {
  ruleSet: RuleSetRef;
  verdict: "pass" | "fail" | "pending";
  /** Veto items that apply (社会认可度 below 85% is a veto too). */
  vetoes: (VetoItem | "recognition")[];
  failedParts: OverallPart[];
  pendingParts: OverallPart[];
  /** Chinese reasons, one per finding. */
  reasons: string[];
}

const PART_LABELS: Record<OverallPart, string> = {
  resource: "资源配置",
  government: "政府保障程度",
  quality: "教育质量",
  recognition: "社会认可度",
  prerequisite: "申报条件（通过基本均衡认定三年以上）",
};

/**
 * Combines the parts (spec §1.1e): any veto or failed part → fail; otherwise any pending part or
 * unreviewed veto item → pending; otherwise pass.
 */
export function evaluateOverall(input: OverallInputs): OverallVerdict {
  const parts: Record<OverallPart, boolean | null> = {
    resource: input.resource.isResourcePass,
    government: input.government.isPass,
    quality: input.quality.isPass,
    recognition: input.recognition.isPass,
    prerequisite: input.prerequisite
      ? input.prerequisite.evaluationYear - input.prerequisite.basicBalanceYear >= 3
      : null,
  };
  const failedParts = (Object.keys(parts) as OverallPart[]).filter((p) => parts[p] === false);
  const pendingParts = (Object.keys(parts) as OverallPart[]).filter((p) => parts[p] === null);
  const vetoes: (VetoItem | "recognition")[] = VETO_ITEMS.filter((v) => input.vetoes[v]?.met === false);
  const unreviewed = VETO_ITEMS.filter((v) => (input.vetoes[v]?.met ?? null) === null);
  if (parts.recognition === false) {
    vetoes.push("recognition");
  }
  const reasons = [
    ...vetoes.map(
      (v) => `一票否决：${v === "recognition" ? "社会认可度未达到要求" : `存在${VETO_ITEM_LABELS[v]}`}`,
    ),
    ...failedParts.map((p) => `${PART_LABELS[p]}未达到要求`),
    ...pendingParts.map((p) => `${PART_LABELS[p]}尚未完成评估`),
    ...unreviewed.map((v) => `一票否决项“${VETO_ITEM_LABELS[v]}”尚未审核`),
  ];
  let verdict: OverallVerdict["verdict"] = "pass";
  if (vetoes.length > 0 || failedParts.length > 0) {
    verdict = "fail";
  } else if (pendingParts.length > 0 || unreviewed.length > 0) {
    verdict = "pending";
  }
  return { ruleSet: input.ruleSet, verdict, vetoes, failedParts, pendingParts, reasons };
}
