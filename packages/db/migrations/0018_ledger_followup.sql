-- luoshi schema 0018: follow-ups of the supervision ledger.
-- A milestone (序时进度) marked reached keeps who marked it and an optional note; `reached_on` (0003)
-- is the day it was reached.

ALTER TABLE task_milestones ADD COLUMN reached_note text;
ALTER TABLE task_milestones ADD COLUMN reached_by uuid REFERENCES users (id);

-- A 催报 reminder is written once per month, task, unit and period: `dedupe_key` names that, and
-- pressing 催报 again adds nothing. (NULL keys, e.g. other kinds, never collide.)
ALTER TABLE notifications ADD COLUMN dedupe_key text;
CREATE UNIQUE INDEX notifications_dedupe_idx ON notifications (dedupe_key);
