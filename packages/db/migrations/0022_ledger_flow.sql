-- luoshi schema 0022: the 督查室 workflow — notifications that are read, who assigned a task, the
-- 签收 time limit, and the co-units' 会签 of the lead unit's 办结报告.

-- A notification goes to a unit's users (audience NULL) or to the reviewers (task.review) of the area
-- whose bureau owns the task (audience 'task.review', org_unit_id the owning area).
ALTER TABLE notifications ADD COLUMN audience text CHECK (audience IN ('task.review'));
CREATE INDEX notifications_created_idx ON notifications (org_unit_id, created_at);

-- Each user reads a notification for themselves: several people work in one unit.
CREATE TABLE notification_reads (
  notification_id uuid NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  user_id         uuid NOT NULL REFERENCES users (id),
  read_at         timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (notification_id, user_id)
);
CREATE INDEX notification_reads_user_idx ON notification_reads (user_id);

-- 交办人 (separation of duties: neither the creator nor the assigner may 销号 the task) and the
-- 签收时限 in working days from the 交办 day.
ALTER TABLE tasks ADD COLUMN assigned_by uuid REFERENCES users (id);
ALTER TABLE tasks ADD COLUMN accept_within_days integer NOT NULL DEFAULT 2
  CHECK (accept_within_days BETWEEN 1 AND 30);

-- 会签: a co-unit's verdict on one 办结报告 of the lead unit; a new 办结报告 needs new verdicts.
CREATE TABLE task_sign_offs (
  report_id     uuid NOT NULL REFERENCES task_reports (id) ON DELETE CASCADE,
  task_id       uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  org_unit_id   uuid NOT NULL REFERENCES org_units (id),
  verdict       text NOT NULL CHECK (verdict IN ('confirm', 'object')),
  note          text NOT NULL DEFAULT '',
  signed_by     uuid REFERENCES users (id),
  signed_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (report_id, org_unit_id)
);
CREATE INDEX task_sign_offs_task_idx ON task_sign_offs (task_id);
