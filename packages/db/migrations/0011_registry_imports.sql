-- luoshi schema 0011: importing a county's unit registry (学校名录 and 责任单位) from a file.
-- A preview is stored as it was shown; applying it uses exactly that preview, and only while the
-- county's units are as they were when it was made (the fingerprint).

CREATE TABLE org_registry_imports (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  county_unit_id uuid NOT NULL REFERENCES org_units (id),
  file_name      text NOT NULL,
  status         text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'applied', 'discarded')),
  -- the parsed rows and the diff, as previewed
  preview        jsonb NOT NULL,
  -- a hash of the county's units when the preview was made
  fingerprint    text NOT NULL,
  effective_on   date,
  created_by     uuid REFERENCES users (id),
  created_at     timestamptz NOT NULL DEFAULT now(),
  applied_at     timestamptz
);
CREATE INDEX org_registry_imports_county_idx ON org_registry_imports (county_unit_id, created_at);
