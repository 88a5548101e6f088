-- luoshi schema 0025: whose document a plan is (文件层级). A county's own plan sets the targets its
-- indicators are judged by; a document from above (上级文件) or another area does not.

ALTER TABLE plans
  ADD COLUMN document_level text NOT NULL DEFAULT 'own' CHECK (document_level IN ('own', 'higher')),
  ADD COLUMN issuer_level text CHECK (issuer_level IN ('national', 'province', 'city', 'county', 'school')),
  -- why the importer read the level as it did, shown to staff when they review the draft
  ADD COLUMN document_level_reason text;
