-- luoshi schema 0028: 承接方案 — a county's own plan made from the items of a higher-level document
-- (上级文件). Each adopted item and target keeps a link back to the one it implements, so the county can
-- report item by item how it carried out the higher-level scheme (落实情况报告).

ALTER TABLE plans ADD COLUMN adopts_plan_id uuid REFERENCES plans (id);
ALTER TABLE plan_nodes ADD COLUMN adopted_node_id uuid REFERENCES plan_nodes (id) ON DELETE SET NULL;
ALTER TABLE plan_targets ADD COLUMN adopted_target_id uuid REFERENCES plan_targets (id) ON DELETE SET NULL;
CREATE INDEX plans_adopts_idx ON plans (adopts_plan_id) WHERE adopts_plan_id IS NOT NULL;
