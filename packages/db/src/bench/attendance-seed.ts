/**
 * A synthetic province for the attendance benchmark (scripts/bench-attendance-day.ts): C counties, S
 * schools and P pupils with deterministic ids (md5 of "c…", "s…", "p…" as uuid), and two earlier days of
 * 旷课 for one pupil in 300. Pupils carry no personal value: `personal` is a placeholder, not a sealed one.
 * Run it as the database's owner (VACUUM and ANALYZE skip the tables of another role).
 */
import { sql } from "kysely";
import type { Db } from "../db.ts";
import { attendanceRepo } from "../repos/attendance.repo.ts";

export async function seedProvince(
  db: Db,
  o: { pupils: number; schools: number; counties: number },
): Promise<void> {
  await sql`
    INSERT INTO org_units (id, kind, code, name, path, depth)
    VALUES (md5('prov')::uuid, 'province', '990000', '测试省', '/' || md5('prov')::uuid || '/', 0)`.execute(
    db,
  );
  await sql`
    INSERT INTO org_units (id, parent_id, kind, code, name, path, depth)
    SELECT md5('c' || c)::uuid, md5('prov')::uuid, 'county', '9' || lpad(c::text, 5, '0'), '测试县' || c,
      '/' || md5('prov')::uuid || '/' || md5('c' || c)::uuid || '/', 1
    FROM generate_series(0, ${o.counties - 1}::integer) c`.execute(db);
  await sql`
    INSERT INTO org_units (id, parent_id, kind, code, name, path, depth, school_type)
    SELECT md5('s' || s)::uuid, md5('c' || (s % ${o.counties}::integer))::uuid, 'school', 'S' || s, '测试学校' || s,
      '/' || md5('prov')::uuid || '/' || md5('c' || (s % ${o.counties}::integer))::uuid || '/' || md5('s' || s)::uuid || '/', 2,
      'primary'
    FROM generate_series(0, ${o.schools - 1}::integer) s`.execute(db);
  const imp = await sql<{ id: string }>`
    INSERT INTO student_imports (scope_unit_id, file_name, sha256, school_year, term, as_of, row_count, summary)
    VALUES (md5('prov')::uuid, 'bench', '', 2024, 1, '2024-09-30', ${o.pupils}, '{}') RETURNING id`.execute(
    db,
  );
  const importId = imp.rows[0]?.id ?? "";
  for (let from = 0; from < o.pupils; from += 500_000) {
    await sql`
      INSERT INTO students (id, unit_id, student_no_index, id_number_index, personal, sex, birth_year, level,
        grade, class_name, migrant, left_behind, disabled, status, school_year, term, import_id)
      SELECT md5('p' || i)::uuid, md5('s' || (i % ${o.schools}::integer))::uuid, md5('n' || i), NULL, 'bench:sm4:synthetic',
        CASE WHEN i % 2 = 0 THEN 'M' ELSE 'F' END, 2015, 'primary', 1 + (i % 6), (1 + i % 3) || '班',
        false, i % 7 = 0, false, 'enrolled', 2024, 1, ${importId}::uuid
      FROM generate_series(${from}::integer, ${Math.min(o.pupils, from + 500_000) - 1}::integer) i`.execute(
      db,
    );
  }
  await attendanceRepo.ensurePartitions(db, "2024-11-01", "2024-11-30");
  // two earlier days of 旷课 for one pupil in 300 (the ones the day's rules will flag)
  for (const d of ["2024-11-06", "2024-11-07"]) {
    await sql`
      INSERT INTO attendance_absences (county_code, day, unit_id, student_id, reason)
      SELECT '9' || lpad(((i % ${o.schools}::integer) % ${o.counties}::integer)::text, 5, '0'), ${d}::date, md5('s' || (i % ${o.schools}::integer))::uuid,
        md5('p' || i)::uuid, 'truant'
      FROM generate_series(0, ${o.pupils - 1}::integer, 300) i`.execute(db);
  }
  // what autovacuum has long done by a school day: statistics, and the visibility map that lets the
  // pupil checks of the day's absences read the index alone
  await sql`VACUUM ANALYZE students`.execute(db);
  await sql`VACUUM ANALYZE attendance_absences`.execute(db);
  await sql`ANALYZE`.execute(db);
}

/** The partitions PostgreSQL plans to read for one county's day of absences. */
export async function explainAbsencesOfDay(db: Db, countyCode: string, day: string): Promise<string[]> {
  const plan = await sql<{ "QUERY PLAN": string }>`
    EXPLAIN SELECT count(*) FROM attendance_absences WHERE county_code = ${countyCode} AND day = ${day}::date`.execute(
    db,
  );
  const scanned = plan.rows.flatMap((r) =>
    [...r["QUERY PLAN"].matchAll(/\bon (attendance_absences_(?:\d{4}_\d{2}|default))\b/g)].map(
      (m) => m[1] ?? "",
    ),
  );
  return [...new Set(scanned)];
}

/**
 * The process ids of the PostgreSQL processes connected to this database (the application's role sees
 * their ids, not their kind), for a benchmark on the same machine to read their CPU time
 * (/proc/<pid>/stat) beside its own.
 */
export async function backendPids(db: Db): Promise<number[]> {
  const r = await sql<{ pid: number }>`
    SELECT pid FROM pg_stat_activity WHERE datname = current_database()`.execute(db);
  return r.rows.map((x) => x.pid);
}
