-- The public record of a task (任务的公开记录): nothing about a published task changes without a
-- dated public line, and on-time is judged against the date the public was first given.

-- 原定截止日期: the due date when it was first changed after publication; NULL while it never
-- was (the original is then `due_date`).
ALTER TABLE tasks ADD COLUMN original_due_date TEXT;
-- 考核日期: the date on-time is judged against — the original, or an extension granted before
-- it passed. NULL: `due_date` (no change after publication).
ALTER TABLE tasks ADD COLUMN judged_due_date TEXT;
-- 登记日期: the Beijing date a completion was recorded, and the completion date it was first
-- recorded with; both kept through corrections of the date. A completion recorded after the
-- date judged with a date after it stays late when its date is later moved earlier.
-- NULL for rows from before this record.
ALTER TABLE tasks ADD COLUMN done_recorded_on TEXT;
ALTER TABLE tasks ADD COLUMN done_first_on TEXT;
-- The last Beijing date the record said "not done" (a status set, or the task created: then
-- the first day of its topic's month if that is earlier), and the one before it, which undoing
-- a status change restores: a completion date may not be earlier. NULL for rows from before
-- this record.
ALTER TABLE tasks ADD COLUMN state_since TEXT;
ALTER TABLE tasks ADD COLUMN prior_state_since TEXT;

-- 变更记录: every change to a task of a published topic, shown under it on the public page.
CREATE TABLE task_changes (
    id             INTEGER PRIMARY KEY,
    task_id        INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    changed_on     TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('due', 'state', 'undo', 'title', 'owner')),
    from_value     TEXT NOT NULL,
    to_value       TEXT NOT NULL,
    reason         TEXT NOT NULL DEFAULT '',
    -- A due date moved after the date then judged had passed: shown, but on-time still counts
    -- against the earlier date.
    after_deadline INTEGER NOT NULL DEFAULT 0 CHECK (after_deadline IN (0, 1)),
    username       TEXT NOT NULL,
    changed_at     INTEGER NOT NULL
);
CREATE INDEX task_changes_by_task ON task_changes (task_id, id);
