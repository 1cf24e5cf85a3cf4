-- 撤回进展记录 (issue 34): a progress note taken back by its department (or an editor), with the
-- reason the public sees in its place. The row stays, so the task's notes say a note was there
-- and why it went; the correction is a new note. NULL while it stands.
ALTER TABLE task_notes ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE task_notes ADD COLUMN withdrawn_reason TEXT;
