-- luoshi schema 0003: the supervision ledger (督办台账) — tasks, their units, milestones, reports,
-- evidence, reviews, adjustments, leaders' instructions and reminders.

CREATE TABLE tasks (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the area whose bureau supervises the task: scopes who may see it
  org_unit_id     uuid NOT NULL REFERENCES org_units (id),
  plan_id         uuid REFERENCES plans (id),
  plan_node_id    uuid REFERENCES plan_nodes (id),
  source_kind     text NOT NULL CHECK (source_kind IN ('plan', 'leader', 'meeting', 'other')),
  source_note     text,
  title           text NOT NULL,
  content         text NOT NULL DEFAULT '',
  state           text NOT NULL DEFAULT 'pending'
                  CHECK (state IN ('pending', 'assigned', 'inProgress', 'underReview', 'closed', 'suspended')),
  priority        text NOT NULL DEFAULT 'normal' CHECK (priority IN ('high', 'normal', 'low')),
  frequency       text NOT NULL DEFAULT 'monthly' CHECK (frequency IN ('weekly', 'monthly', 'quarterly', 'once')),
  assigned_on     date,
  deadline        date NOT NULL,
  progress        integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  -- the newest period the lead unit has reported for (kept with each report, so that lists need no scan)
  last_reported_period text,
  closed_at       timestamptz,
  suspended_reason text,
  suspended_from  text,
  created_by      uuid REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tasks_scope_idx ON tasks (org_unit_id, state, deadline);
CREATE INDEX tasks_plan_idx ON tasks (plan_id);

CREATE TABLE task_units (
  task_id      uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  org_unit_id  uuid NOT NULL REFERENCES org_units (id),
  role         text NOT NULL CHECK (role IN ('lead', 'co')),
  position     integer NOT NULL,
  accepted_at  timestamptz,
  PRIMARY KEY (task_id, org_unit_id)
);
CREATE INDEX task_units_unit_idx ON task_units (org_unit_id, task_id);

CREATE TABLE task_milestones (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id      uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  title        text NOT NULL,
  due_on       date NOT NULL,
  reached_on   date,
  position     integer NOT NULL
);
CREATE INDEX task_milestones_task_idx ON task_milestones (task_id);

CREATE TABLE task_targets (
  task_id        uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  plan_target_id uuid NOT NULL REFERENCES plan_targets (id),
  PRIMARY KEY (task_id, plan_target_id)
);

CREATE TABLE task_reports (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id       uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  org_unit_id   uuid NOT NULL REFERENCES org_units (id),
  period        text NOT NULL,
  -- the lead unit's report for the period, consolidating the co-units'
  is_consolidated boolean NOT NULL DEFAULT false,
  progress      integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
  text          text NOT NULL,
  problems      text NOT NULL DEFAULT '',
  next_steps    text NOT NULL DEFAULT '',
  submitted_by  uuid REFERENCES users (id),
  submitted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_reports_task_idx ON task_reports (task_id, period);
CREATE INDEX task_reports_period_idx ON task_reports (period, org_unit_id);
CREATE INDEX task_reports_submitted_idx ON task_reports (submitted_at);
-- a scope's recent reports (lights, monthly views): each task's reports from a day on
CREATE INDEX task_reports_task_submitted_idx ON task_reports (task_id, submitted_at);
-- 办结报告: the lead's consolidated report at 100%, which closure needs
CREATE INDEX task_reports_final_idx ON task_reports (task_id) WHERE is_consolidated AND progress = 100;

CREATE TABLE task_attachments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id       uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  report_id     uuid REFERENCES task_reports (id) ON DELETE SET NULL,
  file_name     text NOT NULL,
  media_type    text NOT NULL,
  size_bytes    integer NOT NULL,
  sha256        text NOT NULL,
  uploaded_by   uuid REFERENCES users (id),
  uploaded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_attachments_task_idx ON task_attachments (task_id);

-- the task's timeline: every transition with its comment (交办, 签收, 退回, 销号 …)
CREATE TABLE task_events (
  id            bigserial PRIMARY KEY,
  task_id       uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  at            timestamptz NOT NULL DEFAULT now(),
  actor_id      uuid REFERENCES users (id),
  actor_unit_id uuid REFERENCES org_units (id),
  action        text NOT NULL,
  from_state    text,
  to_state      text,
  comment       text,
  details       jsonb
);
CREATE INDEX task_events_task_idx ON task_events (task_id, at);

CREATE TABLE task_adjustments (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id       uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  new_deadline  date,
  new_title     text,
  reason        text NOT NULL,
  requested_by  uuid REFERENCES users (id),
  requested_at  timestamptz NOT NULL DEFAULT now(),
  decision      text CHECK (decision IN ('approved', 'refused')),
  decided_by    uuid REFERENCES users (id),
  decided_at    timestamptz,
  decision_comment text
);

CREATE TABLE task_instructions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  task_id       uuid NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  -- a unit's answer points at the instruction it answers
  reply_to      uuid REFERENCES task_instructions (id),
  author_id     uuid REFERENCES users (id),
  author_unit_id uuid REFERENCES org_units (id),
  text          text NOT NULL,
  at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_instructions_task_idx ON task_instructions (task_id, at);

CREATE TABLE notifications (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_unit_id   uuid NOT NULL REFERENCES org_units (id),
  task_id       uuid REFERENCES tasks (id) ON DELETE CASCADE,
  kind          text NOT NULL,
  text          text NOT NULL,
  created_by    uuid REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  read_at       timestamptz
);
CREATE INDEX notifications_unit_idx ON notifications (org_unit_id, read_at);
