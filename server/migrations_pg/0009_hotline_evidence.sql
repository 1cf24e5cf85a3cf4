-- PostgreSQL twin of the SQLite migration migrations/0009_hotline_evidence.sql.
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
-- (The single row's id is always given as 1: a plain BIGINT key, not an identity.)
CREATE TABLE hotline_weights (
    id              BIGINT PRIMARY KEY CHECK (id = 1),
    volume          DOUBLE PRECISION NOT NULL,
    growth          DOUBLE PRECISION NOT NULL,
    spread          DOUBLE PRECISION NOT NULL,
    dissatisfaction DOUBLE PRECISION NOT NULL,
    reopen          DOUBLE PRECISION NOT NULL,
    updated_by      TEXT NOT NULL,
    updated_at      BIGINT NOT NULL
);
