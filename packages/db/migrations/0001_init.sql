-- luoshi schema 0001: organisation, accounts, sessions, audit trail.
-- One file serves PGlite (PostgreSQL 18) and PostgreSQL 15+: plain SQL only, no extensions.

CREATE TABLE org_units (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  parent_id     uuid REFERENCES org_units (id),
  kind          text NOT NULL CHECK (kind IN ('province', 'city', 'county', 'township', 'school', 'department')),
  code          text NOT NULL UNIQUE,
  name          text NOT NULL,
  aliases       text[] NOT NULL DEFAULT '{}',
  -- materialised path of ids, '/root/…/self/', so that a scope is one prefix test
  path          text NOT NULL UNIQUE,
  depth         integer NOT NULL,
  school_type   text,
  ownership     text CHECK (ownership IN ('public', 'private')),
  is_inclusive  boolean,
  urban_rural   text CHECK (urban_rural IN ('urban', 'town', 'rural')),
  parent_school_id uuid REFERENCES org_units (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'school') = (school_type IS NOT NULL))
);
CREATE INDEX org_units_parent_idx ON org_units (parent_id);
CREATE INDEX org_units_path_idx ON org_units (path text_pattern_ops);

CREATE TABLE users (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  login               text NOT NULL,
  display_name        text NOT NULL,
  role                text NOT NULL,
  org_unit_id         uuid NOT NULL REFERENCES org_units (id),
  password_hash       text NOT NULL,
  -- the last five hashes, newest first, so that a change cannot reuse them
  password_history    text[] NOT NULL DEFAULT '{}',
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  must_change_password boolean NOT NULL DEFAULT true,
  failed_logins       integer NOT NULL DEFAULT 0,
  locked_until        timestamptz,
  is_disabled         boolean NOT NULL DEFAULT false,
  expires_at          timestamptz,
  -- second factor (TOTP, RFC 6238) — the column exists so that enabling it needs no migration of users
  totp_secret         text,
  clearance           text NOT NULL DEFAULT 'general' CHECK (clearance IN ('general', 'sensitive', 'highly-sensitive')),
  last_login_at       timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_login_lower_idx ON users (lower(login));

CREATE TABLE sessions (
  id            text PRIMARY KEY,            -- sha256 of the cookie token, never the token itself
  user_id       uuid NOT NULL REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz NOT NULL DEFAULT now(),
  expires_at    timestamptz NOT NULL,
  client_ip     text,
  user_agent    text,
  ended_at      timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- 留痕: append-only, hash-chained. The triggers below refuse UPDATE, DELETE and TRUNCATE for every
-- database role, and fill prev_hash/hash so that an edit made behind the application breaks the chain.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor_id      uuid,
  actor_login   text,
  actor_role    text,
  action        text NOT NULL,
  entity_type   text NOT NULL,
  entity_id     text,
  result        text NOT NULL DEFAULT 'success' CHECK (result IN ('success', 'failure')),
  before        jsonb,
  after         jsonb,
  details       jsonb,
  client_ip     text,
  request_id    text,
  prev_hash     text NOT NULL DEFAULT '',
  hash          text NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last_hash text;
BEGIN
  -- one writer at a time extends the chain
  PERFORM pg_advisory_xact_lock(7460001);
  SELECT hash INTO last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
  NEW.prev_hash := coalesce(last_hash, '');
  NEW.hash := encode(sha256(convert_to(
    NEW.prev_hash || '|' || NEW.id || '|' || to_char(NEW.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') || '|' ||
    coalesce(NEW.actor_id::text, '') || '|' || NEW.action || '|' || NEW.entity_type || '|' ||
    coalesce(NEW.entity_id, '') || '|' || NEW.result || '|' || coalesce(NEW.before::text, '') || '|' ||
    coalesce(NEW.after::text, '') || '|' || coalesce(NEW.details::text, ''), 'UTF8')), 'hex');
  RETURN NEW;
END;
$$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
