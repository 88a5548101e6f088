-- luoshi schema 0016: a version number of everything indicators and evaluations are computed from.
-- The database bumps it itself, once per statement that changes one of these tables, whoever writes
-- (the server, the CLI, another server on the same PostgreSQL). A server keeps computed results per
-- unit and year and checks this one row per request to know when they are stale.

CREATE TABLE data_versions (
  name    text PRIMARY KEY,
  version bigint NOT NULL
);

CREATE FUNCTION data_versions_bump_statistics() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (name, version) VALUES ('statistics', 1)
    ON CONFLICT (name) DO UPDATE SET version = data_versions.version + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER school_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON school_stats
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_statistics();
CREATE TRIGGER population_stats_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON population_stats
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_statistics();
CREATE TRIGGER enrolment_history_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON enrolment_history
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_statistics();
CREATE TRIGGER org_units_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_statistics();
CREATE TRIGGER org_unit_changes_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_unit_changes
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_statistics();
CREATE TRIGGER custom_indicators_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON custom_indicators
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_statistics();
