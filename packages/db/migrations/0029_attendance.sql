-- luoshi schema 0029: 日考勤、日报告 and the risk flags raised from them (docs/attendance.md).
--
-- A school reports each school day: one row per school and day (its classes' 应到/实到, or a 零报告) and
-- one row per absent pupil with the reason. Both tables are partitioned by month (declarative range
-- partitioning on the day), so that a day's or a month's queries read one partition; the partitions are
-- made by attendance_ensure_partitions(from, to), which the report path calls for the month it writes
-- and `luoshi attendance partitions` calls ahead of a term. A default partition catches rows of a month
-- that has none yet (a restore into a fresh database): the function moves them into the month's
-- partition when it creates it.
--
-- county_code (the county's 行政区划 code) leads every key: it is the distribution key a national
-- deployment would give these tables (Citus), and no hot query joins across counties.

CREATE TABLE attendance_reports (
  county_code  text NOT NULL,
  day          date NOT NULL,
  unit_id      uuid NOT NULL REFERENCES org_units (id),
  -- 应到 and 实到 of the whole school (the sums of the classes)
  expected     integer NOT NULL CHECK (expected >= 0),
  present      integer NOT NULL CHECK (present >= 0 AND present <= expected),
  -- 零报告: the school reported and nobody was absent
  zero_report  boolean NOT NULL,
  -- the classes: [{level, grade, className, expected, present}], counts only
  classes      jsonb NOT NULL,
  reported_by  uuid REFERENCES users (id),
  reported_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (county_code, day, unit_id)
) PARTITION BY RANGE (day);

CREATE TABLE attendance_absences (
  county_code  text NOT NULL,
  day          date NOT NULL,
  unit_id      uuid NOT NULL REFERENCES org_units (id),
  student_id   uuid NOT NULL REFERENCES students (id),
  -- 病假, 事假, 旷课, 不明
  reason       text NOT NULL CHECK (reason IN ('sick', 'personal', 'truant', 'unknown')),
  PRIMARY KEY (county_code, day, student_id)
) PARTITION BY RANGE (day);
CREATE INDEX attendance_absences_student_idx ON attendance_absences (student_id, day);
CREATE INDEX attendance_absences_unit_idx ON attendance_absences (unit_id, day);

CREATE TABLE attendance_reports_default PARTITION OF attendance_reports DEFAULT;
CREATE TABLE attendance_absences_default PARTITION OF attendance_absences DEFAULT;

-- Creates the monthly partitions of both tables for every month from `from_day` to `to_day` (missing
-- ones only), moving any rows of such a month out of the default partition first. Returns how many
-- partitions it created. It runs as the owner (the application's role may not create tables); the new
-- partitions get the application's rights by the default privileges of 0013.
CREATE FUNCTION attendance_ensure_partitions(from_day date, to_day date) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  m date := date_trunc('month', from_day)::date;
  next_m date;
  t text;
  part text;
  made integer := 0;
BEGIN
  -- two reports of a new month at once: one creates, the other waits and finds the partition
  PERFORM pg_advisory_xact_lock(hashtext('attendance_ensure_partitions'));
  WHILE m <= to_day LOOP
    next_m := (m + interval '1 month')::date;
    FOREACH t IN ARRAY ARRAY['attendance_reports', 'attendance_absences'] LOOP
      part := t || '_' || to_char(m, 'YYYY_MM');
      IF to_regclass(part) IS NULL THEN
        EXECUTE format('CREATE TEMP TABLE attendance_moved ON COMMIT DROP AS SELECT * FROM %I WHERE false',
                       t || '_default');
        EXECUTE format('WITH gone AS (DELETE FROM %I WHERE day >= %L AND day < %L RETURNING *) '
                       'INSERT INTO attendance_moved SELECT * FROM gone', t || '_default', m, next_m);
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)', part, t, m, next_m);
        EXECUTE format('INSERT INTO %I SELECT * FROM attendance_moved', t);
        DROP TABLE attendance_moved;
        made := made + 1;
      END IF;
    END LOOP;
    m := next_m;
  END LOOP;
  RETURN made;
END;
$$;
REVOKE ALL ON FUNCTION attendance_ensure_partitions(date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION attendance_ensure_partitions(date, date) TO luoshi_app;

-- The risk rules' parameters, versioned per area: a flag names the version that raised it.
CREATE TABLE attendance_rule_sets (
  scope_unit_id uuid NOT NULL REFERENCES org_units (id),
  version       integer NOT NULL,
  params        jsonb NOT NULL,
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope_unit_id, version)
);

-- A risk flag on a pupil: which rule (and version) raised it, when, and why (the days and counts that
-- met the rule, never a personal value). One open flag per pupil and rule.
CREATE TABLE attendance_flags (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_code  text NOT NULL,
  student_id   uuid NOT NULL REFERENCES students (id),
  unit_id      uuid NOT NULL REFERENCES org_units (id),
  rule         text NOT NULL
               CHECK (rule IN ('unexplained-consecutive', 'unexplained-month', 'transfer-unreceived', 'left-behind-falling')),
  rule_version integer NOT NULL,
  raised_on    date NOT NULL,
  explanation  jsonb NOT NULL,
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_on    date,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX attendance_flags_open_idx ON attendance_flags (student_id, rule) WHERE status = 'open';
CREATE INDEX attendance_flags_unit_idx ON attendance_flags (unit_id, status);
CREATE INDEX attendance_flags_county_idx ON attendance_flags (county_code, raised_on);
