-- luoshi schema 0034: 招生入学 (docs/enrolment.md) — 学区 (catchments) per school year.
--
-- A county's catchment list for a school year: each school's 片区 as address units (乡镇/街道 and a
-- 社区/小区/村, optionally a street with a 门牌 range), its 对口 middle school, its 多校划片 group and its
-- 招生计划 (seats). One import replaces the county's list of the year all or nothing; edits replace one
-- school's areas. Earlier years are kept, so that the change from one year to the next can be shown.
-- Addresses of units are public (they are published in the 公示), not personal data.

CREATE TABLE enrol_catchments (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_year       integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  -- the area (county) whose list this is: the bureau that publishes it
  area_unit_id      uuid NOT NULL REFERENCES org_units (id),
  school_unit_id    uuid NOT NULL REFERENCES org_units (id),
  -- which entry the catchment is for: 小学一年级 or 初中一年级
  stage             text NOT NULL CHECK (stage IN ('primary', 'junior')),
  -- 多校划片: schools of one year with the same group name share their areas; null for 单校划片
  multi_group       text CHECK (multi_group IS NULL OR length(multi_group) BETWEEN 1 AND 60),
  -- 对口: the middle school a primary school's leavers go on to
  feeder_unit_id    uuid REFERENCES org_units (id),
  -- 招生计划: grade-1 seats offered in the year (null until set)
  seats             integer CHECK (seats IS NULL OR seats BETWEEN 0 AND 5000),
  -- the address units: [{township, name, kind, street, from, to}]; kind 社区/小区/村 as
  -- 'community' | 'estate' | 'village'; street/from/to null when the whole unit is in the catchment
  units             jsonb NOT NULL,
  updated_by        uuid REFERENCES users (id),
  updated_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_year, school_unit_id, stage)
);
CREATE INDEX enrol_catchments_area_idx ON enrol_catchments (area_unit_id, school_year);

-- Each import of a catchment list (the file's name and hash; the rows are in enrol_catchments).
CREATE TABLE enrol_catchment_imports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_unit_id  uuid NOT NULL REFERENCES org_units (id),
  school_year   integer NOT NULL,
  file_name     text NOT NULL,
  sha256        text NOT NULL,
  school_count  integer NOT NULL,
  unit_count    integer NOT NULL,
  imported_by   uuid REFERENCES users (id),
  imported_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX enrol_catchment_imports_area_idx ON enrol_catchment_imports (area_unit_id, school_year);
