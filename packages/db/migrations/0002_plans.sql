-- luoshi schema 0002: policy documents imported as plans (规划文件), reviewed, then confirmed.

CREATE TABLE plans (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the area whose bureau owns the plan: scopes who may see and edit it
  org_unit_id     uuid NOT NULL REFERENCES org_units (id),
  title           text NOT NULL,
  doc_number      text,
  issuer          text,
  issued_on       date,
  period_start    integer,
  period_end      integer,
  status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed', 'superseded', 'discarded')),
  version         integer NOT NULL DEFAULT 1,
  -- the confirmed plan a re-imported draft revises
  revises_plan_id uuid REFERENCES plans (id),
  source_file_name text NOT NULL,
  source_format   text NOT NULL,
  source_text     text NOT NULL,
  source_sha256   text NOT NULL,
  parse_issues    jsonb NOT NULL DEFAULT '[]',
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  confirmed_by    uuid REFERENCES users (id),
  confirmed_at    timestamptz
);
CREATE INDEX plans_org_unit_idx ON plans (org_unit_id, status);

CREATE TABLE plan_nodes (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id      uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  path         text NOT NULL,
  parent_path  text NOT NULL,
  level        integer NOT NULL,
  marker       text NOT NULL,
  ordinal      integer NOT NULL,
  title        text NOT NULL,
  role         text NOT NULL CHECK (role IN ('background', 'principle', 'goal', 'task', 'safeguard', 'schedule', 'other')),
  span_start   integer NOT NULL,
  span_end     integer NOT NULL,
  title_start  integer NOT NULL,
  title_end    integer NOT NULL,
  deadline     text,
  sort_order   integer NOT NULL,
  UNIQUE (plan_id, path)
);

CREATE TABLE plan_node_units (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  node_id      uuid NOT NULL REFERENCES plan_nodes (id) ON DELETE CASCADE,
  position     integer NOT NULL,
  name         text NOT NULL,
  is_lead      boolean NOT NULL DEFAULT false,
  org_unit_id  uuid REFERENCES org_units (id),
  -- how the name was tied to the unit registry: by name, by alias, by a user, or not yet
  match        text NOT NULL CHECK (match IN ('name', 'alias', 'confirmed', 'none')),
  UNIQUE (node_id, position)
);
CREATE INDEX plan_node_units_org_idx ON plan_node_units (org_unit_id);

CREATE TABLE plan_targets (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id        uuid NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
  path           text NOT NULL,
  text           text NOT NULL,
  metric         text NOT NULL,
  indicator_code text,
  comparator     text NOT NULL CHECK (comparator IN ('>=', '<=', '=', '>', '<', 'increase', 'decrease')),
  value          double precision,
  value_max      double precision,
  unit           text NOT NULL DEFAULT '',
  year           integer,
  kind           text NOT NULL CHECK (kind IN ('target', 'baseline')),
  span_start     integer,
  span_end       integer,
  sort_order     integer NOT NULL
);
CREATE INDEX plan_targets_plan_idx ON plan_targets (plan_id);
