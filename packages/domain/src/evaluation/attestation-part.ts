/**
 * Which part of the 督导评估 an attested code belongs to: the 政府保障程度 and 教育质量 indicators,
 * the 一票否决 items and the 学前 items no statistic carries (spec §1.1c–§1.1e, §2). Pure.
 */
import { VETO_ITEMS } from "./overall-verdict.ts";
import { isPreschoolAttestedCode } from "./preschool.ts";
import { GOVERNMENT_CODES, QUALITY_CODES } from "./supervision-catalogue.ts";

/** The parts a 佐证 claim can belong to. */
export type AttestationPart = "government" | "quality" | "veto" | "preschool";

/** The part `code` belongs to, or null when it names no indicator or veto item. */
export function attestationPartOfCode(code: string): AttestationPart | null {
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
  return null;
}
