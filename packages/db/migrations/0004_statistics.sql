-- luoshi schema 0004: school statistics (学校统计, 教育事业统计 基层表) and 乡镇 population, imported per
-- 统计年度 from the template files; the indicator engine reads them.

-- One import of a template file: what was read, by whom. Rows below point back at it.
CREATE TABLE stats_imports (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the area or school whose rows the import replaced (the importer's scope)
  org_unit_id  uuid REFERENCES org_units (id),
  year         integer NOT NULL,
  file_name    text NOT NULL,
  sha256       text NOT NULL,
  rows         integer NOT NULL,
  imported_by  uuid REFERENCES users (id),
  imported_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stats_imports_year_idx ON stats_imports (year, imported_at);

-- One school's figures for one 统计年度: values by data element code (pupils.primary.g1 …).
CREATE TABLE school_stats (
  org_unit_id  uuid NOT NULL REFERENCES org_units (id),
  year         integer NOT NULL,
  "values"     jsonb NOT NULL DEFAULT '{}',
  import_id    uuid REFERENCES stats_imports (id),
  imported_by  uuid REFERENCES users (id),
  imported_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_unit_id, year)
);
CREATE INDEX school_stats_year_idx ON school_stats (year);

-- One 乡镇（街道）'s population by single year of age (the denominators of 毛入园率 and 毛入学率).
CREATE TABLE population_stats (
  org_unit_id  uuid NOT NULL REFERENCES org_units (id),
  year         integer NOT NULL,
  "values"     jsonb NOT NULL DEFAULT '{}',
  import_id    uuid REFERENCES stats_imports (id),
  imported_by  uuid REFERENCES users (id),
  imported_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_unit_id, year)
);
CREATE INDEX population_stats_year_idx ON population_stats (year);

-- 招生 of years before full statistics were kept: cohort formulas (巩固率) read 招生 3 or 9 years back.
CREATE TABLE enrolment_history (
  org_unit_id  uuid NOT NULL REFERENCES org_units (id),
  year         integer NOT NULL,
  "values"     jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (org_unit_id, year)
);
