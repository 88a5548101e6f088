/**
 * What the 学生资助 answers show of a pupil and an application: the name masked, the 身份证件号 masked,
 * the bank card reduced to its last four digits, grade and class in words. The full card goes only into
 * the bank file (batch.service.ts).
 */
import type { AidApplicationRow, AidProgrammeRow } from "@luoshi/db";
import type { AidApplicationView } from "@luoshi/contracts";
import { can, type Permission } from "@luoshi/domain/auth";
import { AID_CATEGORIES, AID_CATEGORY_LABELS, maskBankCard, type AidTier } from "@luoshi/domain/aid";
import { maskIdNumber, maskName } from "@luoshi/domain/pii";
import { gradeLabel } from "@luoshi/domain/registry";
import type { EduLevel } from "@luoshi/domain/stats";
import { AppError } from "../../errors.ts";
import type { Actor } from "../../context.ts";

/** Throws 403 unless the actor holds one of the two permissions (the school or the 资助中心 may act). */
export function authorizeEither(actor: Actor, a: Permission, b: Permission): void {
  if (actor.role === null || !(can(actor.role, a) || can(actor.role, b))) {
    throw new AppError("forbidden", "您的角色无权执行此操作");
  }
}

/** 二年级1班. */
export function gradeClassOf(r: { level: string; grade: number; className: string }): string {
  return `${gradeLabel({ level: r.level as EduLevel, grade: r.grade })}${r.className}`;
}

/** The label of a programme's tier (its code when the programme has no such tier). */
export function tierLabelOf(p: Pick<AidProgrammeRow, "tiers">, code: string): string {
  return (p.tiers as AidTier[]).find((t) => t.code === code)?.label ?? code;
}

const STATE_LABELS: Readonly<Record<AidApplicationView["state"], string>> = {
  applied: "已申请",
  recommended: "评议推荐",
  notRecommended: "评议未推荐",
  publicised: "公示中",
  approved: "已批准",
  rejected: "未批准",
};

/** One application for a list: masked. */
export function presentApplication(r: AidApplicationRow, tierLabel: string): AidApplicationView {
  return {
    id: r.id,
    programmeId: r.programmeId,
    programmeName: r.programmeName,
    schoolName: r.schoolName,
    studentId: r.studentId,
    name: maskName(r.name),
    idNumber: r.idNumber === null ? null : maskIdNumber(r.idNumber),
    gradeClass: gradeClassOf(r),
    tier: r.tier,
    tierLabel,
    claimed: AID_CATEGORIES.filter((c) => r.claimed.includes(c)).map((c) => ({
      category: c,
      label: AID_CATEGORY_LABELS[c],
      verified: r.verified.includes(c),
    })),
    bankCard: maskBankCard(r.bank.bankCard),
    bankName: r.bank.bankName,
    state: r.state as AidApplicationView["state"],
    stateLabel: STATE_LABELS[r.state as AidApplicationView["state"]],
    publicityId: r.publicityId,
  };
}
