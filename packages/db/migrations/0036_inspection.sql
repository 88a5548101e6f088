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

-- Shipped checklist: the 经常性督导 record of a 责任督学, two items for each of the 8 督导事项 of
-- 《中小学校责任督学挂牌督导办法》 (国教督办〔2013〕7号). A county copies it into a new version to change it.
WITH list AS (
  INSERT INTO inspection_checklists (area_unit_id, code, version, title, kind, basis)
  VALUES (NULL, 'regular-8', 1, '责任督学经常性督导记录表（8项督导事项）', 'regular',
          '《中小学校责任督学挂牌督导办法》（国教督办〔2013〕7号）')
  RETURNING id
)
INSERT INTO inspection_checklist_items (checklist_id, position, code, area, text, judge, max_score, photo_required, basis)
SELECT list.id, v.position, v.code, v.area, v.text, v.judge, v.max_score, v.photo_required, v.basis
FROM list, (VALUES
  (1, 'A1', '校务管理和制度执行', '学校章程、议事规则和各项管理制度健全并公开', 'yesNo', NULL::integer, false, '督导事项一'),
  (2, 'A2', '校务管理和制度执行', '校务公开栏内容及时更新（重大事项、收费、招生）', 'yesNo', NULL, true, '督导事项一'),
  (3, 'B1', '招生、收费、择校', '按划定学区免试就近入学，无考试选拔、无择校收费', 'yesNo', NULL, false, '督导事项二'),
  (4, 'B2', '招生、收费、择校', '收费项目和标准公示，无违规收费、代收费', 'yesNo', NULL, true, '督导事项二'),
  (5, 'C1', '课程开设和课堂教学', '按国家课程方案开齐开足课程（查课表与实际上课）', 'score', 10, false, '督导事项三'),
  (6, 'C2', '课程开设和课堂教学', '随机听课节数', 'count', NULL, false, '督导事项三'),
  (7, 'D1', '学生学习、体育锻炼和课业负担', '学生每天校内体育活动不少于1小时', 'yesNo', NULL, false, '督导事项四'),
  (8, 'D2', '学生学习、体育锻炼和课业负担', '书面作业总量和时长符合规定', 'score', 10, false, '督导事项四'),
  (9, 'E1', '教师师德和专业发展', '无有偿补课、体罚和变相体罚等违反师德行为', 'yesNo', NULL, false, '督导事项五'),
  (10, 'E2', '教师师德和专业发展', '教师培训和校本教研按计划开展', 'score', 10, false, '督导事项五'),
  (11, 'F1', '校园及周边安全、学生交通安全', '校门安保、视频监控、一键报警正常运行', 'yesNo', NULL, true, '督导事项六'),
  (12, 'F2', '校园及周边安全、学生交通安全', '发现的安全隐患处数', 'count', NULL, true, '督导事项六'),
  (13, 'G1', '食堂、食品、饮水及宿舍卫生', '食堂证照齐全、明厨亮灶、留样和陪餐记录完整', 'yesNo', NULL, true, '督导事项七'),
  (14, 'G2', '食堂、食品、饮水及宿舍卫生', '饮水设施和宿舍卫生、消防符合要求', 'yesNo', NULL, true, '督导事项七'),
  (15, 'H1', '校风、教风、学风建设', '校园文化、课堂秩序和学生精神面貌', 'score', 10, false, '督导事项八'),
  (16, 'H2', '校风、教风、学风建设', '家长和学生座谈中反映的问题条数', 'count', NULL, false, '督导事项八')
) AS v (position, code, area, text, judge, max_score, photo_required, basis);

-- 整改通知书: issued from a visit's findings in one step; the .docx bytes are kept as issued.
CREATE TABLE inspection_notices (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_unit_id uuid NOT NULL REFERENCES org_units (id),
  doc_number     text NOT NULL,
  docx           bytea NOT NULL,
  issued_by      uuid REFERENCES users (id),
  issued_on      date NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_notices_school_idx ON inspection_notices (school_unit_id);

-- A 督学's visit to a school: the checklist version filled and the answers, item by item.
CREATE TABLE inspection_visits (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  school_unit_id    uuid NOT NULL REFERENCES org_units (id),
  inspector_user_id uuid NOT NULL REFERENCES users (id),
  checklist_id      uuid NOT NULL REFERENCES inspection_checklists (id),
  visited_on        date NOT NULL,
  -- [{itemId, value (true/false, a score or a count; null: not checked), note}]
  answers           jsonb NOT NULL,
  summary           text NOT NULL DEFAULT '',
  -- the draft's key on the 督学's phone: a resent draft is the same visit, not a second one
  client_key        text NOT NULL,
  notice_id         uuid REFERENCES inspection_notices (id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inspector_user_id, client_key)
);
CREATE INDEX inspection_visits_school_idx ON inspection_visits (school_unit_id, visited_on);
CREATE INDEX inspection_visits_inspector_idx ON inspection_visits (inspector_user_id, visited_on);

-- A finding of a visit; its 整改 is a ledger task (task_id) once the 整改通知书 is issued.
CREATE TABLE inspection_findings (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  visit_id       uuid NOT NULL REFERENCES inspection_visits (id) ON DELETE CASCADE,
  school_unit_id uuid NOT NULL REFERENCES org_units (id),
  item_id        uuid REFERENCES inspection_checklist_items (id),
  area           text NOT NULL,
  text           text NOT NULL,
  severity       text NOT NULL CHECK (severity IN ('minor', 'major', 'serious')),
  -- the open or earlier finding of the same school and item this one repeats
  repeat_of      uuid REFERENCES inspection_findings (id),
  task_id        uuid REFERENCES tasks (id),
  -- 复查 by the 督学 before 销号
  recheck        text CHECK (recheck IN ('passed', 'failed')),
  recheck_note   text,
  rechecked_by   uuid REFERENCES users (id),
  rechecked_at   timestamptz,
  created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_findings_visit_idx ON inspection_findings (visit_id);
CREATE INDEX inspection_findings_school_idx ON inspection_findings (school_unit_id, item_id);
CREATE UNIQUE INDEX inspection_findings_task_idx ON inspection_findings (task_id);

-- Photos taken at a visit (stored by content hash like every upload), for an item or a finding.
CREATE TABLE inspection_photos (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  visit_id       uuid NOT NULL REFERENCES inspection_visits (id) ON DELETE CASCADE,
  school_unit_id uuid NOT NULL REFERENCES org_units (id),
  item_id        uuid REFERENCES inspection_checklist_items (id),
  finding_id     uuid REFERENCES inspection_findings (id) ON DELETE CASCADE,
  file_name      text NOT NULL,
  media_type     text NOT NULL,
  size_bytes     integer NOT NULL,
  sha256         text NOT NULL,
  uploaded_by    uuid REFERENCES users (id),
  uploaded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inspection_photos_visit_idx ON inspection_photos (visit_id);
