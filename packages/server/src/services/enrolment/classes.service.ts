/**
 * 均衡编班 of one school's new grade-1 pupils (docs/enrolment.md): the pupils the drawn lottery placed at
 * the school, balanced by the domain rule (stratify by sex and 随迁, snake, seeded exchanges; classes
 * numbered and 班主任 drawn by lot) and seeded by the lottery's own published public numbers, so that the
 * same inputs give the same classes. Computes and stores nothing: the bureau previews the balance.
 */
import { decryptField, enrolLotteryRepo, scopeOf } from "@luoshi/db";
import { DrawInputError, parseEntropyText } from "@luoshi/common/draw";
import {
  balanceClasses,
  ClassBalanceError,
  type Admission,
  type ApplicationDocuments,
  type ClassPupil,
} from "@luoshi/domain/enrolment";
import { maskName } from "@luoshi/domain/pii";
import type { ClassPreview, ClassPreviewBody } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { managedArea } from "./catchment.service.ts";

/** Balanced classes of the school's placed pupils, with each class's balance. */
export async function previewClasses(
  deps: ServiceDeps,
  actor: Actor,
  body: ClassPreviewBody,
): Promise<ClassPreview> {
  const { db } = deps.handle;
  const area = await managedArea(db, actor);
  const lottery = await enrolLotteryRepo.find(db, scopeOf(area.path), area.id, body.schoolYear);
  if (lottery?.status !== "drawn" || lottery.entropy === null) {
    throw new AppError(
      "validation-failed",
      `${String(body.schoolYear)} 年还没有摇号结果：编班在录取确定之后进行`,
    );
  }
  const schools = lottery.schools as { code: string; name: string }[];
  const school = schools.find((s) => s.code === body.schoolCode);
  if (school === undefined) {
    throw new AppError("not-found", "这所学校不在本年度招生学校中");
  }
  const outcome = lottery.outcome as { admissions: Admission[] };
  const facts = await enrolLotteryRepo.pupilFacts(db, area.id, body.schoolYear);
  const sealed = await enrolLotteryRepo.sealedByNumber(db, area.id, body.schoolYear);
  const pupils: ClassPupil[] = outcome.admissions
    .filter((a) => a.school === school.code)
    .map((a) => {
      const f = facts.get(a.label);
      const d = f?.documents as ApplicationDocuments | undefined;
      return {
        label: a.label,
        sex: f?.sex === "F" ? "女" : "男",
        tags: d !== undefined && d.residencePermit && !d.hukou ? ["随迁"] : [],
      };
    });
  try {
    const r = balanceClasses({
      pupils,
      classCount: body.classCount,
      entropy: parseEntropyText(lottery.entropy),
      ...(body.teachers.length > 0 ? { teachers: body.teachers } : {}),
    });
    const name = (label: string) => {
      const s = sealed.get(label);
      return s === undefined ? "" : maskName((JSON.parse(decryptField(db, s)) as { name: string }).name);
    };
    const mean = pupils.length / body.classCount;
    return {
      schoolName: school.name,
      pupils: pupils.length,
      listDigest: r.listDigest,
      entropy: lottery.entropy,
      maxDeviation: Math.max(...r.classes.map((c) => Math.abs(c.size - mean))),
      classes: r.classes.map((c) => ({
        classNo: c.classNo,
        teacher: c.teacher,
        size: c.size,
        boys: c.boys,
        girls: c.girls,
        migrant: c.tags["随迁"] ?? 0,
        pupils: c.pupils.map((label) => ({ label, name: name(label) })),
      })),
    };
  } catch (error) {
    if (error instanceof ClassBalanceError || error instanceof DrawInputError) {
      throw new AppError("validation-failed", error.message);
    }
    throw error;
  }
}
