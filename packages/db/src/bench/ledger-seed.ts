/**
 * A county's ledger over a plan period for the ledger benchmark (scripts/bench-ledger.ts): tasks, their
 * lead and co-units and monthly lead-unit reports, written set-based in four statements. Here because
 * db owns all SQL; nothing in the product calls it.
 */
import { sql } from "kysely";
import type { DatabaseHandle } from "../client.ts";

/** How big a ledger to write. */
export interface LedgerSeedSize {
  tasks: number;
  /** Monthly reports per task, from December 2021 on. */
  periods: number;
}

/**
 * Writes `size.tasks` tasks owned by `countyId`, led and helped by the county's departments in turn,
 * with `size.periods` monthly reports each. Deadlines run from late 2021 to early 2028, so the ledger
 * mixes closed, overdue and open tasks as a county's does. Returns the number of reports written.
 */
export async function seedLedgerBench(
  handle: DatabaseHandle,
  countyId: string,
  size: LedgerSeedSize,
): Promise<number> {
  const { db } = handle;
  await sql`
    INSERT INTO tasks (id, org_unit_id, source_kind, title, state, frequency, assigned_on, deadline, progress)
    SELECT gen_random_uuid(), ${countyId}, 'meeting', '重点任务 ' || g,
           (ARRAY['assigned','inProgress','inProgress','underReview','closed'])[1 + g % 5], 'monthly',
           DATE '2021-01-01', DATE '2021-01-01' + (300 + g % 2400), g % 100
    FROM generate_series(1, ${size.tasks}) g`.execute(db);
  await sql`
    INSERT INTO task_units (task_id, org_unit_id, role, position)
    SELECT t.id, d.id, 'lead', 0
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tasks) t
    JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM org_units WHERE kind = 'department') d
      ON d.k = t.n % 30`.execute(db);
  await sql`
    INSERT INTO task_units (task_id, org_unit_id, role, position)
    SELECT t.id, d.id, 'co', 1
    FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM tasks) t
    JOIN (SELECT id, row_number() OVER (ORDER BY code) - 1 AS k FROM org_units WHERE kind = 'department') d
      ON d.k = (t.n + 7) % 30`.execute(db);
  await sql`
    INSERT INTO task_reports (task_id, org_unit_id, period, is_consolidated, progress, text, submitted_at)
    SELECT u.task_id, u.org_unit_id, to_char(DATE '2021-12-01' + make_interval(months => m), 'YYYY-MM'), true,
           least(100, m * 2), '本月进展', (DATE '2021-12-20' + make_interval(months => m))::timestamptz
    FROM task_units u CROSS JOIN generate_series(0, ${size.periods - 1}) m
    WHERE u.role = 'lead'`.execute(db);
  const reports = await sql<{ n: number }>`SELECT count(*)::int AS n FROM task_reports`.execute(db);
  return reports.rows[0]?.n ?? 0;
}

/**
 * Changes what every view of the seeded ledger reads — task titles, unit names, the later half of the
 * reports — so that a benchmark can show an issued bulletin does not follow the data.
 */
export async function changeLedgerBench(handle: DatabaseHandle): Promise<void> {
  const { db } = handle;
  await sql`UPDATE tasks SET title = title || '（已改）'`.execute(db);
  await sql`UPDATE org_units SET name = name || '（更名）' WHERE kind = 'department'`.execute(db);
  await sql`DELETE FROM task_reports WHERE submitted_at > TIMESTAMPTZ '2026-06-01'`.execute(db);
}
