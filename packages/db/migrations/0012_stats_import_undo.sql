-- luoshi schema 0012: a statistics import can be undone as a whole from 导入记录. Each import keeps, for
-- every row it changed, the row as it was before (or that there was none), so that undoing restores
-- exactly that; an import made before this migration has no such record and cannot be undone.

ALTER TABLE stats_imports ADD COLUMN undoable boolean NOT NULL DEFAULT false;
ALTER TABLE stats_imports ADD COLUMN undone_at timestamptz;
ALTER TABLE stats_imports ADD COLUMN undone_by uuid REFERENCES users (id);

-- One row an import changed, as it was before the import.
CREATE TABLE stats_import_changes (
  import_id           uuid NOT NULL REFERENCES stats_imports (id),
  table_name          text NOT NULL CHECK (table_name IN ('school_stats', 'population_stats')),
  org_unit_id         uuid NOT NULL REFERENCES org_units (id),
  year                integer NOT NULL,
  -- false: the import added the row (undo deletes it)
  had_row             boolean NOT NULL,
  before_values       jsonb,
  before_import_id    uuid REFERENCES stats_imports (id),
  before_imported_by  uuid REFERENCES users (id),
  before_imported_at  timestamptz,
  PRIMARY KEY (import_id, table_name, org_unit_id, year)
);
