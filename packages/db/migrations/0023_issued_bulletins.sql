-- luoshi schema 0023: what the 督查室 issues and keeps.
--
-- 印发的月通报: once issued, a month's bulletin is frozen — the rendered .docx bytes and the JSON the
-- page shows are stored, and a download a year later returns these bytes whatever the data became.
-- 期号 (`serial`) runs per owner and issuing year; 发文字号 is written out at issue.
CREATE TABLE issued_bulletins (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id  uuid NOT NULL REFERENCES org_units (id),
  month        text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  year         integer NOT NULL,
  serial       integer NOT NULL CHECK (serial > 0),
  doc_number   text NOT NULL,
  title        text NOT NULL,
  recipients   jsonb NOT NULL,
  snapshot     jsonb NOT NULL,
  docx         bytea NOT NULL,
  sha256       text NOT NULL,
  issued_by    uuid REFERENCES users (id),
  issued_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_unit_id, month),
  UNIQUE (org_unit_id, year, serial)
);

-- 督办设置 of one owner (a county's bureau): 发文字号 prefix, default 主送, escalation and the
-- 年度考核 scheme, as one validated JSON document.
CREATE TABLE ledger_settings (
  org_unit_id  uuid PRIMARY KEY REFERENCES org_units (id),
  settings     jsonb NOT NULL,
  updated_by   uuid REFERENCES users (id),
  updated_at   timestamptz NOT NULL DEFAULT now()
);

-- 督办升级: 催办 (黄灯), 督办通知 (红灯), 约谈/问责 (逾期未改). `dedupe_key` makes a repeated run add
-- nothing; `subject` is who is 约谈 (the lead unit's name), `note` what was recorded.
CREATE TABLE task_escalations (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id      uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  org_unit_id  uuid NOT NULL REFERENCES org_units (id),
  level        text NOT NULL CHECK (level IN ('urge', 'notice', 'interview')),
  dedupe_key   text NOT NULL UNIQUE,
  reason       text NOT NULL,
  due_day      date NOT NULL,
  subject      text,
  note         text,
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_escalations_task_idx ON task_escalations (task_id, created_at);
