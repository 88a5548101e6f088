-- luoshi schema 0013: the 等保三级 application controls (docs/security.md).

-- Concurrent sessions: a login beyond the per-account limit ends the oldest session; the session row
-- keeps why it ended, so that its holder is told rather than sent to the login page without a word.
ALTER TABLE sessions ADD COLUMN end_reason text;

-- 留痕 sealed with a key the database never sees: one row per audit row, mac = HMAC-SM3(key, hash)
-- computed by the application in the audit row's own transaction. Row 0 is the genesis seal: the first
-- audit id the key covers (rows below it predate sealing and are checked by the hash chain alone),
-- itself under the key, so that nobody without the key can move the start or drop the seals.
CREATE TABLE audit_seal (
  audit_id  bigint PRIMARY KEY,
  mac       text NOT NULL,
  first_id  bigint
);

CREATE FUNCTION audit_seal_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_seal is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE OR DELETE ON audit_seal
  FOR EACH ROW EXECUTE FUNCTION audit_seal_refuse_change();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
  FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_refuse_change();

-- The chain's hash of one row, as the insert trigger computes it: the verify command recomputes it here
-- so that both use one expression.
CREATE FUNCTION audit_log_row_hash(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    r.prev_hash || '|' || r.id || '|' || to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' ||
    coalesce(r.actor_id::text, '') || '|' || r.action || '|' || r.entity_type || '|' ||
    coalesce(r.entity_id, '') || '|' || r.result || '|' || coalesce(r.before::text, '') || '|' ||
    coalesce(r.after::text, '') || '|' || coalesce(r.details::text, ''), 'UTF8')), 'hex')
$$;

-- The application's own role (docs/security.md, "Audit protection"): migrations run as the owner of
-- every table; the server and the CLI then SET ROLE luoshi_app, which owns nothing — so it cannot ALTER
-- the audit table or disable its triggers — and holds only SELECT and INSERT on the audit trail.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'luoshi_app') THEN
    CREATE ROLE luoshi_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS;
  END IF;
  -- the migrating owner must be a member to SET ROLE to it (a superuser needs no membership)
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT luoshi_app TO %I', current_user);
  END IF;
END;
$$;
GRANT USAGE ON SCHEMA public TO luoshi_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO luoshi_app;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON audit_log, audit_seal FROM luoshi_app;
REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM luoshi_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO luoshi_app;
-- tables and sequences later migrations create get the same rights (audit tables are revoked by name)
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO luoshi_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO luoshi_app;

-- ANALYZE needs the owner: after a bulk statistics write the application refreshes the planner's
-- statistics through this function, which runs as the owner on the statistics tables alone.
CREATE FUNCTION luoshi_analyze_stats(tables text[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY tables LOOP
    IF t NOT IN ('school_stats', 'enrolment_history', 'population_stats') THEN
      RAISE EXCEPTION 'luoshi_analyze_stats: % is not a statistics table', t;
    END IF;
    EXECUTE format('ANALYZE %I (org_unit_id, year)', t);
  END LOOP;
END;
$$;
REVOKE ALL ON FUNCTION luoshi_analyze_stats(text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION luoshi_analyze_stats(text[]) TO luoshi_app;

-- 安全标记 on the records that exist now: each report attachment carries a sensitivity level, compared
-- with the reader's clearance (users.clearance, since 0001) on every download. Registries will label
-- their records and fields the same way.
ALTER TABLE task_attachments ADD COLUMN sensitivity text NOT NULL DEFAULT 'general'
  CHECK (sensitivity IN ('general', 'sensitive', 'highly-sensitive'));
