-- luoshi schema 0005: 目标监测 — plan targets tied to indicators by staff, and indicators users define.

-- The parser suggests plan_targets.indicator_code from the metric synonyms; staff confirm or change it.
-- Link state: confirmed when indicator_confirmed_at is set (indicator_code may then be null: "no
-- indicator measures this"), otherwise suggested when indicator_code is set, otherwise none.
ALTER TABLE plan_targets ADD COLUMN indicator_confirmed_by uuid REFERENCES users (id);
ALTER TABLE plan_targets ADD COLUMN indicator_confirmed_at timestamptz;

-- 自定义指标: a formula in the indicator language over the statistics data elements.
CREATE TABLE custom_indicators (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9-]{1,62}$'),
  name        text NOT NULL,
  unit        text NOT NULL DEFAULT '',
  formula     text NOT NULL,
  category    text NOT NULL DEFAULT '',
  direction   text NOT NULL DEFAULT 'higher' CHECK (direction IN ('higher', 'lower')),
  display     text NOT NULL DEFAULT 'number' CHECK (display IN ('percent', 'ratio', 'inverseRatio', 'number')),
  decimals    integer NOT NULL DEFAULT 2 CHECK (decimals BETWEEN 0 AND 6),
  description text NOT NULL DEFAULT '',
  active      boolean NOT NULL DEFAULT true,
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  uuid REFERENCES users (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
