-- Rows whose id the database generates also carry a reference the application chose, so the new id can be read
-- back by that reference: ShardingSphere hands PostgreSQL's generated keys back without a column name, which
-- JDBC key holders cannot use.
ALTER TABLE item ADD COLUMN creation_ref VARCHAR(36);
CREATE UNIQUE INDEX item_creation_ref ON item (creation_ref);
ALTER TABLE seckill_event ADD COLUMN creation_ref VARCHAR(36);
CREATE UNIQUE INDEX seckill_event_creation_ref ON seckill_event (creation_ref);
