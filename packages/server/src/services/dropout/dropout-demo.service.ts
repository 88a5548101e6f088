/**
 * 演示控辍: loads the demo county's synthetic 适龄 list (domain `demoSchoolAgeList`) through the ordinary
 * import — matched against the demo registry, a case opened for each unmatched child — then moves the
 * cases, deterministically, into every state: 劝返中 with no step yet, with an overdue 家访, with a 劝返
 * under way; 已复学 and being followed; 已销号 — and opens a case from every 60th risk flag of the demo term
 * (长期缺勤), as a caseworker does from the flag list. Needs the demo registry (`luoshi demo registry`) first.
 */
import { addWorkingDays, chinaDate } from "@luoshi/common";
import {
  attendanceFlagRepo,
  dropoutCaseRepo,
  inTransaction,
  orgUnitRepo,
  schoolAgeRepo,
  scopeOf,
  studentRepo,
  WHOLE_TREE,
  type CaseReadRow,
} from "@luoshi/db";
import { generateDemoCounty } from "@luoshi/domain/demo";
import { demoSchoolAgeList } from "@luoshi/domain/dropout";
import { DEMO_REGISTRY_YEAR, demoRegistry } from "@luoshi/domain/registry";
import { generateDemoStatistics } from "@luoshi/domain/stats";
import { addDays } from "@luoshi/domain/ledger";
import { AppError } from "../../errors.ts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { importSchoolAge } from "./school-age-import.service.ts";
import { openCaseFromFlag } from "./case-from-flag.ts";

/** What the demo loader wrote. */
export interface DemoDropoutResult {
  children: number;
  unmatched: number;
  open: number;
  returned: number;
  closed: number;
  /** Cases opened from attendance risk flags (长期缺勤), all 劝返中 and counted in `open`. */
  fromFlags: number;
}

/** Every how many-th open risk flag of the demo term gets a case, as a caseworker would open one. */
const FLAG_CASE_EVERY = 60;

/** Loads the demo 控辍 data once; null when a 适龄 list is already there. */
export async function loadDemoDropout(deps: ServiceDeps, actor: Actor): Promise<DemoDropoutResult | null> {
  const { db } = deps.handle;
  if ((await schoolAgeRepo.latestImport(db, WHOLE_TREE)) !== undefined) {
    return null;
  }
  if ((await studentRepo.count(db)) === 0) {
    throw new AppError("validation-failed", "请先运行 luoshi demo registry 载入演示学籍");
  }
  const county = generateDemoCounty();
  const unit = await orgUnitRepo.findByCode(db, county.countyCode);
  if (unit === undefined) {
    throw new AppError("not-found", "数据库中没有演示县：请先运行 luoshi demo");
  }
  const stats = generateDemoStatistics(county, [DEMO_REGISTRY_YEAR]);
  const list = demoSchoolAgeList(demoRegistry(county, stats.records), DEMO_REGISTRY_YEAR);
  const csv = [
    "身份证件号,姓名,性别,出生日期,乡镇,村",
    ...list.map((c) =>
      [c.idNumber, c.name, c.sex === "M" ? "男" : "女", c.birthDate, c.township, c.village].join(","),
    ),
  ].join("\n");
  const bureau = { ...actor, role: "bureauSupervisor" as const, scope: scopeOf(unit.path) };
  const result = await importSchoolAge(deps, bureau, {
    fileName: "演示适龄儿童名单（合成数据）.csv",
    bytes: Buffer.from(csv, "utf8"),
    schoolYear: DEMO_REGISTRY_YEAR,
    source: "police",
    preview: false,
  });
  const { rows } = await dropoutCaseRepo.list(db, WHOLE_TREE, {}, { offset: 0, limit: 10_000 });
  const cases = [...rows].sort((a, b) =>
    (a.personal.idNumber ?? "").localeCompare(b.personal.idNumber ?? ""),
  );
  const schools = await orgUnitRepo.list(db, {
    scope: scopeOf(unit.path),
    kind: "school",
    limit: 10_000,
    offset: 0,
  });
  const towns = await orgUnitRepo.list(db, {
    scope: scopeOf(unit.path),
    kind: "township",
    limit: 100,
    offset: 0,
  });
  const schoolIn = (c: CaseReadRow): string => {
    const town = towns.rows.find((t) => t.name === c.township);
    const primary = schools.rows.filter((s) => s.school_type === "primary" || s.school_type === "nineYear");
    const local = town === undefined ? [] : primary.filter((s) => s.path.startsWith(town.path));
    return (local[0] ?? primary[0] ?? schools.rows[0])?.id ?? c.unitId;
  };
  const today = chinaDate(deps.now());
  const back = (n: number) => addWorkingDays(addDays(today, -Math.ceil(n * 1.6) - 3), 0);
  const counts = { open: 0, returned: 0, closed: 0 };
  await inTransaction(db, async (trx) => {
    for (const [i, c] of cases.entries()) {
      const variant = i % 5;
      if (variant === 0) {
        counts.open++;
        continue;
      }
      await dropoutCaseRepo.updateCase(
        trx,
        c.id,
        { ...c.personal, plan: "学校与村委联合家访，落实七长责任，限期劝返（演示）" },
        schoolIn(c),
      );
      const visitOn = back(30);
      const visit = await dropoutCaseRepo.insertStep(trx, {
        caseId: c.id,
        kind: "homeVisit",
        assignedOn: visitOn,
        deadline: addWorkingDays(visitOn, 2),
      });
      if (variant === 1) {
        counts.open++;
        continue; // the 家访 is overdue: a red light
      }
      await dropoutCaseRepo.recordStep(trx, visit, {
        doneOn: addWorkingDays(visitOn, 1),
        outcome: null,
        note: "班主任与村干部上门家访（演示）",
        evidence: "家访记录表",
        recordedBy: null,
      });
      const persuadeOn = addWorkingDays(visitOn, 2);
      const persuade = await dropoutCaseRepo.insertStep(trx, {
        caseId: c.id,
        kind: "persuasion",
        assignedOn: persuadeOn,
        deadline: variant === 2 ? addWorkingDays(today, 5) : addWorkingDays(persuadeOn, 10),
      });
      if (variant === 2) {
        counts.open++;
        continue;
      }
      await dropoutCaseRepo.recordStep(trx, persuade, {
        doneOn: addWorkingDays(persuadeOn, 3),
        outcome: "succeeded",
        note: "劝返谈话，家长同意返校（演示）",
        evidence: "劝返记录",
        recordedBy: null,
      });
      const returnOn = variant === 3 ? back(3) : back(20);
      const ret = await dropoutCaseRepo.insertStep(trx, {
        caseId: c.id,
        kind: "return",
        assignedOn: addWorkingDays(persuadeOn, 3),
        deadline: returnOn,
      });
      await dropoutCaseRepo.recordStep(trx, ret, {
        doneOn: returnOn,
        outcome: null,
        note: "已到校上课（演示）",
        evidence: "",
        recordedBy: null,
      });
      await dropoutCaseRepo.setState(trx, c.id, "returned", { returnedOn: returnOn, returnedBy: null });
      if (variant === 3) {
        counts.returned++;
        continue;
      }
      await dropoutCaseRepo.setState(trx, c.id, "closed", { closedOn: today, closedBy: null });
      counts.closed++;
    }
  });
  // a few of the term's risk flags opened as cases from the flag list, in a fixed order (the day, the
  // school, the class, the masked name, the rule) so the same flags are picked every time
  const { rows: flags } = await attendanceFlagRepo.openFlags(
    db,
    bureau.scope,
    {},
    { offset: 0, limit: 100_000 },
  );
  const picked = [...flags]
    .sort((a, b) =>
      [a.raisedOn, a.schoolName, a.className, a.personal.name, a.rule]
        .join("|")
        .localeCompare([b.raisedOn, b.schoolName, b.className, b.personal.name, b.rule].join("|")),
    )
    .filter((_f, i) => i % FLAG_CASE_EVERY === FLAG_CASE_EVERY - 1);
  let fromFlags = 0;
  for (const f of picked) {
    const opened = await dropoutCaseRepo.openCaseOf(db, { idNumberIndex: null, studentId: f.studentId });
    if (opened === undefined) {
      await openCaseFromFlag(deps, bureau, f.id, { plan: "班主任当日电话联系家长，两日内上门家访（演示）" });
      fromFlags++;
    }
  }
  counts.open += fromFlags;
  return { children: result.children, unmatched: result.unmatched, ...counts, fromFlags };
}
