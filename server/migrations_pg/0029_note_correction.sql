-- PostgreSQL twin of the SQLite migration migrations/0029_note_correction.sql.
-- 更正进展记录 (issue 34): a progress note corrected in place by its department (or an editor).
-- The task shows 已更正 with the day beside it; the audit log keeps the earlier wording.
-- NULL while it was never corrected.
ALTER TABLE task_notes ADD COLUMN corrected_at BIGINT;
