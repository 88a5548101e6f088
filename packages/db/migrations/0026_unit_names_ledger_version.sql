-- luoshi schema 0026: unit names resolved once per plan, and a version number of the 台账.
--
-- A county's rules for the unit names documents use: the renamed agencies (国土局 → 自然资源局 …) and the
-- unit groups collective names stand for (各乡镇, 各学校 …). One JSON document per county, validated by
-- the server (UnitNameRules); without a row the county uses the defaults.
CREATE TABLE unit_name_rules (
  org_unit_id uuid PRIMARY KEY REFERENCES org_units (id),
  rules       jsonb NOT NULL,
  updated_by  uuid REFERENCES users (id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- A written name tied to a unit through the renamed-agency table.
ALTER TABLE plan_node_units DROP CONSTRAINT plan_node_units_match_check;
ALTER TABLE plan_node_units
  ADD CONSTRAINT plan_node_units_match_check CHECK (match IN ('name', 'alias', 'renamed', 'confirmed', 'none'));

-- The 台账 list computes every task's light from these tables, and draws a scope from org_units; the
-- database counts each statement that changes them (as 0016 does for the statistics), so a server
-- keeps the lights of a scope for a day and recomputes them only after a change, whoever made it.
CREATE FUNCTION data_versions_bump_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_versions (name, version) VALUES ('ledger', 1)
    ON CONFLICT (name) DO UPDATE SET version = data_versions.version + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER tasks_ledger_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tasks
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_ledger();
CREATE TRIGGER task_units_ledger_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON task_units
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_ledger();
CREATE TRIGGER task_milestones_ledger_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON task_milestones
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_ledger();
CREATE TRIGGER task_reports_ledger_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON task_reports
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_ledger();
CREATE TRIGGER org_units_ledger_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION data_versions_bump_ledger();
