-- luoshi schema 0010: a bureau's own jurisdiction and units that change over time.
-- A unit carries the registry fields of the 教育事业统计 school list and the dates it opened and closed;
-- every change (开办, 更名, 调整隶属, 撤并, 撤销, 信息变更) is a row in org_unit_changes with the day it
-- takes effect, so that a past year's statistics and evaluations see the units as they were then.

ALTER TABLE org_units ADD COLUMN school_type_code text;
ALTER TABLE org_units ADD COLUMN sponsor text;
ALTER TABLE org_units ADD COLUMN address text;
ALTER TABLE org_units ADD COLUMN principal text;
ALTER TABLE org_units ADD COLUMN phone text;
ALTER TABLE org_units ADD COLUMN opened_on date;
ALTER TABLE org_units ADD COLUMN closed_on date;
ALTER TABLE org_units ADD COLUMN merged_into_id uuid REFERENCES org_units (id);

CREATE TABLE org_unit_changes (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id     uuid NOT NULL REFERENCES org_units (id),
  kind            text NOT NULL CHECK (kind IN ('open', 'rename', 'edit', 'move', 'merge', 'close', 'reopen')),
  effective_on    date NOT NULL,
  -- the changed fields before and after, as the registry names them (name, parentId, schoolType …)
  before          jsonb NOT NULL DEFAULT '{}'::jsonb,
  after           jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- the school a merged unit went into, or the new parent of a move
  related_unit_id uuid REFERENCES org_units (id),
  reason          text,
  import_id       uuid,
  actor_id        uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX org_unit_changes_unit_idx ON org_unit_changes (org_unit_id, effective_on);

-- The jurisdiction this installation serves, written once by `luoshi init` or the first-run page.
CREATE TABLE installation (
  id                 boolean PRIMARY KEY DEFAULT true CHECK (id),
  division_code      text NOT NULL,
  division_name      text NOT NULL,
  division_level     text NOT NULL CHECK (division_level IN ('province', 'city', 'county')),
  division_source    text NOT NULL,
  root_unit_id       uuid NOT NULL REFERENCES org_units (id),
  initialized_by     uuid REFERENCES users (id),
  initialized_at     timestamptz NOT NULL DEFAULT now()
);
