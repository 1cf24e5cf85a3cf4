-- PostgreSQL twin of the SQLite migration migrations/0027_report_withdrawal.sql.
-- 撤回进展 (issue 34): a progress report taken back by its department (or an editor), with the
-- reason the public sees in its place. The row stays, so the topic's timeline says a report was
-- there and why it went; the feed drops it. NULL while it stands.
ALTER TABLE reports ADD COLUMN withdrawn_at BIGINT;
ALTER TABLE reports ADD COLUMN withdrawn_reason TEXT;
