/**
 * 下校督导: a 督学 sends a visit (the checklist answered, findings with severity, photos) to a school of
 * the 责任区; the visit and the findings are read within the reader's scope. Sending the same draft
 * twice records one visit (the phone resends after a lost connection).
 */
import type { VisitBody } from "@luoshi/contracts";
import { chinaDate } from "@luoshi/common";
import {
  checklistRepo,
  inspectionVisitRepo,
  inTransaction,
  type FindingRow,
  type VisitRow,
} from "@luoshi/db";
import { checkAnswers } from "@luoshi/domain/inspection";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { findUnitInScope } from "../access/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { checkUpload, loadUpload, storeUpload } from "../uploads/attachments.ts";

function presentVisit(v: VisitRow) {
  return {
    id: v.id,
    school: { id: v.schoolId, name: v.schoolName },
    inspector: { id: v.inspectorId, name: v.inspectorName },
    checklist: { id: v.checklistId, title: v.checklistTitle, version: v.checklistVersion },
    visitedOn: v.visitedOn,
    summary: v.summary,
    findingCount: v.findingCount,
    noticeId: v.noticeId,
  };
}

function presentFinding(f: FindingRow) {
  return {
    id: f.id,
    area: f.area,
    text: f.text,
    severity: f.severity,
    repeatOf: f.repeatOf,
    task:
      f.taskId === null ? null : { id: f.taskId, state: f.taskState ?? "", deadline: f.taskDeadline ?? "" },
    recheck: f.recheck,
    recheckNote: f.recheckNote,
  };
}

/** Records a visit of the actor (a 督学) to a school within the actor's scope; returns the visit. */
export async function submitVisit(deps: ServiceDeps, actor: Actor, body: VisitBody) {
  authorize(actor, "inspection.visit");
  const { db } = deps.handle;
  const userId = actor.userId ?? "";
  const school = await findUnitInScope(db, actor, body.schoolId);
  if (school.kind !== "school") {
    throw new AppError("validation-failed", "只能督导学校");
  }
  const sent = await inspectionVisitRepo.findByClientKey(db, userId, body.clientKey);
  if (sent !== undefined) {
    if (sent.schoolId !== school.id || sent.checklistId !== body.checklistId) {
      throw new AppError("conflict", "这份草稿的编号已用于另一次督导：请新建草稿");
    }
    return getVisit(deps, actor, sent.id);
  }
  if (body.visitedOn > chinaDate(deps.now())) {
    throw new AppError("validation-failed", "督导日期不能晚于今天");
  }
  const checklist = await checklistRepo.find(db, actor.scope, body.checklistId);
  if (checklist === undefined) {
    throw new AppError("validation-failed", "没有这张检查表");
  }
  const items = await checklistRepo.items(db, checklist.id);
  const itemIds = new Set(items.map((i) => i.id));
  body.findings.forEach((f, i) => {
    if (f.itemId !== null && !itemIds.has(f.itemId)) {
      throw new AppError("validation-failed", `第${String(i + 1)}个问题所指的检查项目不在这张检查表中`);
    }
  });
  const photos = body.photos.map((p, i) => {
    if (
      (p.itemId !== null && !itemIds.has(p.itemId)) ||
      (p.findingIndex ?? 0) >= Math.max(body.findings.length, 1)
    ) {
      throw new AppError("validation-failed", `第${String(i + 1)}张照片所指的项目或问题不存在`);
    }
    const file = checkUpload(p.fileName, p.contentBase64, {
      label: "照片",
      field: `body.photos.${String(i)}`,
    });
    if (!file.mediaType.startsWith("image/")) {
      throw new AppError("validation-failed", `照片“${file.fileName}”不是图片（只接受 jpg、png）`);
    }
    return { ...p, file };
  });
  const problems = checkAnswers(
    items,
    body.answers,
    new Set(photos.flatMap((p) => (p.itemId === null ? [] : [p.itemId]))),
  );
  if (problems.length > 0) {
    throw new AppError("validation-failed", `督导记录有问题，未提交：${problems[0]?.message ?? ""}`, {
      problems: problems.map((p) => ({
        sheet: "",
        row: 0,
        column: p.where?.field ?? "",
        message: p.message,
      })),
      problemCount: problems.length,
    });
  }
  for (const p of photos) {
    storeUpload(deps.config.dataDir, p.file);
  }
  const id = await inTransaction(db, async (trx) => {
    const written = await inspectionVisitRepo.insert(trx, {
      schoolId: school.id,
      inspectorId: userId,
      checklistId: checklist.id,
      visitedOn: body.visitedOn,
      answers: body.answers,
      summary: body.summary,
      clientKey: body.clientKey,
      findings: body.findings.map((f) => ({ ...f, itemId: f.itemId ?? null })),
    });
    for (const p of photos) {
      await inspectionVisitRepo.insertPhoto(trx, {
        visitId: written.id,
        schoolId: school.id,
        itemId: p.itemId ?? null,
        findingId: p.findingIndex === null ? null : (written.findingIds[p.findingIndex] ?? null),
        fileName: p.file.fileName,
        mediaType: p.file.mediaType,
        sizeBytes: p.file.bytes.length,
        sha256: p.file.sha256,
        uploadedBy: actor.userId,
      });
    }
    await recordAudit(trx, actor, {
      action: "inspection.visit",
      entityType: "inspection_visit",
      entityId: written.id,
      after: {
        schoolId: school.id,
        checklistId: checklist.id,
        visitedOn: body.visitedOn,
        findings: body.findings.length,
        photos: photos.length,
      },
    });
    return written.id;
  });
  return getVisit(deps, actor, id);
}

/** Visits within the reader's scope, newest first. */
export async function listVisits(deps: ServiceDeps, actor: Actor) {
  authorize(actor, "inspection.read");
  const rows = await inspectionVisitRepo.list(deps.handle.db, actor.scope);
  return { items: rows.map(presentVisit) };
}

/** One visit with its answers, findings (and their 整改 tasks) and photos; 404 outside the scope. */
export async function getVisit(deps: ServiceDeps, actor: Actor, id: string) {
  authorize(actor, "inspection.read");
  const { db } = deps.handle;
  const visit = (await inspectionVisitRepo.list(db, actor.scope, id))[0];
  if (visit === undefined) {
    throw new AppError("not-found", "没有这条督导记录");
  }
  const [findings, photos] = await Promise.all([
    inspectionVisitRepo.findings(db, actor.scope, { visitId: id }),
    inspectionVisitRepo.photos(db, actor.scope, { visitId: id }),
  ]);
  return {
    ...presentVisit(visit),
    answers: visit.answers as { itemId: string; value: boolean | number | null; note: string }[],
    findings: findings.map(presentFinding),
    photos: photos.map((p) => ({
      id: p.id,
      itemId: p.item_id,
      findingId: p.finding_id,
      fileName: p.file_name,
    })),
  };
}

/** A photo of a visit within the reader's scope, as stored. */
export async function visitPhoto(deps: ServiceDeps, actor: Actor, id: string) {
  authorize(actor, "inspection.read");
  const photo = (await inspectionVisitRepo.photos(deps.handle.db, actor.scope, { photoId: id }))[0];
  if (photo === undefined) {
    throw new AppError("not-found", "没有这张照片");
  }
  return {
    bytes: loadUpload(deps.config.dataDir, photo.sha256),
    mediaType: photo.media_type,
    fileName: photo.file_name,
  };
}
