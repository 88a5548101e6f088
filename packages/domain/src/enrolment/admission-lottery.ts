import { drawOrder, type DrawInput, type DrawResult } from "@luoshi/common/draw";

/** A school taking entrants this year: its seats and the schools its overflow is placed in, in order. */
export interface LotterySchool {
  readonly code: string;
  readonly seats: number;
  /** 相邻片区 schools an applicant not admitted here is placed in (调剂), in the published order. */
  readonly neighbours: readonly string[];
}

/** One child's application: the label is the application number, never a name. */
export interface LotteryApplicant {
  readonly label: string;
  readonly school: string;
  /** Priority tier by the published rules: 1 first (e.g. 1 片区内户籍+房产, 2 政策照顾, 3 其他). */
  readonly tier: number;
}

export type AdmissionStatus = "admitted" | "reassigned" | "unplaced";

export interface Admission {
  readonly label: string;
  readonly applied: string;
  readonly tier: number;
  /** The child's one lottery number for the whole draw (single tie-breaking). */
  readonly lotteryRank: number;
  readonly status: AdmissionStatus;
  /** The school the child is placed in; null when no school in reach had a seat. */
  readonly school: string | null;
}

export interface SchoolOutcome {
  readonly code: string;
  readonly seats: number;
  readonly applicants: number;
  readonly admitted: number;
  readonly reassignedIn: number;
  /** Whether applicants outnumbered seats, so that the lottery decided. */
  readonly oversubscribed: boolean;
  /** The last admitted applicant's tier and lottery rank: the published cut-off. */
  readonly cutOff: { readonly tier: number; readonly lotteryRank: number } | null;
}

export interface LotteryOutcome {
  readonly draw: Omit<DrawResult, "order">;
  readonly admissions: readonly Admission[];
  readonly schools: readonly SchoolOutcome[];
}

export class LotteryInputError extends Error {
  override readonly name = "LotteryInputError";
}

/**
 * 超员摇号 as the 2025 阳光招生 notice orders it: every child gets one lottery number from one verifiable
 * draw over all applications (docs/draws.md); each school admits its applicants by tier, then lottery
 * number, up to its seats; the rest are placed in the school's neighbouring 片区 in the published order,
 * taken in the same (tier, number) order across the whole city — a second allocation, not a rejection.
 */
export function runAdmissionLottery(
  schools: readonly LotterySchool[],
  applicants: readonly LotteryApplicant[],
  entropy: DrawInput["entropy"],
): LotteryOutcome {
  const byCode = new Map<string, LotterySchool>();
  for (const school of schools) {
    if (!Number.isInteger(school.seats) || school.seats < 0) {
      throw new LotteryInputError(`学校 ${school.code} 的学位数 ${school.seats} 不是非负整数`);
    }
    if (byCode.has(school.code)) throw new LotteryInputError(`学校 ${school.code} 重复`);
    byCode.set(school.code, school);
  }
  for (const school of schools) {
    for (const neighbour of school.neighbours) {
      if (!byCode.has(neighbour)) {
        throw new LotteryInputError(`学校 ${school.code} 的调剂学校 ${neighbour} 不在本次招生学校中`);
      }
    }
  }
  for (const [index, applicant] of applicants.entries()) {
    if (!byCode.has(applicant.school)) {
      throw new LotteryInputError(
        `第 ${index + 1} 份报名（${applicant.label}）所报学校 ${applicant.school} 不在本次招生学校中`,
      );
    }
    if (!Number.isInteger(applicant.tier) || applicant.tier < 1) {
      throw new LotteryInputError(
        `第 ${index + 1} 份报名（${applicant.label}）的类别 ${applicant.tier} 不是正整数`,
      );
    }
  }
  const { order, ...draw } = drawOrder({ labels: applicants.map((a) => a.label), entropy });
  const rankOf = new Map(order.map((entry) => [entry.label, entry.rank]));
  const ranked = applicants
    .map((applicant) => ({ applicant, rank: rankOf.get(applicant.label) ?? 0 }))
    .sort((a, b) => a.applicant.tier - b.applicant.tier || a.rank - b.rank);

  const left = new Map(schools.map((school) => [school.code, school.seats]));
  const placed = new Map<string, { status: AdmissionStatus; school: string | null }>();
  const cutOff = new Map<string, { tier: number; lotteryRank: number }>();
  const applied = new Map<string, number>();
  for (const { applicant, rank } of ranked) {
    applied.set(applicant.school, (applied.get(applicant.school) ?? 0) + 1);
    const seats = left.get(applicant.school) ?? 0;
    if (seats > 0) {
      left.set(applicant.school, seats - 1);
      placed.set(applicant.label, { status: "admitted", school: applicant.school });
      cutOff.set(applicant.school, { tier: applicant.tier, lotteryRank: rank });
    }
  }
  const reassignedIn = new Map<string, number>();
  for (const { applicant } of ranked) {
    if (placed.has(applicant.label)) continue;
    const target = byCode.get(applicant.school)?.neighbours.find((code) => (left.get(code) ?? 0) > 0);
    if (target === undefined) {
      placed.set(applicant.label, { status: "unplaced", school: null });
      continue;
    }
    left.set(target, (left.get(target) ?? 0) - 1);
    reassignedIn.set(target, (reassignedIn.get(target) ?? 0) + 1);
    placed.set(applicant.label, { status: "reassigned", school: target });
  }

  return {
    draw,
    admissions: ranked.map(({ applicant, rank }) => ({
      label: applicant.label,
      applied: applicant.school,
      tier: applicant.tier,
      lotteryRank: rank,
      status: placed.get(applicant.label)?.status ?? "unplaced",
      school: placed.get(applicant.label)?.school ?? null,
    })),
    schools: schools.map((school) => {
      const applicantCount = applied.get(school.code) ?? 0;
      return {
        code: school.code,
        seats: school.seats,
        applicants: applicantCount,
        admitted: Math.min(applicantCount, school.seats),
        reassignedIn: reassignedIn.get(school.code) ?? 0,
        oversubscribed: applicantCount > school.seats,
        cutOff: applicantCount > school.seats ? (cutOff.get(school.code) ?? null) : null,
      };
    }),
  };
}
