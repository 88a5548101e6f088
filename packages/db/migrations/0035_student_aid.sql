-- luoshi schema 0035: 学生资助 — programmes per year with their 档次 and standards, priority lists from
-- 民政/乡村振兴/残联 matched to the 学籍 registry by blind index, applications with 民主评议, 公示 and
-- review, 发放 batches with the bank's return, and the reasons recorded for 应助未助. Personal values (the
-- 身份证件号 and 姓名 of a listed child, the bank card and holder of an application, objections and reasons)
-- are sealed with the field keys; amounts are whole 元.

-- A programme of one school year in one county: a new year's standards are new rows, never edits.
CREATE TABLE aid_programmes (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the county (area) that runs it
  unit_id     uuid NOT NULL REFERENCES org_units (id),
  school_year integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  code        text NOT NULL,
  name        text NOT NULL,
  -- living | grant | tuition | nutrition | preschool | local: two of one kind for one pupil is a duplicate
  kind        text NOT NULL CHECK (kind IN ('living', 'grant', 'tuition', 'nutrition', 'preschool', 'local')),
  -- 学段 the programme covers: preschool | primary | junior | senior | vocational
  stages      text[] NOT NULL,
  -- 对象: who may be aided, in words
  target      text NOT NULL,
  -- 依据: the documents it rests on
  basis       text NOT NULL,
  quota       integer NOT NULL CHECK (quota >= 0),
  budget      integer NOT NULL CHECK (budget >= 0),
  -- [{code, label, amountPerTerm}] in 元
  tiers       jsonb NOT NULL,
  created_by  uuid REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, school_year, code)
);

-- One import of a priority list (低保, 特困, 脱贫/监测, 孤儿, 残疾 …), applied all or nothing.
CREATE TABLE aid_priority_imports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  scope_unit_id uuid NOT NULL REFERENCES org_units (id),
  school_year   integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  source        text NOT NULL CHECK (source IN ('civil', 'rural', 'disabled', 'other')),
  file_name     text NOT NULL,
  sha256        text NOT NULL,
  row_count     integer NOT NULL,
  -- counts only: never personal values
  summary       jsonb NOT NULL,
  imported_by   uuid REFERENCES users (id),
  imported_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX aid_priority_imports_scope_idx ON aid_priority_imports (scope_unit_id, school_year);

CREATE TABLE aid_priority_people (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  import_id       uuid NOT NULL REFERENCES aid_priority_imports (id) ON DELETE CASCADE,
  -- the area of the list: reads are limited through it
  unit_id         uuid NOT NULL REFERENCES org_units (id),
  id_number_index text NOT NULL,
  category        text NOT NULL,
  -- encryptField of {idNumber, name}
  personal        text NOT NULL,
  -- the pupil the registry holds under the same 身份证件号, null when none
  student_id      uuid REFERENCES students (id) ON DELETE SET NULL,
  UNIQUE (import_id, id_number_index, category)
);
CREATE INDEX aid_priority_people_index_idx ON aid_priority_people (id_number_index);

-- 公示 of one school's recommended applications of one programme.
CREATE TABLE aid_publicities (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id      uuid NOT NULL REFERENCES org_units (id),
  programme_id uuid NOT NULL REFERENCES aid_programmes (id),
  starts_on    date NOT NULL,
  -- the last day of the 公示: `working_days` working days counted from starts_on itself
  ends_on      date NOT NULL,
  working_days smallint NOT NULL CHECK (working_days >= 5),
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX aid_publicities_unit_idx ON aid_publicities (unit_id, programme_id);

-- One pupil's application to one programme, entered by the school.
CREATE TABLE aid_applications (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id    uuid NOT NULL REFERENCES aid_programmes (id),
  -- the pupil's school
  unit_id         uuid NOT NULL REFERENCES org_units (id),
  student_id      uuid NOT NULL REFERENCES students (id),
  id_number_index text,
  tier            text NOT NULL,
  -- 认定 categories the family states, and those confirmed by an imported list
  claimed         text[] NOT NULL DEFAULT '{}',
  verified        text[] NOT NULL DEFAULT '{}',
  -- encryptField of {bankCard, bankName, holder}
  personal        text NOT NULL,
  state           text NOT NULL
                  CHECK (state IN ('applied', 'recommended', 'notRecommended', 'publicised', 'approved', 'rejected')),
  -- 民主评议: {votesFor, votesAgainst, method}
  assessment      jsonb,
  publicity_id    uuid REFERENCES aid_publicities (id),
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (programme_id, student_id)
);
CREATE INDEX aid_applications_unit_idx ON aid_applications (unit_id, programme_id, state);
CREATE INDEX aid_applications_index_idx ON aid_applications (id_number_index);

-- Who did which step of an application, and when.
CREATE TABLE aid_application_steps (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL REFERENCES aid_applications (id) ON DELETE CASCADE,
  step           text NOT NULL,
  outcome        text,
  done_by        uuid REFERENCES users (id),
  done_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX aid_application_steps_app_idx ON aid_application_steps (application_id);

-- An objection raised during a 公示 and its answer.
CREATE TABLE aid_objections (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  publicity_id uuid NOT NULL REFERENCES aid_publicities (id) ON DELETE CASCADE,
  unit_id     uuid NOT NULL REFERENCES org_units (id),
  -- encryptField of what was said (it may name a family)
  record      text NOT NULL,
  answer      text,
  logged_by   uuid REFERENCES users (id),
  logged_at   timestamptz NOT NULL DEFAULT now(),
  answered_by uuid REFERENCES users (id),
  answered_at timestamptz
);

-- A 发放 batch: the approved pupils of a programme for one term (or the failures of an earlier batch).
CREATE TABLE aid_batches (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  programme_id uuid NOT NULL REFERENCES aid_programmes (id),
  unit_id      uuid NOT NULL REFERENCES org_units (id),
  term         smallint NOT NULL CHECK (term IN (1, 2)),
  reissue_of   uuid REFERENCES aid_batches (id),
  state        text NOT NULL CHECK (state IN ('open', 'returned')),
  created_by   uuid REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now(),
  returned_at  timestamptz
);

CREATE TABLE aid_payments (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  batch_id       uuid NOT NULL REFERENCES aid_batches (id) ON DELETE CASCADE,
  application_id uuid NOT NULL REFERENCES aid_applications (id),
  unit_id        uuid NOT NULL REFERENCES org_units (id),
  -- the line's number in the bank file (1, 2 …)
  line           integer NOT NULL,
  amount         integer NOT NULL CHECK (amount >= 0),
  status         text NOT NULL CHECK (status IN ('pending', 'paid', 'failed')),
  failure        text,
  reissued       boolean NOT NULL DEFAULT false,
  UNIQUE (batch_id, line)
);
CREATE INDEX aid_payments_app_idx ON aid_payments (application_id);

-- 应助未助: why a pupil on a priority list is not aided this year.
CREATE TABLE aid_unaided_reasons (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id         uuid NOT NULL REFERENCES org_units (id),
  school_year     integer NOT NULL,
  id_number_index text NOT NULL,
  -- encryptField of the reason
  reason          text NOT NULL,
  recorded_by     uuid REFERENCES users (id),
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (school_year, id_number_index)
);
