/**
 * Benchmark of one province-day of 日考勤 on PostgreSQL: a synthetic province of C counties, S schools and
 * P pupils (defaults 100, 20,000 and 3,000,000), with two earlier days of 旷课 for a few pupils; then,
 * timed, every school's report of the day (应到/实到 by school), the day's absences (about 3 % of pupils)
 * and the risk rules run county by county (each county: its absent pupils' history over the look-back,
 * one range of monthly partitions). Goal: < 10 s for the whole province-day.
 *
 * Wall time means little on the shared two-core machine, so the run prints, beside it, the CPU time of
 * this process and of the PostgreSQL backends, phase by phase (reports, absences, rules with their flag
 * writes), and the load average; the goal is compared with the CPU time, which is what the work would
 * take on an idle machine (Node and PostgreSQL take turns: the sum, not the larger). The seeded province
 * is vacuumed and analysed first, as autovacuum would have done long before a school day.
 * Run: node scripts/bench-attendance-day.ts [pupils=3000000] [schools=20000] [counties=100]
 * (uses TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres; a CI run
 * (LUOSHI_BENCH_CI=1) defaults to a tenth: 300,000 pupils, 2,000 schools, 10 counties; the goal is
 * scaled to the pupils).
 */
import { createHash } from "node:crypto";
import { attendanceRepo } from "@luoshi/db";
import { explainAbsencesOfDay, seedProvince } from "@luoshi/db/bench/attendance";
import { asOwner, createTestDatabase } from "@luoshi/db/testing";
import { DEFAULT_RULE_SET } from "@luoshi/domain/attendance";
import { raiseAbsenceFlags } from "@luoshi/server";
import { cpuMeter } from "./bench-cpu.ts";
import { isCiRun, reportFigure } from "./bench-goals.ts";

const P = Number(process.argv[2] ?? (isCiRun() ? 300_000 : 3_000_000));
const S = Number(process.argv[3] ?? (isCiRun() ? 2_000 : 20_000));
const C = Number(process.argv[4] ?? (isCiRun() ? 10 : 100));
process.env.TEST_DATABASE_URL ??= "postgres://postgres@127.0.0.1:5432/postgres";
const DAY = "2024-11-08";

/** The uuid PostgreSQL makes of md5(text)::uuid. */
const uuidOf = (text: string): string => {
  const h = createHash("md5").update(text).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};
const countyCode = (c: number) => `9${String(c).padStart(5, "0")}`;

const handle = await createTestDatabase("postgres");
const db = handle.db;
const meter = cpuMeter(handle);
try {
  const t = performance.now();
  // as the owner: VACUUM and ANALYZE skip the tables of another role
  await asOwner(db, (owner) => seedProvince(owner, { pupils: P, schools: S, counties: C }));
  console.log(
    `setup: ${C} counties, ${S} schools, ${P.toLocaleString("en")} pupils in ${((performance.now() - t) / 1000).toFixed(0)} s`,
  );

  // the day's absences: one pupil in 33 (3 %), and every pupil of the 旷课 run
  const absences = new Map<number, { unitId: string; studentId: string; reason: string }[]>();
  const reports = new Map<
    number,
    { unitId: string; expected: number; present: number; classes: unknown }[]
  >();
  const absentBySchool = new Map<number, number>();
  for (let i = 0; i < P; i++) {
    if (i % 33 !== 0 && i % 300 !== 0) {
      continue;
    }
    const s = i % S;
    const c = s % C;
    const list = absences.get(c) ?? [];
    list.push({
      unitId: uuidOf(`s${String(s)}`),
      studentId: uuidOf(`p${String(i)}`),
      reason: i % 300 === 0 ? "unknown" : "sick",
    });
    absences.set(c, list);
    absentBySchool.set(s, (absentBySchool.get(s) ?? 0) + 1);
  }
  for (let s = 0; s < S; s++) {
    const enrolled = Math.floor(P / S) + (s < P % S ? 1 : 0);
    const absent = absentBySchool.get(s) ?? 0;
    const list = reports.get(s % C) ?? [];
    list.push({
      unitId: uuidOf(`s${String(s)}`),
      expected: enrolled,
      present: enrolled - absent,
      classes: [],
    });
    reports.set(s % C, list);
  }
  let absentTotal = 0;
  let flags = 0;
  const start = await meter.snap();
  await meter.startPhases();
  for (let c = 0; c < C; c++) {
    const code = countyCode(c);
    const todays = absences.get(c) ?? [];
    await attendanceRepo.insertReports(db, code, DAY, reports.get(c) ?? []);
    meter.phase("school reports");
    await attendanceRepo.insertAbsences(db, code, DAY, todays);
    meter.phase("absences");
    flags += await raiseAbsenceFlags(db, code, null, DAY, DEFAULT_RULE_SET);
    meter.phase("rules and flag writes");
    absentTotal += todays.length;
  }
  const took = await meter.since(start);
  console.log(
    `province-day: ${S.toLocaleString("en")} school reports, ${absentTotal.toLocaleString("en")} absences (${((absentTotal / P) * 100).toFixed(1)} %), ${flags.toLocaleString("en")} flags raised; ${took.line}`,
  );
  for (const line of meter.phaseLines()) {
    console.log(line);
  }
  reportFigure({
    name: "one province-day of attendance with flags (CPU, node + PostgreSQL)",
    value: took.node + took.postgres,
    goal: 10,
    unit: "s",
    scale: P / 3_000_000,
  });
  const scanned = await explainAbsencesOfDay(db, countyCode(1), DAY);
  console.log(`a county's day reads the partitions: ${scanned.join(", ")}`);
} finally {
  await handle.close();
}
