-- luoshi schema 0030: 控辍保学 — the 适龄儿童 list (户籍/人口 from 公安, births from 卫健) matched against the
-- 学籍 registry by blind index, and the 一生一案 cases with their steps. Personal values (身份证件号, 姓名,
-- 出生日期, the 七长 and the notes of each step) are sealed with the field keys, never stored in clear; the
-- 乡镇 and 村 stay in clear so that the unmatched children can be counted per township and village.

-- One import of a 适龄儿童 list, applied all or nothing.
CREATE TABLE school_age_imports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the area whose children the list names
  scope_unit_id uuid NOT NULL REFERENCES org_units (id),
  file_name     text NOT NULL,
  sha256        text NOT NULL,
  source        text NOT NULL CHECK (source IN ('police', 'health', 'other')),
  school_year   integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  row_count     integer NOT NULL,
  -- counts only: never personal values
  summary       jsonb NOT NULL,
  imported_by   uuid REFERENCES users (id),
  imported_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX school_age_imports_scope_idx ON school_age_imports (scope_unit_id, imported_at);

CREATE TABLE school_age_children (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  import_id       uuid NOT NULL REFERENCES school_age_imports (id) ON DELETE CASCADE,
  -- the area the list belongs to: reads are limited to the reader's scope through it
  unit_id         uuid NOT NULL REFERENCES org_units (id),
  -- HMAC-SM3 blind index of the 身份证件号, the same index the registry keeps
  id_number_index text NOT NULL,
  -- encryptField of {idNumber, name, birthDate, township, village}
  personal        text NOT NULL,
  sex             char(1) NOT NULL CHECK (sex IN ('M', 'F')),
  -- 周岁 on 31 August of the list's school year
  age             smallint NOT NULL,
  township        text NOT NULL,
  village         text NOT NULL,
  -- the pupil the registry holds under the same 身份证件号 (in school), null when none
  student_id      uuid REFERENCES students (id) ON DELETE SET NULL,
  UNIQUE (import_id, id_number_index)
);
CREATE INDEX school_age_children_unit_idx ON school_age_children (unit_id, township, village);

-- 一生一案: one child's case, from 立案 to 销号.
CREATE TABLE dropout_cases (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the unit responsible: the pupil's school, or the area for a child without one until a school is named
  unit_id         uuid NOT NULL REFERENCES org_units (id),
  student_id      uuid REFERENCES students (id) ON DELETE SET NULL,
  child_id        uuid REFERENCES school_age_children (id) ON DELETE SET NULL,
  -- blind index of the child's 身份证件号 (null without one): one open case per child across lists
  id_number_index text,
  cause           text NOT NULL
                  CHECK (cause IN ('unmatched', 'dropout', 'absence', 'transfer', 'other')),
  -- encryptField of {name, idNumber, causeNote, plan, people: {county, bureau, township, village, school, parent, teacher}}
  personal        text NOT NULL,
  sex             char(1) CHECK (sex IN ('M', 'F')),
  level           text,
  grade           smallint,
  township        text NOT NULL DEFAULT '',
  village         text NOT NULL DEFAULT '',
  priority_groups text[] NOT NULL DEFAULT '{}',
  state           text NOT NULL CHECK (state IN ('open', 'returned', 'closed')),
  opened_on       date NOT NULL,
  returned_on     date,
  returned_by     uuid REFERENCES users (id),
  closed_on       date,
  closed_by       uuid REFERENCES users (id),
  -- working days the child must stay in school after 复学 before 销号 (fixed when the case opens)
  close_after_days smallint NOT NULL,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dropout_cases_unit_idx ON dropout_cases (unit_id, state);
CREATE UNIQUE INDEX dropout_cases_child_open_idx ON dropout_cases (id_number_index) WHERE state <> 'closed';
CREATE UNIQUE INDEX dropout_cases_student_open_idx ON dropout_cases (student_id) WHERE state <> 'closed';

-- The steps of a case: 家访, 劝返, 复学, 送教上门, 书面督促, 依法控辍, each with a deadline and its record.
CREATE TABLE dropout_case_steps (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id     uuid NOT NULL REFERENCES dropout_cases (id) ON DELETE CASCADE,
  kind        text NOT NULL
              CHECK (kind IN ('homeVisit', 'persuasion', 'return', 'homeTeaching', 'writtenNotice', 'legal')),
  assigned_on date NOT NULL,
  deadline    date NOT NULL,
  done_on     date,
  -- 劝返 and 依法控辍 outcomes: succeeded / failed; 依法控辍: penalty / lawsuit
  outcome     text,
  -- encryptField of {note, evidence}: what was done and the evidence (may name the family)
  record      text,
  recorded_by uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dropout_case_steps_case_idx ON dropout_case_steps (case_id);
