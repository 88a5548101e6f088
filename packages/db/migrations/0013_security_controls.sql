-- luoshi schema 0013: the 等保三级 application controls (docs/security.md).

-- Concurrent sessions: a login beyond the per-account limit ends the oldest session; the session row
-- keeps why it ended, so that its holder is told rather than sent to the login page without a word.
ALTER TABLE sessions ADD COLUMN end_reason text;
