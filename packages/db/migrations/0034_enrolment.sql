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

-- 报名 and 资格审核. The 类别 (A/B/C …) of an application is derived from its documents by the area's
-- category rules, versioned: a new version applies to applications entered after it; each application
-- keeps the version that classed it.
CREATE TABLE enrol_category_rules (
  area_unit_id  uuid NOT NULL REFERENCES org_units (id),
  version       integer NOT NULL CHECK (version >= 1),
  -- {categories: [{code, label, requires: [{doc, min?}]}]}: the first category whose requirements hold
  rules         jsonb NOT NULL,
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (area_unit_id, version)
);

-- One child's application to one school. The child's 姓名 and 身份证件号 are sealed (personal) and the
-- 身份证件号 is kept as the registry's blind index, by which duplicate applications across schools are
-- found without decrypting anything. Documents are what the rules check, as flags and counts only.
CREATE TABLE enrol_applications (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_year     integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  area_unit_id    uuid NOT NULL REFERENCES org_units (id),
  school_unit_id  uuid NOT NULL REFERENCES org_units (id),
  -- the application number: the label a lottery lists (never a name)
  application_no  text NOT NULL,
  id_number_index text NOT NULL,
  -- encryptField of {name, idNumber}
  personal        text NOT NULL,
  sex             char(1) NOT NULL CHECK (sex IN ('M', 'F')),
  birth_month     char(7) NOT NULL,
  source          text NOT NULL CHECK (source IN ('portal', 'school')),
  -- {hukou, property, lease, residencePermit, socialMonths, sibling, policy}: booleans and a count
  documents       jsonb NOT NULL,
  category        text NOT NULL,
  -- the category's position in the rules (1 first): the lottery's priority tier
  tier            smallint NOT NULL CHECK (tier >= 1),
  rule_version    integer NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  decision_reason text,
  decided_by      uuid REFERENCES users (id),
  decided_at      timestamptz,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_year, application_no),
  UNIQUE (school_year, school_unit_id, id_number_index)
);
CREATE INDEX enrol_applications_school_idx ON enrol_applications (school_unit_id, school_year, status);
CREATE INDEX enrol_applications_index_idx ON enrol_applications (school_year, id_number_index);

-- 超员摇号: one county's draw of a year (docs/enrolment.md, docs/draws.md). Freezing copies the approved
-- applications' numbers, schools and tiers and the schools' seats and 调剂 order into the row and
-- publishes the list's SHA-256; the draw, once the announced public numbers are out, stores the entropy
-- text and the result exactly as published, so that the published texts reproduce it.
CREATE TABLE enrol_lotteries (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  area_unit_id  uuid NOT NULL REFERENCES org_units (id),
  school_year   integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  status        text NOT NULL CHECK (status IN ('frozen', 'drawn')),
  -- the frozen list as published: application numbers, one per line
  labels        text NOT NULL,
  list_sha256   text NOT NULL,
  -- [{label, school, tier}] and [{code, name, seats, neighbours}]: the draw's other inputs
  applicants    jsonb NOT NULL,
  schools       jsonb NOT NULL,
  entropy       text,
  result_csv    text,
  -- [{label, applied, tier, lotteryRank, status, school}] and the schools' outcomes
  outcome       jsonb,
  frozen_by     uuid REFERENCES users (id),
  frozen_at     timestamptz NOT NULL DEFAULT now(),
  drawn_by      uuid REFERENCES users (id),
  drawn_at      timestamptz,
  UNIQUE (area_unit_id, school_year)
);
