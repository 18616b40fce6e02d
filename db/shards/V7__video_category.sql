-- A video's category (clipflow_category in the engine's database names them). Videos published before
-- categories existed keep NULL here and read as 'general'.
ALTER TABLE publish_0 ADD COLUMN category VARCHAR(32);
ALTER TABLE publish_1 ADD COLUMN category VARCHAR(32);
ALTER TABLE publish_2 ADD COLUMN category VARCHAR(32);
