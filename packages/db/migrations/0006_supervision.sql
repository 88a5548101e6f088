-- luoshi schema 0006: 督导评估 beyond the resource part — attestations (佐证材料 with a reviewer's
-- sign-off) for 政府保障程度, 教育质量 and the 一票否决 items, their evidence files, 社会认可度 survey
-- results by respondent group, and per county/year settings (aggregation, 基本均衡 认定年份).

-- One claim per county, year and item (G01–G15, Q01–Q09, or a veto item): reviewed by a second person.
CREATE TABLE supervision_attestations (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id   uuid NOT NULL REFERENCES org_units (id),
  year          integer NOT NULL,
  part          text NOT NULL CHECK (part IN ('government', 'quality', 'veto')),
  code          text NOT NULL,
  -- 达标 (true) / 未达标 (false); for a veto item true means the county is free of it
  claim_met     boolean NOT NULL,
  -- a claimed figure (fraction or amount) where the indicator has one
  claimed_value double precision,
  note          text NOT NULL DEFAULT '',
  submitted_by  uuid NOT NULL REFERENCES users (id),
  submitted_at  timestamptz NOT NULL DEFAULT now(),
  review_state  text NOT NULL DEFAULT 'pending' CHECK (review_state IN ('pending', 'confirmed', 'returned')),
  reviewed_by   uuid REFERENCES users (id),
  review_comment text,
  reviewed_at   timestamptz,
  UNIQUE (org_unit_id, year, code)
);
CREATE INDEX supervision_attestations_part_idx ON supervision_attestations (org_unit_id, year, part);

-- Evidence files of an attestation, stored under the data folder by content hash (like the ledger's).
CREATE TABLE supervision_evidence (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  attestation_id  uuid NOT NULL REFERENCES supervision_attestations (id) ON DELETE CASCADE,
  file_name       text NOT NULL,
  media_type      text NOT NULL,
  size_bytes      integer NOT NULL,
  sha256          text NOT NULL,
  uploaded_by     uuid REFERENCES users (id),
  uploaded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supervision_evidence_attestation_idx ON supervision_evidence (attestation_id);

-- 社会认可度 survey results of one respondent group: respondents and those 满意 or 比较满意.
CREATE TABLE supervision_surveys (
  org_unit_id   uuid NOT NULL REFERENCES org_units (id),
  year          integer NOT NULL,
  respondent_group text NOT NULL CHECK (respondent_group IN
                  ('students', 'parents', 'teachers', 'principals', 'deputies', 'cppccMembers', 'public')),
  respondents   integer NOT NULL CHECK (respondents >= 0),
  satisfied     integer NOT NULL CHECK (satisfied >= 0 AND satisfied <= respondents),
  updated_by    uuid REFERENCES users (id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_unit_id, year, respondent_group)
);

-- Per county and year: how 社会认可度 aggregates the groups and the year of its 基本均衡 认定.
CREATE TABLE supervision_settings (
  org_unit_id   uuid NOT NULL REFERENCES org_units (id),
  year          integer NOT NULL,
  aggregation   text NOT NULL DEFAULT 'groupWeights' CHECK (aggregation IN ('groupWeights', 'respondents')),
  basic_balance_year integer,
  updated_by    uuid REFERENCES users (id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_unit_id, year)
);
