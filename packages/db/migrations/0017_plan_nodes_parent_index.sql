-- luoshi schema 0017: the plan list counts each plan's leaf tasks (a task with no task below it). Without
-- an index on a node's parent, that count looked at every node of the plan once per task: a 5,000-item
-- draft held GET /api/plans for 15 s, a 100,000-item one for minutes. With it, one lookup per task.

CREATE INDEX plan_nodes_parent_idx ON plan_nodes (plan_id, parent_path);
