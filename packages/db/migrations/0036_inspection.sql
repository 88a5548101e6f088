-- luoshi schema 0036: 督导 in the field — 督学 and their 责任区 schools (责任督学挂牌督导), checklists as
-- versioned data, visits with answers, findings and photos. A finding's 整改 is a ledger task (tasks):
-- the finding points at it, the ledger keeps its owner, deadline, evidence, 复查 check and 销号.

-- A 督学 (an account with the role `inspector`) and the facts printed on the 挂牌 sign.
CREATE TABLE inspectors (
  user_id      uuid PRIMARY KEY REFERENCES users (id),
  -- the area whose 督导室 appointed the 督学: scopes who may see and manage the roster
  area_unit_id uuid NOT NULL REFERENCES org_units (id),
  kind         text NOT NULL CHECK (kind IN ('fullTime', 'partTime')),
  zone_name    text NOT NULL DEFAULT '',
  -- the work phone printed on the sign (a public contact, not a family's personal data)
  phone        text NOT NULL DEFAULT '',
  duties       text NOT NULL DEFAULT '',
  updated_by   uuid REFERENCES users (id),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspectors_area_idx ON inspectors (area_unit_id);

-- 督学责任区: each school has at most one 责任督学; a 督学's 责任区 is the schools that name them.
CREATE TABLE inspector_schools (
  school_unit_id uuid PRIMARY KEY REFERENCES org_units (id),
  user_id        uuid NOT NULL REFERENCES inspectors (user_id) ON DELETE CASCADE,
  assigned_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspector_schools_user_idx ON inspector_schools (user_id);

-- A checklist version: the items a visit or a campaign checks. A new version is a new row; visits keep
-- the version they were filled against.
CREATE TABLE inspection_checklists (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the area whose 督导室 keeps the checklist (null: shipped with luoshi, visible everywhere)
  area_unit_id uuid REFERENCES org_units (id),
  code         text NOT NULL,
  version      integer NOT NULL CHECK (version >= 1),
  title        text NOT NULL,
  kind         text NOT NULL CHECK (kind IN ('regular', 'safety', 'special')),
  basis        text NOT NULL DEFAULT '',
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX inspection_checklists_version_idx
  ON inspection_checklists (COALESCE(area_unit_id, '00000000-0000-0000-0000-000000000000'::uuid), code, version);

CREATE TABLE inspection_checklist_items (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  checklist_id   uuid NOT NULL REFERENCES inspection_checklists (id) ON DELETE CASCADE,
  position       integer NOT NULL,
  code           text NOT NULL,
  -- the 督导事项 (one of the 8 areas) or the 排查 area the item belongs to
  area           text NOT NULL,
  text           text NOT NULL,
  judge          text NOT NULL CHECK (judge IN ('yesNo', 'score', 'count')),
  max_score      integer CHECK (max_score > 0),
  photo_required boolean NOT NULL DEFAULT false,
  -- the indicator or rule the item maps to (free text: 文件 and 条款)
  basis          text NOT NULL DEFAULT '',
  UNIQUE (checklist_id, code)
);
CREATE INDEX inspection_checklist_items_list_idx ON inspection_checklist_items (checklist_id, position);
