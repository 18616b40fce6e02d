-- clipflow's one table in the engine's database (beside Camunda's ACT_* tables, which Camunda creates itself).
-- A transaction that changes the engine and clipflow's shard tables commits the engine first, with a row here
-- listing the shard writes it made; the shard commit follows, and the row is deleted after it. A row that
-- outlives its transaction by more than a few seconds means the shard commit never happened (the node died
-- between the two commits): any node replays its writes, which are idempotent, and deletes it.
CREATE TABLE clipflow_redo_log (
    id            VARCHAR(36)      NOT NULL PRIMARY KEY,
    writes        VARCHAR(1000000) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- a node replaying the row holds it until then, so that two nodes do not replay it at once
    claimed_until TIMESTAMP WITH TIME ZONE
);
CREATE INDEX clipflow_redo_log_created ON clipflow_redo_log (created_at);
