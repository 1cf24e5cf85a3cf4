-- Hotline evidence: aggregates of 12345 request records per day × category × district.
-- Records themselves are never stored (residents' privacy).
CREATE TABLE hotline_imports (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    file_name   TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    counted     INTEGER NOT NULL,
    bad         INTEGER NOT NULL,
    first_day   TEXT,
    last_day    TEXT,
    is_sample   INTEGER NOT NULL CHECK (is_sample IN (0, 1)),
    imported_at TEXT NOT NULL
);

CREATE TABLE hotline_categories (
    id     INTEGER PRIMARY KEY,
    level1 TEXT NOT NULL,
    level2 TEXT NOT NULL,
    level3 TEXT NOT NULL,
    UNIQUE (level1, level2, level3)
);

CREATE TABLE hotline_daily (
    day                 TEXT NOT NULL,
    category_id         INTEGER NOT NULL REFERENCES hotline_categories (id),
    district            TEXT NOT NULL,
    requests            INTEGER NOT NULL,
    complaints          INTEGER NOT NULL,
    closed              INTEGER NOT NULL,
    resolved            INTEGER NOT NULL,
    partly_resolved     INTEGER NOT NULL,
    rated               INTEGER NOT NULL,
    satisfied           INTEGER NOT NULL,
    basically_satisfied INTEGER NOT NULL,
    dissatisfied        INTEGER NOT NULL,
    reopened            INTEGER NOT NULL,
    close_hours_sum     REAL NOT NULL,
    close_within_24h    INTEGER NOT NULL,
    close_within_72h    INTEGER NOT NULL,
    close_within_7d     INTEGER NOT NULL,
    PRIMARY KEY (day, category_id, district)
) WITHOUT ROWID;

CREATE INDEX hotline_daily_category ON hotline_daily (category_id, day);
