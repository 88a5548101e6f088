/**
 * The rule a school list or 基本情况 form applies to the national codes (tables in
 * `@luoshi/common`, national-codes.ts): 办学性质 from an explicit cell or the 举办者.
 */
import { findSponsorCode } from "@luoshi/common";
import type { Ownership } from "./org-unit.ts";

const squash = (s: string): string => s.replace(/[\s\u3000]/g, "");

/** 举办者 words that make a school 民办 when no 办学性质 column says otherwise. */
const PRIVATE_SPONSOR = /民办|个人|企业|公司/;

/**
 * 办学性质: an explicit 办学性质 cell (公办 / 民办) wins; otherwise 民办 when the 举办者 names a private
 * sponsor (民办, 个人, 企业, 公司), else 公办. Undefined for an explicit value that is neither.
 */
export function deriveOwnership(sponsor: string | null, explicit: string | null): Ownership | undefined {
  if (explicit !== null && squash(explicit) !== "") {
    const e = squash(explicit);
    if (e === "公办" || e === "公立") {
      return "public";
    }
    if (e === "民办" || e === "私立") {
      return "private";
    }
    return undefined;
  }
  const coded = sponsor === null ? undefined : findSponsorCode(sponsor);
  if (coded !== undefined) {
    return coded.ownership;
  }
  return sponsor !== null && PRIVATE_SPONSOR.test(sponsor) ? "private" : "public";
}
