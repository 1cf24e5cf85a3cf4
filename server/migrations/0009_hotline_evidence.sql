-- Hotline evidence, linked: a problem class (level 1 × level 2, optionally one level 3) on
-- problems (for topic outcomes) and on candidates (for their evidence), and the ranking's weights.

-- The class whose requests measure a problem's outcome (NULL: none linked).
ALTER TABLE problems ADD COLUMN hotline_level1 TEXT;
ALTER TABLE problems ADD COLUMN hotline_level2 TEXT;
ALTER TABLE problems ADD COLUMN hotline_level3 TEXT;

-- The class a candidate came from and the window its evidence was computed over.
ALTER TABLE cycle_candidates ADD COLUMN hotline_level1 TEXT;
ALTER TABLE cycle_candidates ADD COLUMN hotline_level2 TEXT;
ALTER TABLE cycle_candidates ADD COLUMN evidence_from TEXT;
ALTER TABLE cycle_candidates ADD COLUMN evidence_to TEXT;

-- 权重 of the ranking, set by staff; one row. The defaults are rank.rs's.
CREATE TABLE hotline_weights (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    volume          REAL NOT NULL,
    growth          REAL NOT NULL,
    spread          REAL NOT NULL,
    dissatisfaction REAL NOT NULL,
    reopen          REAL NOT NULL,
    updated_by      TEXT NOT NULL,
    updated_at      INTEGER NOT NULL
);
