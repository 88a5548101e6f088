/**
 * Opening a 一生一案 case: the one place a case is created, whether from the 适龄比对 (an unmatched
 * child), from a pupil of the registry (辍学, 转出未转入), or — later — from an attendance risk flag
 * (`openCaseForPupil` takes a pupil id and a cause). The 七长 are named from the org registry where it
 * knows them (the school's 校长, the county's and the township's heads, the 教育局's head) and left for the
 * caseworker to fill otherwise. Audited, without personal values.
 */
import { chinaDate } from "@luoshi/common";
import {
  decryptField,
  dropoutCaseRepo,
  inTransaction,
  openPersonal,
  orgUnitRepo,
  scopeOf,
  studentNumberIndex,
  studentRepo,
  type ChildPersonal,
  type Db,
} from "@luoshi/db";
import type { CaseCause, SevenHeads } from "@luoshi/domain/dropout";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";

/** A case to open, its child's values still sealed (child list) or opened (registry). */
export interface CaseOpening {
  unitId: string;
  studentId: string | null;
  childId: string | null;
  idNumberIndex: string | null;
  /** The child list's sealed values, or the registry pupil's name and number. */
  sealedChild?: string;
  child?: { name: string; idNumber: string | null };
  sex: "M" | "F" | null;
  level: string | null;
  grade: number | null;
  township: string;
  village: string;
  cause: CaseCause;
  causeNote: string;
  plan?: string;
  priorityGroups?: string[];
  openedOn: string;
  /** The risk flag the case is opened from, if any (named in the audit row). */
  flagId?: string;
}

/** The 七长 the org registry can name for a case at `unitId` in `township`. */
async function knownHeads(db: Db, unitId: string, township: string): Promise<SevenHeads> {
  const unit = await orgUnitRepo.findById(db, unitId);
  if (unit === undefined) {
    return {};
  }
  const ids = unit.path.split("/").filter((s) => s !== "");
  const line = await orgUnitRepo.findByIds(db, ids);
  const heads: SevenHeads = {};
  const named = (p: string | null): p is string => p !== null && p.trim() !== "";
  for (const u of line) {
    if (u.kind === "county" && named(u.principal)) {
      heads.county = u.principal;
    }
    if (u.kind === "township" && u.name === township && named(u.principal)) {
      heads.township = u.principal;
    }
  }
  if (unit.kind === "school" && named(unit.principal)) {
    heads.school = unit.principal;
  }
  const county = line.find((u) => u.kind === "county");
  if (county !== undefined) {
    const { rows } = await orgUnitRepo.list(db, {
      scope: scopeOf(county.path),
      parentId: county.id,
      kind: "department",
      search: "教育局",
      limit: 5,
      offset: 0,
    });
    const bureau = rows.find((r) => r.name.includes("教育局") && named(r.principal));
    if (bureau?.principal != null) {
      heads.bureau = bureau.principal;
    }
  }
  return heads;
}

/** Writes a case and its audit row inside the caller's transaction; returns its id. */
export async function insertCase(deps: ServiceDeps, db: Db, actor: Actor, o: CaseOpening): Promise<string> {
  const child =
    o.child ??
    (() => {
      const p = JSON.parse(decryptField(db, o.sealedChild ?? "")) as ChildPersonal;
      return { name: p.name, idNumber: p.idNumber };
    })();
  const open = await dropoutCaseRepo.openCaseOf(db, {
    idNumberIndex: o.idNumberIndex,
    studentId: o.studentId,
  });
  if (open !== undefined) {
    throw new AppError("conflict", "这名儿童已有未销号的案件");
  }
  const id = await dropoutCaseRepo.insertCase(db, {
    unitId: o.unitId,
    studentId: o.studentId,
    childId: o.childId,
    idNumberIndex: o.idNumberIndex,
    cause: o.cause,
    personal: {
      name: child.name,
      idNumber: child.idNumber,
      causeNote: o.causeNote,
      plan: o.plan ?? "",
      people: await knownHeads(db, o.unitId, o.township),
    },
    sex: o.sex,
    level: o.level,
    grade: o.grade,
    township: o.township,
    village: o.village,
    priorityGroups: o.priorityGroups ?? [],
    openedOn: o.openedOn,
    closeAfterDays: deps.config.dropout.closeAfterDays,
    createdBy: actor.userId,
  });
  await recordAudit(db, actor, {
    action: "dropout.case-open",
    entityType: "dropout_case",
    entityId: id,
    after: {
      cause: o.cause,
      unitId: o.unitId,
      township: o.township,
      studentId: o.studentId,
      childId: o.childId,
      ...(o.flagId === undefined ? {} : { flagId: o.flagId }),
    },
  });
  return id;
}

/** The 乡镇 part of a 户籍地 (…乡 / …镇 / …街道), or "" when none is named. */
function townshipOf(hukou: string): string {
  const m = /([^省市县区旗]{1,12}?(?:乡|镇|街道))/.exec(
    hukou.replace(/^.*?(?:县|区|旗|市)(?=[^县区旗市]*(?:乡|镇|街道))/, ""),
  );
  return m?.[1] ?? "";
}

/**
 * Opens a case for a pupil of the registry within the actor's scope, with a cause (辍学, 长期缺勤,
 * 转出未转入 …): what the registry's movements and the attendance flags call. Returns the case id.
 */
export async function openCaseForPupil(
  deps: ServiceDeps,
  actor: Actor,
  studentId: string,
  cause: CaseCause,
  extra: { causeNote?: string; plan?: string; flagId?: string } = {},
): Promise<string> {
  authorize(actor, "pupil.write");
  const { db } = deps.handle;
  const pupil = await studentRepo.findInScope(db, actor.scope, studentId);
  const sealed = await studentRepo.sealedInScope(db, actor.scope, studentId);
  if (pupil === undefined || sealed === undefined) {
    throw new AppError("not-found", "没有这名学生，或不在您的管辖范围内");
  }
  const p = openPersonal(db, sealed);
  const groups = [
    ...(pupil.leftBehind ? ["leftBehind"] : []),
    ...(pupil.disabled ? ["disabled"] : []),
    ...(pupil.migrant ? ["migrant"] : []),
  ];
  return inTransaction(db, (trx) =>
    insertCase(deps, trx, actor, {
      unitId: pupil.unitId,
      studentId,
      childId: null,
      idNumberIndex: p.idNumber === null ? null : studentNumberIndex(db, "idNumber", p.idNumber),
      child: { name: p.name, idNumber: p.idNumber },
      sex: pupil.sex,
      level: pupil.level,
      grade: pupil.grade,
      township: townshipOf(p.hukou),
      village: "",
      cause,
      causeNote: extra.causeNote ?? "",
      ...(extra.plan === undefined ? {} : { plan: extra.plan }),
      ...(extra.flagId === undefined ? {} : { flagId: extra.flagId }),
      priorityGroups: groups,
      openedOn: chinaDate(deps.now()),
    }),
  );
}
