-- luoshi schema 0018: a milestone (序时进度) marked reached keeps who marked it and an optional note;
-- `reached_on` (0003) is the day it was reached.

ALTER TABLE task_milestones ADD COLUMN reached_note text;
ALTER TABLE task_milestones ADD COLUMN reached_by uuid REFERENCES users (id);
