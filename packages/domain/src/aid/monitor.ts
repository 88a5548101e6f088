/**
 * 动态监测 of 学生资助 (docs/student-aid.md): from the year's priority lists, approved applications and
 * payments, the flags a 资助中心 must clear — 应助未助 (a pupil on a must-aid list neither aided nor with a
 * recorded reason), aid to a pupil no longer in school, the same pupil aided at two schools or twice by
 * programmes of one kind, and a payment off the programme's standard. Each flag carries its explanation.
 * Pure: the caller reads the records; pupils are named by opaque keys (the blind index), never in clear.
 */
import { AID_CATEGORY_LABELS, MUST_AID_CATEGORIES, type AidCategory, type ProgrammeKind } from "./rules.ts";

/** A pupil found on a priority list and in the registry. */
export interface ListedPupil {
  /** The blind index of the 身份证件号: the key every record of the pupil shares. */
  key: string;
  studentId: string;
  unitId: string;
  categories: readonly AidCategory[];
  /** 在读 in the registry. */
  inSchool: boolean;
}

/** An approved application (in the 资助名单) of the year. */
export interface ApprovedAid {
  applicationId: string;
  key: string | null;
  studentId: string;
  unitId: string;
  programmeId: string;
  programmeName: string;
  kind: ProgrammeKind;
  tier: string;
  /** The standard amount per term of the tier. */
  standard: number;
  inSchool: boolean;
  /** What was paid (or is to be paid) per term, from the batches: the lines not failed. */
  payments: readonly { term: number; amount: number }[];
}

/** The records of one year within a scope. */
export interface AidMonitorInput {
  listed: readonly ListedPupil[];
  approved: readonly ApprovedAid[];
  /** Keys of pupils with a recorded reason for not being aided. */
  reasons: ReadonlySet<string>;
}

export const AID_FLAG_KINDS = ["unaided", "notInSchool", "duplicate", "offStandard"] as const;
export type AidFlagKind = (typeof AID_FLAG_KINDS)[number];

/** One flag: what is wrong, about whom (ids, never personal values), and why, in words. */
export interface AidFlag {
  kind: AidFlagKind;
  studentId: string;
  unitId: string;
  applicationIds: readonly string[];
  explanation: string;
}

const names = (cats: readonly AidCategory[]): string => cats.map((c) => AID_CATEGORY_LABELS[c]).join("、");

/** The flags of one year's records, in a fixed order (kind, then student, then application). */
export function aidFlags(input: AidMonitorInput): AidFlag[] {
  const flags: AidFlag[] = [];
  const aidedKeys = new Set(input.approved.flatMap((a) => (a.key === null ? [] : [a.key])));
  const aidedStudents = new Set(input.approved.map((a) => a.studentId));
  for (const p of input.listed) {
    const must = p.categories.filter((c) => MUST_AID_CATEGORIES.includes(c));
    if (!p.inSchool || must.length === 0) {
      continue;
    }
    if (aidedKeys.has(p.key) || aidedStudents.has(p.studentId) || input.reasons.has(p.key)) {
      continue;
    }
    flags.push({
      kind: "unaided",
      studentId: p.studentId,
      unitId: p.unitId,
      applicationIds: [],
      explanation: `在${names(must)}名单中、学籍在读，本学年未获资助，也未登记未资助原因（应助未助）`,
    });
  }
  for (const a of input.approved) {
    if (!a.inSchool) {
      flags.push({
        kind: "notInSchool",
        studentId: a.studentId,
        unitId: a.unitId,
        applicationIds: [a.applicationId],
        explanation: `“${a.programmeName}”资助名单中的学生学籍已不在读，应停止发放并核实`,
      });
    }
  }
  const byPupil = new Map<string, ApprovedAid[]>();
  for (const a of input.approved) {
    const k = a.key ?? `student:${a.studentId}`;
    byPupil.set(k, [...(byPupil.get(k) ?? []), a]);
  }
  for (const group of byPupil.values()) {
    const schools = new Set(group.map((a) => a.unitId));
    const first = group[0];
    if (first === undefined) {
      continue;
    }
    if (schools.size > 1) {
      flags.push({
        kind: "duplicate",
        studentId: first.studentId,
        unitId: first.unitId,
        applicationIds: group.map((a) => a.applicationId),
        explanation: `同一身份证件号在 ${String(schools.size)} 所学校获资助（${group.map((a) => a.programmeName).join("、")}）`,
      });
      continue;
    }
    const kinds = new Map<ProgrammeKind, ApprovedAid[]>();
    for (const a of group) {
      kinds.set(a.kind, [...(kinds.get(a.kind) ?? []), a]);
    }
    for (const same of kinds.values()) {
      if (same.length > 1) {
        flags.push({
          kind: "duplicate",
          studentId: first.studentId,
          unitId: first.unitId,
          applicationIds: same.map((a) => a.applicationId),
          explanation: `同一学生获同类资助 ${String(same.length)} 项（${same.map((a) => a.programmeName).join("、")}），同类项目不得重复享受`,
        });
      }
    }
  }
  for (const a of input.approved) {
    const off = a.payments.filter((p) => p.amount !== a.standard);
    if (off.length > 0) {
      flags.push({
        kind: "offStandard",
        studentId: a.studentId,
        unitId: a.unitId,
        applicationIds: [a.applicationId],
        explanation: `“${a.programmeName}”${a.tier}标准每学期 ${String(a.standard)} 元，${off
          .map((p) => `第 ${String(p.term)} 学期发放 ${String(p.amount)} 元`)
          .join("，")}`,
      });
    }
  }
  const order = (k: AidFlagKind) => AID_FLAG_KINDS.indexOf(k);
  return flags.sort(
    (x, y) =>
      order(x.kind) - order(y.kind) ||
      x.studentId.localeCompare(y.studentId) ||
      (x.applicationIds[0] ?? "").localeCompare(y.applicationIds[0] ?? ""),
  );
}
