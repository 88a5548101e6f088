/**
 * 发放: a batch per programme and term holds one line per approved application of the county not yet paid
 * for that term, at the programme's standard for the pupil's 档次; the total may not exceed what is left
 * of the budget. The bank's transfer file (.xlsx) is the one place the full card number is written: only
 * the 资助中心 (`aid.bankfile`) takes it, and each download is an audit row (never the values). The bank's
 * return file marks each line 成功 or 失败 with the reason; failed lines are re-issued in a new batch.
 */
import ExcelJS from "exceljs";
import {
  aidApplicationRepo,
  aidPaymentRepo,
  aidProgrammeRepo,
  decryptField,
  inTransaction,
  openPersonal,
  type AidBankPersonal,
  type AidBatchRow,
} from "@luoshi/db";
import type { AidReturnBody } from "@luoshi/contracts";
import { parseReturnFile } from "@luoshi/domain/aid";
import { maskName } from "@luoshi/domain/pii";
import { maskBankCard } from "@luoshi/domain/aid";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { readStatsFileInWorker } from "../statistics/stats-file-read.ts";
import { registryScope } from "../registry/registry-scope.ts";
import { gradeClassOf } from "./present.ts";
import { tiersOf, visibleProgramme } from "./programme.service.ts";

const present = (b: AidBatchRow) => ({
  id: b.id,
  programmeId: b.programmeId,
  programmeName: b.programmeName,
  term: b.term,
  reissueOf: b.reissueOf,
  state: b.state as "open" | "returned",
  createdAt: b.createdAt.toISOString(),
  lines: b.lines,
  amount: b.amount,
  paid: b.paid,
  paidAmount: b.paidAmount,
  failed: b.failed,
});

async function batchOf(deps: ServiceDeps, actor: Actor, id: string): Promise<AidBatchRow> {
  const [b] = await aidPaymentRepo.list(deps.handle.db, actor.scope, id);
  if (b === undefined) {
    throw new AppError("not-found", "没有这个发放批次，或不在您的管辖范围内");
  }
  return b;
}

/** Creates the batch of a programme and term for the actor's county. */
export async function createBatch(
  deps: ServiceDeps,
  actor: Actor,
  body: { programmeId: string; term: 1 | 2 },
): Promise<{ id: string; lines: number; amount: number }> {
  authorize(actor, "aid.manage");
  const { db } = deps.handle;
  const { unit, scope } = await registryScope(db, actor, undefined);
  const programme = await visibleProgramme(db, scope, body.programmeId);
  if (programme.unitId !== unit.id && !scope.path.includes(`/${programme.unitId}/`)) {
    throw new AppError("forbidden", "只能为本县的资助项目生成发放批次");
  }
  const covered = await aidPaymentRepo.coveredApplications(db, programme.id, body.term);
  const { rows } = await aidApplicationRepo.list(
    db,
    scope,
    { programmeId: programme.id, state: "approved" },
    { offset: 0, limit: 100_000 },
  );
  const tiers = new Map(tiersOf(programme).map((t) => [t.code, t.amountPerTerm]));
  const lines = rows
    .filter((r) => !covered.has(r.id))
    .map((r) => ({ applicationId: r.id, unitId: r.unitId, amount: tiers.get(r.tier) ?? 0 }));
  if (lines.length === 0) {
    throw new AppError(
      "invalid-transition",
      `“${programme.name}”第 ${String(body.term)} 学期没有待发放的已批准学生`,
    );
  }
  const amount = lines.reduce((s, l) => s + l.amount, 0);
  const committed = (await aidPaymentRepo.committedByProgramme(db, scope)).get(programme.id) ?? 0;
  if (committed + amount > programme.budget) {
    throw new AppError(
      "conflict",
      `本批 ${String(amount)} 元加已发放 ${String(committed)} 元超出项目预算 ${String(programme.budget)} 元，请核对名单或预算`,
    );
  }
  const id = await inTransaction(db, async (trx) => {
    const batchId = await aidPaymentRepo.insertBatch(
      trx,
      { programmeId: programme.id, unitId: unit.id, term: body.term, reissueOf: null, by: actor.userId },
      lines,
    );
    await recordAudit(trx, actor, {
      action: "aid.batch-create",
      entityType: "aid_batch",
      entityId: batchId,
      after: { programmeId: programme.id, term: body.term, lines: lines.length, amount },
    });
    return batchId;
  });
  return { id, lines: lines.length, amount };
}

/** The batches the actor sees, and each programme's budget against what is committed (lines not failed). */
export async function listBatches(deps: ServiceDeps, actor: Actor) {
  authorize(actor, "aid.read");
  const { db } = deps.handle;
  const batches = await aidPaymentRepo.list(db, actor.scope);
  const committed = await aidPaymentRepo.committedByProgramme(db, actor.scope);
  const budgets = [];
  for (const programmeId of new Set(batches.map((b) => b.programmeId))) {
    const p = await aidProgrammeRepo.find(db, actor.scope, programmeId);
    if (p !== undefined) {
      const c = committed.get(p.id) ?? 0;
      budgets.push({
        programmeId: p.id,
        programmeName: p.name,
        budget: p.budget,
        committed: c,
        within: c <= p.budget,
      });
    }
  }
  return { items: batches.map(present), budgets };
}

/** One batch with its lines: names masked, card numbers to their last four digits. */
export async function readBatch(deps: ServiceDeps, actor: Actor, id: string) {
  authorize(actor, "aid.read");
  const { db } = deps.handle;
  const b = await batchOf(deps, actor, id);
  const lines = await aidPaymentRepo.lines(db, b.id);
  return {
    ...present(b),
    payments: lines.map((l) => ({
      line: l.line,
      name: maskName(openPersonal(db, l.sealedPupil).name),
      school: l.schoolName,
      gradeClass: gradeClassOf(l),
      bankCard: maskBankCard((JSON.parse(decryptField(db, l.sealedBank)) as AidBankPersonal).bankCard),
      amount: l.amount,
      status: l.status as "pending" | "paid" | "failed",
      failure: l.failure,
      reissued: l.reissued,
    })),
  };
}

/** The bank's transfer file of a batch: the full card numbers, for the 资助中心 alone, audited. */
export async function bankFile(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<{ bytes: Buffer; name: string }> {
  authorize(actor, "aid.bankfile");
  const { db } = deps.handle;
  const b = await batchOf(deps, actor, id);
  const lines = await aidPaymentRepo.lines(db, b.id);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("代发明细");
  ws.addRow(["序号", "户名", "账号", "开户行", "金额", "学校", "用途"]);
  ws.getRow(1).font = { bold: true };
  for (const l of lines) {
    const bank = JSON.parse(decryptField(db, l.sealedBank)) as AidBankPersonal;
    ws.addRow([
      l.line,
      bank.holder,
      bank.bankCard,
      bank.bankName,
      l.amount,
      l.schoolName,
      `${b.programmeName} 第${String(b.term)}学期`,
    ]);
  }
  // the card number is text: a spreadsheet would round 19 digits as a number
  ws.getColumn(3).numFmt = "@";
  ws.columns.forEach((c) => {
    c.width = 18;
  });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "aid.bank-file",
      entityType: "aid_batch",
      entityId: b.id,
      details: { lines: lines.length, amount: b.amount, fields: ["holder", "bankCard", "bankName"] },
    }),
  );
  return { bytes, name: `代发文件-${b.programmeName}-第${String(b.term)}学期.xlsx` };
}

/** Imports the bank's return file of an open batch (all or nothing). */
export async function importReturn(deps: ServiceDeps, actor: Actor, id: string, body: AidReturnBody) {
  authorize(actor, "aid.manage");
  const { db } = deps.handle;
  const b = await batchOf(deps, actor, id);
  if (b.state !== "open") {
    throw new AppError("invalid-transition", "该批次的回盘文件已导入");
  }
  const bytes = Buffer.from(body.contentBase64, "base64");
  const sheets = await readStatsFileInWorker(bytes, body.fileName, deps.config.importLimits);
  const lines = await aidPaymentRepo.lines(db, b.id);
  const parsed = parseReturnFile(sheets, {
    fileName: body.fileName,
    expected: new Map(lines.map((l) => [l.line, l.amount])),
  });
  if (parsed.problems.length > 0) {
    throw new AppError("validation-failed", `回盘文件有问题，未导入：${parsed.problems[0]?.message ?? ""}`, {
      problems: parsed.problems.map((p) => ({
        sheet: p.where?.sheet ?? "",
        row: p.where?.row ?? 0,
        column: p.where?.column ?? "",
        message: p.message,
      })),
      problemCount: parsed.problems.length,
    });
  }
  const paid = parsed.records.filter((r) => r.paid).length;
  await inTransaction(db, async (trx) => {
    await aidPaymentRepo.applyReturn(trx, b.id, parsed.records, deps.now());
    await recordAudit(trx, actor, {
      action: "aid.bank-return",
      entityType: "aid_batch",
      entityId: b.id,
      details: { fileName: body.fileName, paid, failed: parsed.records.length - paid },
    });
  });
  return { paid, failed: parsed.records.length - paid };
}

/** Re-issues the failed lines of a returned batch in a new batch (with the cards as they are now). */
export async function reissueFailures(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<{ id: string; lines: number }> {
  authorize(actor, "aid.manage");
  const { db } = deps.handle;
  const b = await batchOf(deps, actor, id);
  const failed = (await aidPaymentRepo.lines(db, b.id)).filter((l) => l.status === "failed" && !l.reissued);
  if (b.state !== "returned" || failed.length === 0) {
    throw new AppError("invalid-transition", "该批次没有待重新发放的失败记录");
  }
  const newId = await inTransaction(db, async (trx) => {
    const batchId = await aidPaymentRepo.insertBatch(
      trx,
      { programmeId: b.programmeId, unitId: b.unitId, term: b.term, reissueOf: b.id, by: actor.userId },
      failed.map((l) => ({ applicationId: l.applicationId, unitId: l.unitId, amount: l.amount })),
    );
    await aidPaymentRepo.markReissued(
      trx,
      failed.map((l) => l.id),
    );
    await recordAudit(trx, actor, {
      action: "aid.batch-reissue",
      entityType: "aid_batch",
      entityId: batchId,
      after: { reissueOf: b.id, lines: failed.length },
    });
    return batchId;
  });
  return { id: newId, lines: failed.length };
}
