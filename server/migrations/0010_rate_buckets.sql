-- Shared rate limits (限流) for several server instances on one database: one row per limited
-- key holding its GCRA "theoretical arrival time" in milliseconds. Only the PostgreSQL
-- deployment uses it (one SQLite file has one server, whose limits live in its memory); the
-- table exists on both engines so the schemas stay twins.
CREATE TABLE rate_buckets (
    bucket TEXT PRIMARY KEY,
    tat    INTEGER NOT NULL
) WITHOUT ROWID;
