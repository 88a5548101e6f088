/**
 * 动态监测: 辍学人数 and 辍学率 by school and grade (the registry's statuses), cases by township and state,
 * the 劝返 rate, the unmatched 适龄 children; and the monthly 控辍保学 report built from them. Counts only.
 */
import { chinaDate } from "@luoshi/common";
import { dropoutCaseRepo, schoolAgeRepo } from "@luoshi/db";
import {
  STEP_KIND_LABELS,
  STEP_OUTCOME_LABELS,
  dropoutRate,
  persuasionRate,
  type StepKind,
  type StepOutcome,
} from "@luoshi/domain/dropout";
import { gradeLabel } from "@luoshi/domain/registry";
import type { EduLevel } from "@luoshi/domain/stats";
import { monthBounds } from "@luoshi/domain/ledger";
import type { DropoutMonitor } from "@luoshi/contracts";
import type { Actor, ServiceDeps } from "../../context.ts";
import { authorize } from "../access/authorize.ts";
import { recordAudit } from "../audit/audit.service.ts";
import {
  dropoutReportDocx,
  dropoutReportSections,
  type MonthSteps,
} from "../../reports/dropout-report-docx.ts";
import { inTransaction, orgUnitRepo } from "@luoshi/db";
import { SCHOOL_AGE_RULE_TEXT } from "./school-age-import.service.ts";

const rated = (dropouts: number, inSchool: number) => ({
  dropouts,
  inSchool,
  rate: dropoutRate(dropouts, inSchool),
});

/** The 动态监测 figures within the reader's scope. */
export async function dropoutMonitor(deps: ServiceDeps, actor: Actor): Promise<DropoutMonitor> {
  authorize(actor, "pupil.read");
  const { db } = deps.handle;
  const cells = await dropoutCaseRepo.dropoutBySchoolGrade(db, actor.scope);
  const schools = new Map<string, { schoolName: string; dropouts: number; inSchool: number }>();
  const grades = new Map<string, { key: string; gradeLabel: string; dropouts: number; inSchool: number }>();
  let dropouts = 0;
  let inSchool = 0;
  for (const c of cells) {
    dropouts += c.dropouts;
    inSchool += c.inSchool;
    const s = schools.get(c.unitId) ?? { schoolName: c.schoolName, dropouts: 0, inSchool: 0 };
    s.dropouts += c.dropouts;
    s.inSchool += c.inSchool;
    schools.set(c.unitId, s);
    const label = gradeLabel({ level: c.level as EduLevel, grade: c.grade });
    const key = `${c.level === "junior" ? "2" : c.level === "primary" ? "1" : "3"}${String(c.grade)}`;
    const g = grades.get(label) ?? { key, gradeLabel: label, dropouts: 0, inSchool: 0 };
    g.dropouts += c.dropouts;
    g.inSchool += c.inSchool;
    grades.set(label, g);
  }
  const counts = await dropoutCaseRepo.countCases(db, actor.scope);
  const towns = new Map<string, { township: string; open: number; returned: number; closed: number }>();
  const byState = { open: 0, returned: 0, closed: 0 };
  for (const c of counts) {
    const t = towns.get(c.township) ?? { township: c.township, open: 0, returned: 0, closed: 0 };
    const state = c.state as keyof typeof byState;
    t[state] += c.n;
    byState[state] += c.n;
    towns.set(c.township, t);
  }
  const latest = await schoolAgeRepo.latestImport(db, actor.scope);
  const unmatched =
    latest === undefined
      ? 0
      : (await schoolAgeRepo.countsByVillage(db, actor.scope, latest.id)).reduce(
          (n, v) => n + v.unmatched,
          0,
        );
  const all = byState.open + byState.returned + byState.closed;
  return {
    asOf: chinaDate(deps.now()),
    total: rated(dropouts, inSchool),
    bySchool: [...schools.values()].map((s) => ({
      schoolName: s.schoolName,
      ...rated(s.dropouts, s.inSchool),
    })),
    byGrade: [...grades.values()]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((g) => ({ gradeLabel: g.gradeLabel, ...rated(g.dropouts, g.inSchool) })),
    byTownship: [...towns.values()].sort((a, b) => a.township.localeCompare(b.township, "zh")),
    cases: { ...byState, persuasionRate: persuasionRate(byState.returned + byState.closed, all) },
    unmatched,
  };
}

/** The steps done in `month` within the reader's scope, labelled. */
async function monthSteps(deps: ServiceDeps, actor: Actor, month: string): Promise<MonthSteps[]> {
  const { start, end } = monthBounds(month);
  const rows = await dropoutCaseRepo.stepsDoneIn(deps.handle.db, actor.scope, start, end);
  return rows.map((r) => ({
    label: `${STEP_KIND_LABELS[r.kind as StepKind]}${r.outcome === null ? "" : `（${STEP_OUTCOME_LABELS[r.outcome as StepOutcome]}）`}`,
    n: r.n,
  }));
}

/** A section of the report page: a heading or paragraph's text, or a table. */
export interface ReportPageSection {
  kind: "heading" | "paragraph" | "table";
  text?: string;
  header?: string[];
  rows?: string[][];
}

async function areaName(deps: ServiceDeps, actor: Actor): Promise<string> {
  const rootId = actor.scope.path
    .split("/")
    .filter((s) => s !== "")
    .at(-1);
  const root = rootId === undefined ? undefined : await orgUnitRepo.findById(deps.handle.db, rootId);
  return root?.name ?? "";
}

/** The monthly 控辍保学 report as the page shows it: its title and sections. */
export async function dropoutReportPage(
  deps: ServiceDeps,
  actor: Actor,
  month: string,
): Promise<{ title: string; sections: ReportPageSection[] }> {
  const monitor = await dropoutMonitor(deps, actor);
  const steps = await monthSteps(deps, actor, month);
  const [y, mo] = month.split("-");
  return {
    title: `${await areaName(deps, actor)}${y ?? ""}年${String(Number(mo))}月控辍保学工作情况报告`,
    sections: dropoutReportSections(monitor, month, steps, SCHOOL_AGE_RULE_TEXT).map((s) =>
      s.kind === "table"
        ? { kind: s.kind, header: [...s.header], rows: s.rows.map((r) => [...r]) }
        : { kind: s.kind, text: s.text },
    ),
  };
}

/** The monthly 控辍保学 report of the reader's area as a .docx (audited as an export). */
export async function dropoutReport(deps: ServiceDeps, actor: Actor, month: string): Promise<Buffer> {
  const monitor = await dropoutMonitor(deps, actor);
  const steps = await monthSteps(deps, actor, month);
  const { db } = deps.handle;
  const buffer = await dropoutReportDocx({
    county: await areaName(deps, actor),
    month,
    date: monitor.asOf,
    monitor,
    steps,
    rule: SCHOOL_AGE_RULE_TEXT,
  });
  await inTransaction(db, (trx) =>
    recordAudit(trx, actor, {
      action: "dropout.report-export",
      entityType: "dropout_report",
      entityId: null,
      details: { month },
    }),
  );
  return buffer;
}
