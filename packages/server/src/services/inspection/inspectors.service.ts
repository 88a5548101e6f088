/**
 * 督学 and 督学责任区 (责任督学挂牌督导): the roster with each 督学's workload, the 督导室's writes of a
 * 督学's sign facts and 责任区, and each school's 挂牌 card as a page and a printable .docx.
 */
import type { InspectorBody } from "@luoshi/contracts";
import { chinaDate } from "@luoshi/common";
import {
  inspectionVisitRepo,
  inspectorRepo,
  inTransaction,
  planRepo,
  userRepo,
  type SchoolCardRow,
} from "@luoshi/db";
import {
  dutiesOf,
  SCHOOLS_PER_INSPECTOR,
  schoolsOverRatio,
  semesterOf,
  SUPERVISION_MATTERS,
  VISITS_PER_SEMESTER,
} from "@luoshi/domain/inspection";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { findUnitInScope } from "../access/scope.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { gongwenDocument } from "../../reports/gongwen-docx.ts";

const KIND_LABELS = { fullTime: "专职督学", partTime: "兼职督学" } as const;

/** The roster as the reader's scope reaches it, with the workload and the schools without a 督学. */
export async function inspectorRoster(deps: ServiceDeps, actor: Actor) {
  authorize(actor, "inspection.read");
  const { db } = deps.handle;
  const [people, cards] = await Promise.all([
    inspectorRepo.roster(db, actor.scope),
    inspectorRepo.schoolCards(db, actor.scope),
  ]);
  const manages = actor.role === "bureauSupervisor";
  const unrostered = manages ? await inspectorRepo.unrostered(db, actor.scope) : [];
  const semester = semesterOf(chinaDate(deps.now()));
  const visits = await inspectionVisitRepo.countsByInspector(
    db,
    people.map((p) => p.userId),
    { from: semester.start, to: semester.end },
  );
  return {
    items: people.map((p) => ({
      userId: p.userId,
      name: p.name,
      kind: p.kind,
      zoneName: p.zoneName,
      phone: p.phone,
      duties: p.duties,
      schools: p.schools,
      overRatio: schoolsOverRatio(p.schools.length),
      visitsThisSemester: visits.get(p.userId) ?? 0,
      visitsRequired: VISITS_PER_SEMESTER * p.schools.length,
    })),
    unrostered: unrostered.map((u) => ({ userId: u.id, name: u.display_name })),
    schoolsPerInspector: SCHOOLS_PER_INSPECTOR,
    schoolsWithout: cards.filter((c) => c.inspector === null).length,
  };
}

/**
 * 督导室: writes a 督学's sign facts and replaces the 责任区 with the given schools (each an open school
 * in the writer's scope; a school another 督学 held moves to this one). The account must have the role
 * 督学 and sit in the writer's jurisdiction. Audited with the schools before and after.
 */
export async function saveInspector(deps: ServiceDeps, actor: Actor, userId: string, body: InspectorBody) {
  authorize(actor, "inspection.manage");
  const { db } = deps.handle;
  const user = await userRepo.findById(db, userId);
  if (user === undefined) {
    throw new AppError("not-found", "没有这个账号");
  }
  await findUnitInScope(db, actor, user.org_unit_id);
  if (user.role !== "inspector") {
    throw new AppError("validation-failed", "只有角色为“督学”的账号才能列入督学名册");
  }
  const schoolIds = [...new Set(body.schoolIds)];
  for (const id of schoolIds) {
    const school = await findUnitInScope(db, actor, id);
    if (school.kind !== "school" || school.closed_on !== null) {
      throw new AppError("validation-failed", `“${school.name}”不是一所在办的学校，不能列入责任区`);
    }
  }
  const area = await planRepo.findScopeRoot(db, actor.scope);
  if (area === undefined) {
    throw new AppError("forbidden", "您的账号没有所属管辖范围，不能管理督学");
  }
  const before = (await inspectorRepo.roster(db, actor.scope)).find((p) => p.userId === userId);
  await inTransaction(db, async (trx) => {
    await inspectorRepo.save(trx, {
      userId,
      areaUnitId: area.id,
      kind: body.kind,
      zoneName: body.zoneName,
      phone: body.phone,
      duties: body.duties,
      schoolIds,
      updatedBy: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: "inspection.inspector-save",
      entityType: "user",
      entityId: userId,
      before: before === undefined ? null : { schools: before.schools.map((s) => s.id), kind: before.kind },
      after: { schools: schoolIds, kind: body.kind },
    });
  });
  return inspectorRoster(deps, actor);
}

function cardOf(row: SchoolCardRow) {
  return {
    school: { id: row.schoolId, name: row.schoolName },
    inspector:
      row.inspector === null
        ? null
        : {
            name: row.inspector.name,
            kind: row.inspector.kind,
            zoneName: row.inspector.zoneName,
            phone: row.inspector.phone,
            duties: dutiesOf(row.inspector.duties),
          },
    matters: [...SUPERVISION_MATTERS],
    note: "对学校办学行为有意见或投诉的，可直接联系责任督学。",
  };
}

/** The schools within the reader's scope, each with its 挂牌 card (a school user: its own). */
export async function schoolCards(deps: ServiceDeps, actor: Actor) {
  authorize(actor, "inspection.read");
  const rows = await inspectorRepo.schoolCards(deps.handle.db, actor.scope);
  return { items: rows.map(cardOf) };
}

/** One school's 挂牌 card; 404 for no such school, 403 outside the reader's scope. */
export async function schoolCard(deps: ServiceDeps, actor: Actor, schoolId: string) {
  authorize(actor, "inspection.read");
  const { db } = deps.handle;
  await findUnitInScope(db, actor, schoolId);
  const row = (await inspectorRepo.schoolCards(db, actor.scope, schoolId))[0];
  if (row === undefined) {
    throw new AppError("not-found", "没有这所学校");
  }
  return cardOf(row);
}

/** The 挂牌 sign of a school as a printable .docx (公文 layout); the download is audited. */
export async function schoolCardDocx(
  deps: ServiceDeps,
  actor: Actor,
  schoolId: string,
): Promise<{ buffer: Buffer; fileName: string }> {
  const card = await schoolCard(deps, actor, schoolId);
  const { db } = deps.handle;
  const area = await planRepo.findScopeRoot(db, actor.scope);
  const county = (area?.name ?? "").replace(/教育局$/, "");
  const who = card.inspector;
  const buffer = await gongwenDocument({
    title: `${card.school.name}责任督学挂牌督导公示牌`,
    issuer: `${county}人民政府教育督导室`,
    date: chinaDate(deps.now()),
    sections: [
      {
        kind: "table",
        header: ["项目", "内容"],
        widths: [1.2, 5],
        align: ["center", "left"],
        rows: [
          ["责任督学", who === null ? "（尚未确定）" : `${who.name}（${KIND_LABELS[who.kind]}）`],
          ["督学责任区", who?.zoneName === undefined || who.zoneName === "" ? "—" : who.zoneName],
          ["联系电话", who === null || who.phone === "" ? "—" : who.phone],
          ["工作职责", (who?.duties ?? []).map((d, i) => `${String(i + 1)}. ${d}`).join("\n") || "—"],
        ],
      },
      { kind: "heading", level: 1, text: "一、督导事项" },
      ...card.matters.map((m, i) => ({ kind: "paragraph" as const, text: `${String(i + 1)}. ${m}` })),
      { kind: "heading", level: 1, text: "二、监督方式" },
      { kind: "paragraph", text: card.note },
    ],
  });
  await recordAudit(db, actor, {
    action: "inspection.card-export",
    entityType: "org_unit",
    entityId: schoolId,
  });
  return { buffer, fileName: `责任督学公示牌-${card.school.name}.docx` };
}
