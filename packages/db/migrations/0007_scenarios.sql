-- luoshi schema 0007: saved 情景模拟 (what-if scenarios) of the 优质均衡 资源配置 evaluation — a named
-- list of changes (set or add figures, new schools, 撤并) on one county's figures for one 统计年度.

CREATE TABLE evaluation_scenarios (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id  uuid NOT NULL REFERENCES org_units (id),
  year         integer NOT NULL,
  name         text NOT NULL,
  -- 教学点 policy the scenario is evaluated with
  policy       text NOT NULL CHECK (policy IN ('exclude-below-50', 'merge-into-parent', 'include')),
  note         text NOT NULL DEFAULT '',
  -- the change list, validated by the API (contracts ScenarioChangeInput)
  changes      jsonb NOT NULL DEFAULT '[]'::jsonb,
  created_by   uuid NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_by   uuid NOT NULL REFERENCES users (id),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX evaluation_scenarios_unit_idx ON evaluation_scenarios (org_unit_id, year);
