-- PostgreSQL twin of the SQLite migration migrations/0021_suggestion_dates.sql.
-- When a suggestion was published or not, and when it became a candidate (issue 33): the
-- receipt page shows its author the whole timeline, dated. NULL on rows decided before this
-- column existed (their date is in the audit log, not guessed here).
ALTER TABLE suggestions ADD COLUMN decided_at BIGINT;
ALTER TABLE suggestions ADD COLUMN promoted_at BIGINT;
