/**
 * 超员摇号 for a county's year (docs/enrolment.md): the bureau freezes the approved applications (their
 * numbers are the published list, its SHA-256 the fingerprint), then — once the announced public numbers
 * are out — records them and draws with the domain rule (tiers, one lottery number per child, 调剂 to the
 * neighbouring 片区). The published texts (list, entropy, result CSV) are stored as published, so that
 * `luoshi draw verify` and the /verify-draw page reproduce the result from them alone.
 */
import {
  decryptField,
  enrolCatchmentRepo,
  enrolLotteryRepo,
  inTransaction,
  scopeOf,
  type Db,
  type LotteryRow,
  type OrgUnitRow,
} from "@luoshi/db";
import { DrawInputError, drawOrder, listDigest, parseEntropyText, RESULT_HEADER } from "@luoshi/common/draw";
import { writeCsv } from "@luoshi/common";
import {
  LotteryInputError,
  runAdmissionLottery,
  type Admission,
  type LotteryApplicant,
  type LotteryOutcome,
  type LotterySchool,
} from "@luoshi/domain/enrolment";
import { maskName } from "@luoshi/domain/pii";
import type { LotteryView } from "@luoshi/contracts";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import { registryScope } from "../registry/registry-scope.ts";
import { managedArea } from "./catchment.service.ts";
import { countyOrNull } from "./application.service.ts";

/** A school as frozen: code, name, seats and its 调剂 schools in order. */
interface FrozenSchool extends LotterySchool {
  name: string;
}

/**
 * The county's primary schools with a catchment and seats, each with its neighbours: the other schools
 * whose catchments share a 乡镇（街道） with its own, in 学校标识码 order (the published 调剂 order).
 */
async function frozenSchools(db: Db, area: OrgUnitRow, year: number): Promise<FrozenSchool[]> {
  const rows = (await enrolCatchmentRepo.list(db, scopeOf(area.path), year, area.id)).filter(
    (r) => r.stage === "primary",
  );
  const towns = new Map(
    rows.map((r) => [r.schoolCode, new Set((r.units as { township: string }[]).map((u) => u.township))]),
  );
  return rows.map((r) => ({
    code: r.schoolCode,
    name: r.schoolName,
    seats: r.seats ?? 0,
    neighbours: rows
      .filter((o) => o.schoolCode !== r.schoolCode)
      .filter((o) =>
        [...(towns.get(o.schoolCode) ?? [])].some((t) => towns.get(r.schoolCode)?.has(t) === true),
      )
      .map((o) => o.schoolCode),
  }));
}

/** Freezes the year's approved applications of the actor's county and publishes the list's fingerprint. */
export async function freezeLottery(deps: ServiceDeps, actor: Actor, year: number): Promise<LotteryView> {
  const { db } = deps.handle;
  const area = await managedArea(db, actor);
  if (await enrolLotteryRepo.find(db, scopeOf(area.path), area.id, year)) {
    throw new AppError("conflict", `${String(year)} 年的摇号名单已冻结，不能再改`);
  }
  const schools = await frozenSchools(db, area, year);
  const codes = new Set(schools.map((s) => s.code));
  const approved = await enrolLotteryRepo.approved(db, area.id, year);
  if (approved.length === 0) {
    throw new AppError("validation-failed", "没有审核通过的报名：请先完成资格审核再冻结名单");
  }
  const missing = [...new Set(approved.map((a) => a.school_code).filter((c) => !codes.has(c)))];
  if (missing.length > 0) {
    throw new AppError(
      "validation-failed",
      `这些学校还没有 ${String(year)} 年的片区和招生计划：${missing.join("、")}`,
    );
  }
  const applicants: LotteryApplicant[] = approved.map((a) => ({
    label: a.application_no,
    school: a.school_code,
    tier: a.tier,
  }));
  const labels = applicants.map((a) => a.label);
  const text = `${labels.join("\n")}\n`;
  const digest = listDigest(labels);
  await inTransaction(db, async (trx) => {
    const id = await enrolLotteryRepo.insertFrozen(trx, {
      areaUnitId: area.id,
      year,
      labels: text,
      listSha256: digest,
      applicants,
      schools,
      userId: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: "enrolment.lottery-freeze",
      entityType: "enrol_lottery",
      entityId: id,
      after: { schoolYear: year, listSha256: digest, applications: labels.length },
    });
  });
  return readLottery(deps, actor, year);
}

/** Records the public numbers and draws; the result is stored as the CSV `luoshi draw verify` reads. */
export async function drawLottery(
  deps: ServiceDeps,
  actor: Actor,
  year: number,
  entropy: string,
): Promise<LotteryView> {
  const { db } = deps.handle;
  const area = await managedArea(db, actor);
  const row = await enrolLotteryRepo.find(db, scopeOf(area.path), area.id, year);
  if (row === undefined) {
    throw new AppError("not-found", `${String(year)} 年的摇号名单还没有冻结`);
  }
  if (row.status === "drawn") {
    throw new AppError("conflict", "已经摇号：结果已公布，不能重摇");
  }
  const applicants = row.applicants as LotteryApplicant[];
  let outcome: LotteryOutcome;
  let csv: string;
  try {
    const sources = parseEntropyText(entropy);
    outcome = runAdmissionLottery(row.schools as FrozenSchool[], applicants, sources);
    const order = drawOrder({ labels: applicants.map((a) => a.label), entropy: sources });
    csv = writeCsv([[...RESULT_HEADER], ...order.order.map((e) => [e.rank, e.label, e.position])]);
  } catch (error) {
    if (error instanceof DrawInputError || error instanceof LotteryInputError) {
      throw new AppError("validation-failed", error.message);
    }
    throw error;
  }
  await inTransaction(db, async (trx) => {
    const done = await enrolLotteryRepo.recordDraw(trx, row.id, {
      entropy,
      resultCsv: csv,
      outcome: {
        admissions: outcome.admissions,
        schools: outcome.schools,
        entropyKey: outcome.draw.entropyKey,
      },
      userId: actor.userId,
    });
    if (!done) {
      throw new AppError("conflict", "已经摇号：结果已公布，不能重摇");
    }
    await recordAudit(trx, actor, {
      action: "enrolment.lottery-draw",
      entityType: "enrol_lottery",
      entityId: row.id,
      after: { schoolYear: year, listSha256: row.listSha256, entropyKey: outcome.draw.entropyKey },
    });
  });
  return readLottery(deps, actor, year);
}

/** The county's lottery of the year as published: texts, each school's outcome, admissions masked. */
export async function readLottery(deps: ServiceDeps, actor: Actor, year: number): Promise<LotteryView> {
  authorize(actor, "pupil.read");
  const { db } = deps.handle;
  const { unit } = await registryScope(db, actor, undefined);
  const area = await countyOrNull(db, unit);
  const row = area === null ? undefined : await enrolLotteryRepo.find(db, scopeOf(area.path), area.id, year);
  if (area === null || row === undefined) {
    return { year, lottery: null };
  }
  return { year, lottery: await present(db, area, row) };
}

async function present(
  db: Db,
  area: OrgUnitRow,
  row: LotteryRow,
): Promise<NonNullable<LotteryView["lottery"]>> {
  const schools = row.schools as FrozenSchool[];
  const names = new Map(schools.map((s) => [s.code, s.name]));
  const outcome = row.outcome as { admissions: Admission[]; schools: LotteryOutcome["schools"] } | null;
  const sealed =
    outcome === null
      ? new Map<string, string>()
      : await enrolLotteryRepo.sealedByNumber(db, area.id, row.schoolYear);
  const masked = (label: string) => {
    const s = sealed.get(label);
    return s === undefined ? "" : maskName((JSON.parse(decryptField(db, s)) as { name: string }).name);
  };
  const byCode = new Map((outcome?.schools ?? []).map((s) => [s.code, s]));
  const applied = new Map<string, number>();
  for (const a of row.applicants as LotteryApplicant[]) {
    applied.set(a.school, (applied.get(a.school) ?? 0) + 1);
  }
  return {
    status: row.status,
    listSha256: row.listSha256,
    labels: row.labels,
    entropy: row.entropy,
    resultCsv: row.resultCsv,
    frozenAt: row.frozenAt.toISOString(),
    drawnAt: row.drawnAt?.toISOString() ?? null,
    schools: schools.map((s) => {
      const o = byCode.get(s.code);
      const n = applied.get(s.code) ?? 0;
      return {
        code: s.code,
        name: s.name,
        seats: s.seats,
        applicants: n,
        oversubscribed: n > s.seats,
        neighbours: s.neighbours.map((c) => names.get(c) ?? c),
        admitted: o?.admitted ?? null,
        reassignedIn: o?.reassignedIn ?? null,
        cutOff: o?.cutOff ?? null,
      };
    }),
    admissions: (outcome?.admissions ?? []).map((a) => ({
      label: a.label,
      name: masked(a.label),
      applied: names.get(a.applied) ?? a.applied,
      tier: a.tier,
      lotteryRank: a.lotteryRank,
      status: a.status,
      school: a.school === null ? null : (names.get(a.school) ?? a.school),
    })),
  };
}
