-- luoshi schema 0021: the student registry (学籍). One row per pupil, scoped by the pupil's school; every
-- personal value (学籍号, 身份证件号, 姓名, 出生日期, 户籍地, 监护人) is sealed in one encrypted column
-- (field encryption, key outside the database) and found by keyed blind indexes, never by decrypting the
-- table. The flags (随迁, 留守, 残疾) and grade stay in clear so that lists can filter and count by them;
-- who may read them is decided by role and scope.

-- One import of a 学籍 export, applied all or nothing.
CREATE TABLE student_imports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the unit whose pupils the file lists (the importer's school or area)
  scope_unit_id uuid NOT NULL REFERENCES org_units (id),
  file_name     text NOT NULL,
  sha256        text NOT NULL,
  school_year   integer NOT NULL CHECK (school_year BETWEEN 2000 AND 2100),
  term          smallint NOT NULL CHECK (term IN (1, 2)),
  -- the day the export describes: movements are dated with it
  as_of         date NOT NULL,
  row_count     integer NOT NULL,
  -- counts only (pupils added, updated, movements by kind): never personal values
  summary       jsonb NOT NULL,
  imported_by   uuid REFERENCES users (id),
  imported_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX student_imports_scope_idx ON student_imports (scope_unit_id, imported_at);

CREATE TABLE students (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the school: every read is limited to the reader's scope through this unit's path
  unit_id          uuid NOT NULL REFERENCES org_units (id),
  -- blind indexes (HMAC-SM3, keyed): the lifelong 学籍号 and the 身份证件号
  student_no_index text NOT NULL UNIQUE,
  id_number_index  text,
  -- encryptField of a JSON object {studentNo, idNumber, name, birthDate, hukou, guardianName, guardianPhone}
  personal         text NOT NULL,
  sex              char(1) NOT NULL CHECK (sex IN ('M', 'F')),
  birth_year       integer NOT NULL,
  level            text NOT NULL CHECK (level IN ('preschool', 'primary', 'junior', 'senior', 'vocational', 'special')),
  grade            smallint NOT NULL CHECK (grade BETWEEN 0 AND 9),
  class_name       text NOT NULL,
  migrant          boolean NOT NULL,
  left_behind      boolean NOT NULL,
  disabled         boolean NOT NULL,
  status           text NOT NULL
                   CHECK (status IN ('enrolled', 'suspended', 'transferredOut', 'dropout', 'graduated', 'deceased')),
  school_year      integer NOT NULL,
  term             smallint NOT NULL,
  import_id        uuid NOT NULL REFERENCES student_imports (id),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX students_unit_idx ON students (unit_id, level, grade);
CREATE INDEX students_id_number_idx ON students (id_number_index);

-- 学籍变动 derived between two imports, recorded at a school (its scope).
CREATE TABLE student_movements (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  student_id    uuid NOT NULL REFERENCES students (id),
  unit_id       uuid NOT NULL REFERENCES org_units (id),
  other_unit_id uuid REFERENCES org_units (id),
  kind          text NOT NULL
                CHECK (kind IN ('transferIn', 'transferOut', 'suspension', 'resumption', 'dropout', 'graduation', 'death')),
  occurred_on   date NOT NULL,
  -- a 转出 inferred from the pupil's absence from the newer export, not yet confirmed
  pending       boolean NOT NULL DEFAULT false,
  import_id     uuid NOT NULL REFERENCES student_imports (id),
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX student_movements_unit_idx ON student_movements (unit_id, occurred_on);
CREATE INDEX student_movements_student_idx ON student_movements (student_id);
