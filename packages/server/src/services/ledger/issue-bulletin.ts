import { createHash } from "node:crypto";
import type { IssueBulletinBody, LedgerSettings } from "@luoshi/contracts";
import { chinaDate } from "@luoshi/common";
import {
  commendations,
  criticismText,
  docNumberText,
  praiseText,
  rankUnits,
  type RankedUnitRow,
} from "@luoshi/domain/ledger";
import {
  inTransaction,
  issuedBulletinRepo,
  type IssuedBulletinListRow,
  type IssuedBulletinRow,
  type OrgUnitRow,
} from "@luoshi/db";
import type { Actor, ServiceDeps } from "../../context.ts";
import { AppError } from "../../errors.ts";
import { bulletinDocx } from "../../reports/bulletin-docx.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { authorize } from "../access/authorize.ts";
import { bulletinFor, type BulletinView } from "./bulletin.ts";
import { bureauOwner, settingsOf } from "./ledger-settings.ts";

/** `2026-03` → `2026年3月`. */
const monthText = (month: string) => `${month.slice(0, 4)}年${String(Number(month.slice(5, 7)))}月`;

/** What 印发 would give for a month now: figures, ranked table, default texts, next 期号. */
export interface IssueDraft {
  view: BulletinView;
  ranked: RankedUnitRow[];
  praise: string;
  criticism: string;
  settings: LedgerSettings;
  year: number;
  serial: number;
  docNumber: string;
  issued: IssuedBulletinListRow | null;
  blocked: string | null;
}

/** The reason a month may not be issued yet (it still runs), or null. */
function blockedReason(deps: ServiceDeps, month: string): string | null {
  const current = chinaDate(deps.now()).slice(0, 7);
  return month >= current ? `${monthText(month)}尚未结束，月通报仍为草稿，月末后方可印发` : null;
}

async function draftFor(
  deps: ServiceDeps,
  actor: Actor,
  owner: OrgUnitRow,
  month: string,
): Promise<IssueDraft> {
  const { db } = deps.handle;
  const view = await bulletinFor(deps, actor, month);
  const settings = await settingsOf(db, owner);
  const year = Number(chinaDate(deps.now()).slice(0, 4));
  const serial = await issuedBulletinRepo.nextSerial(db, owner.id, year);
  const { praised, criticised } = commendations(view.bulletin.perUnit);
  return {
    view,
    ranked: rankUnits(view.bulletin.perUnit),
    praise: praiseText(praised),
    criticism: criticismText(criticised),
    settings,
    year,
    serial,
    docNumber: docNumberText(settings.docPrefix, year, serial),
    issued: (await issuedBulletinRepo.findByMonth(db, owner.id, month)) ?? null,
    blocked: blockedReason(deps, month),
  };
}

/** GET the 印发 form's defaults for a month (bureau accounts). */
export async function bulletinIssueDraft(
  deps: ServiceDeps,
  actor: Actor,
  month: string,
): Promise<IssueDraft> {
  const owner = await bureauOwner(deps, actor);
  return draftFor(deps, actor, owner, month);
}

/** The JSON frozen with an issued bulletin: the page's figures and the issue's parts. */
export interface IssuedSnapshot {
  bulletin: unknown;
  ranked: RankedUnitRow[];
  praise: string;
  criticism: string;
}

/**
 * 印发: freezes a finished month's bulletin under the next 期号 of the issuing year — the .docx bytes
 * and the JSON are stored and never recomputed. 409 while the month runs or once it is issued.
 */
export async function issueBulletin(
  deps: ServiceDeps,
  actor: Actor,
  body: IssueBulletinBody,
): Promise<IssuedBulletinListRow> {
  authorize(actor, "task.review");
  const owner = await bureauOwner(deps, actor);
  const draft = await draftFor(deps, actor, owner, body.month);
  if (draft.blocked !== null) {
    throw new AppError("conflict", draft.blocked);
  }
  if (draft.issued !== null) {
    throw new AppError(
      "conflict",
      `${monthText(body.month)}月通报已于${chinaDate(draft.issued.issued_at)}印发（${draft.issued.doc_number}），不能重复印发`,
    );
  }
  const recipients = body.recipients ?? draft.settings.recipients;
  const praise = body.praise === undefined || body.praise === "" ? draft.praise : body.praise;
  const criticism = body.criticism === undefined || body.criticism === "" ? draft.criticism : body.criticism;
  const { bulletin, heading } = draft.view;
  const today = chinaDate(deps.now());
  const docx = await bulletinDocx(bulletin, {
    county: heading.county,
    issuer: heading.name,
    month: body.month,
    date: today,
    docNumber: draft.docNumber,
    issue: { recipients, praise, criticism, ranked: draft.ranked },
  });
  const snapshot: IssuedSnapshot = {
    bulletin: { ...bulletin, heading },
    ranked: draft.ranked,
    praise,
    criticism,
  };
  return inTransaction(deps.handle.db, async (trx) => {
    const id = await issuedBulletinRepo.insert(trx, {
      org_unit_id: owner.id,
      month: body.month,
      year: draft.year,
      serial: draft.serial,
      doc_number: draft.docNumber,
      title: heading.title,
      recipients: JSON.stringify(recipients),
      snapshot: JSON.stringify(snapshot),
      docx,
      sha256: createHash("sha256").update(docx).digest("hex"),
      issued_by: actor.userId,
    });
    const row = await issuedBulletinRepo.findByMonth(trx, owner.id, body.month);
    if (id === null || row === undefined) {
      throw new AppError(
        "conflict",
        `${monthText(body.month)}月通报或期号${draft.docNumber}刚被他人印发，请刷新后再试`,
      );
    }
    await recordAudit(trx, actor, {
      action: "ledger.bulletin-issue",
      entityType: "issued_bulletin",
      entityId: id,
      after: { month: body.month, docNumber: draft.docNumber, recipients, sha256: row.sha256 },
    });
    return row;
  });
}

/** 已印发通报 of the actor's jurisdiction, newest first. */
export async function listIssuedBulletins(deps: ServiceDeps, actor: Actor) {
  await bureauOwner(deps, actor);
  return issuedBulletinRepo.list(deps.handle.db, actor.scope);
}

/** One issued bulletin (bytes and snapshot as stored); 404 outside the actor's jurisdiction. */
export async function issuedBulletin(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<IssuedBulletinRow> {
  await bureauOwner(deps, actor);
  const row = await issuedBulletinRepo.find(deps.handle.db, actor.scope, id);
  if (row === undefined) {
    throw new AppError("not-found", "该期通报不存在或不在您的管辖范围内");
  }
  return row;
}

/** The stored .docx of an issued bulletin, unchanged since issue; the download is audited. */
export async function issuedBulletinDocx(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
): Promise<IssuedBulletinRow> {
  const row = await issuedBulletin(deps, actor, id);
  await recordAudit(deps.handle.db, actor, {
    action: "ledger.bulletin-download",
    entityType: "issued_bulletin",
    entityId: row.id,
    details: { docNumber: row.doc_number, sha256: row.sha256 },
  });
  return row;
}
