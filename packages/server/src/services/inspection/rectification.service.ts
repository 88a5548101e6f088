/**
 * Findings → 整改: the 督学 issues the 整改通知书 of a visit in one step — the .docx in 公文 layout, kept
 * as issued, and one ledger task per finding led by the school with its deadline by severity — and later
 * does the 复查 of the school's 整改 before anyone may 销号 the task.
 */
import { chinaDate } from "@luoshi/common";
import { inspectionVisitRepo, inTransaction, planRepo } from "@luoshi/db";
import { rectifyDeadline, SEVERITY_LABELS } from "@luoshi/domain/inspection";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { openRectificationTasks } from "../ledger/rectification-tasks.ts";
import { chineseDate, gongwenDocument } from "../../reports/gongwen-docx.ts";
import { getVisit } from "./visits.service.ts";

/** Issues the visit's 整改通知书 and opens the 整改 tasks; only the 督学 who made the visit, once. */
export async function issueNotice(deps: ServiceDeps, actor: Actor, visitId: string) {
  authorize(actor, "inspection.visit");
  const { db } = deps.handle;
  const visit = await getVisit(deps, actor, visitId);
  if (visit.inspector.id !== actor.userId) {
    throw new AppError("forbidden", "只有作出这次督导的督学才能发出整改通知书");
  }
  if (visit.noticeId !== null) {
    throw new AppError("conflict", "这次督导的整改通知书已经发出");
  }
  if (visit.findings.length === 0) {
    throw new AppError("conflict", "这次督导没有发现问题，无需整改通知书");
  }
  const area = await planRepo.findScopeRoot(db, actor.scope);
  if (area === undefined) {
    throw new AppError("forbidden", "您的账号没有所属管辖范围");
  }
  const today = chinaDate(deps.now());
  const county = area.name.replace(/教育局$/, "");
  const year = Number(today.slice(0, 4));
  const number = (await inspectionVisitRepo.noticeCount(db, area.path, year)) + 1;
  const docNumber = `${county}督整〔${String(year)}〕${String(number)}号`;
  const rows = visit.findings.map((f) => ({ ...f, deadline: rectifyDeadline(f.severity, today) }));
  const docx = await gongwenDocument({
    title: "教育督导整改通知书",
    docNumber,
    addressees: [visit.school.name],
    issuer: `${county}人民政府教育督导室`,
    date: today,
    sections: [
      {
        kind: "paragraph",
        text: `根据《教育督导条例》和《中小学校责任督学挂牌督导办法》，责任督学${visit.inspector.name}于${chineseDate(visit.visitedOn)}对你校进行了经常性督导，发现以下问题，现通知你校限期整改。`,
      },
      {
        kind: "table",
        header: ["序号", "督导事项", "发现的问题", "程度", "整改时限"],
        widths: [0.6, 1.8, 3.4, 1, 1.6],
        align: ["center", "left", "left", "center", "center"],
        rows: rows.map((f, i) => [
          String(i + 1),
          f.area,
          `${f.text}${f.repeatOf === null ? "" : "（重复出现）"}`,
          SEVERITY_LABELS[f.severity],
          `${chineseDate(f.deadline)}前`,
        ]),
      },
      { kind: "heading", level: 1, text: "整改要求" },
      {
        kind: "paragraph",
        text: "一、请逐项制定整改措施，明确责任人和完成时限，在系统中签收本通知对应的整改任务，并于整改时限前报送整改情况和佐证材料；书面整改报告不迟于本通知之日起30日内报送。",
      },
      {
        kind: "paragraph",
        text: "二、整改完成后提请销号，由责任督学复查；复查通过后方可销号，复查不通过的继续整改。",
      },
      {
        kind: "paragraph",
        text: "三、逾期未整改或整改不到位的，依照《教育督导问责办法》的规定予以通报、约谈或问责。",
      },
    ],
  });
  await inTransaction(db, async (trx) => {
    const taskIds = await openRectificationTasks(
      trx,
      actor,
      { now: deps.now(), today, ownerId: area.id },
      rows.map((f) => ({
        title: `督导整改：${f.text.slice(0, 40)}`,
        content: `${visit.school.name}：${f.area}——${f.text}${f.repeatOf === null ? "" : "（此前督导已发现过同一问题）"}`,
        schoolId: visit.school.id,
        deadline: f.deadline,
        priority: f.severity === "minor" ? "normal" : "high",
        sourceNote: `责任督学${visit.inspector.name}${visit.visitedOn}督导，${docNumber}`,
      })),
    );
    const noticeId = await inspectionVisitRepo.attachNotice(
      trx,
      visitId,
      { schoolId: visit.school.id, docNumber, docx, issuedBy: actor.userId, issuedOn: today },
      rows.map((f, i) => ({ findingId: f.id, taskId: taskIds[i] ?? "" })),
    );
    await recordAudit(trx, actor, {
      action: "inspection.notice-issue",
      entityType: "inspection_notice",
      entityId: noticeId,
      after: { visitId, docNumber, tasks: taskIds },
    });
  });
  return getVisit(deps, actor, visitId);
}

/** An issued 整改通知书 within the reader's scope, as issued; the download is audited. */
export async function noticeDocx(deps: ServiceDeps, actor: Actor, id: string) {
  authorize(actor, "inspection.read");
  const { db } = deps.handle;
  const notice = await inspectionVisitRepo.notice(db, actor.scope, id);
  if (notice === undefined) {
    throw new AppError("not-found", "没有这份整改通知书");
  }
  await recordAudit(db, actor, {
    action: "inspection.notice-export",
    entityType: "inspection_notice",
    entityId: id,
  });
  return {
    buffer: Buffer.from(notice.docx),
    fileName: `整改通知书-${notice.school_name}-${notice.doc_number}.docx`,
  };
}

/**
 * 复查: the 督学 checks the school's 整改 once the school has asked for 销号 (the task is 待复核). Passed:
 * a reviewer other than the issuer may then 销号; failed: 销号 stays refused until the school asks again.
 */
export async function recheckFinding(
  deps: ServiceDeps,
  actor: Actor,
  findingId: string,
  body: { result: "passed" | "failed"; note: string },
) {
  authorize(actor, "inspection.visit");
  const { db } = deps.handle;
  const finding = (await inspectionVisitRepo.findings(db, actor.scope, { findingId }))[0];
  if (finding === undefined) {
    throw new AppError("not-found", "没有这个督导问题");
  }
  if (finding.taskId === null) {
    throw new AppError("conflict", "这个问题还没有发出整改通知书");
  }
  if (finding.taskState !== "underReview") {
    throw new AppError("conflict", "学校尚未报送整改情况并提请销号，还不能复查");
  }
  if (body.result === "failed" && body.note.trim() === "") {
    throw new AppError("validation-failed", "复查不通过时请写明原因");
  }
  await inTransaction(db, async (trx) => {
    await inspectionVisitRepo.recheck(trx, findingId, { ...body, by: actor.userId, at: deps.now() });
    await recordAudit(trx, actor, {
      action: "inspection.recheck",
      entityType: "inspection_finding",
      entityId: findingId,
      after: { result: body.result, taskId: finding.taskId },
    });
  });
  return getVisit(deps, actor, finding.visitId);
}
