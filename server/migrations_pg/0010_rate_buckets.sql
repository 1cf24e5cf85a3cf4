-- PostgreSQL twin of the SQLite migration migrations/0010_rate_buckets.sql.
-- Shared rate limits (限流) for several server instances on one database: one row per limited
-- key holding its GCRA "theoretical arrival time" in milliseconds. UNLOGGED: counters need no
-- crash safety, so taking a token writes no WAL and waits for no disk flush.
CREATE UNLOGGED TABLE rate_buckets (
    bucket TEXT PRIMARY KEY,
    tat    BIGINT NOT NULL
);
