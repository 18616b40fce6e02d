-- Video categories and their auditor pools. In the engine's database, beside the Camunda groups they name: saving
-- a category, its group, the group's grants and its Tasklist filter is one commit in one database (see
-- docs/design.md, "Categories and auditor pools"). Read when used, so a change applies at once on every node.
CREATE TABLE clipflow_category (
    category_key  VARCHAR(32)  NOT NULL PRIMARY KEY,
    name          VARCHAR(30)  NOT NULL,
    -- the Camunda group whose members audit the category's videos (an empty group: the auditors group does)
    auditor_group VARCHAR(64)  NOT NULL,
    -- two different auditors must approve a video of this category before it is shown
    four_eyes     BOOLEAN      NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- every install has the category a video without one reads as
INSERT INTO clipflow_category (category_key, name, auditor_group, four_eyes, updated_at)
VALUES ('general', 'General', 'auditors', FALSE, CURRENT_TIMESTAMP);
