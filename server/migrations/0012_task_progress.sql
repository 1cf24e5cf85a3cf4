-- What a department reports about its own tasks (任务进展).
-- 延期原因: why a task is late, shown publicly beside it; part of its revision history.
ALTER TABLE tasks ADD COLUMN delay_reason TEXT NOT NULL DEFAULT '';
-- The completion date recorded before a task was last reopened: offered again when it is marked
-- done, so reopening by mistake never rewrites the true date.
ALTER TABLE tasks ADD COLUMN previous_done_date TEXT;

-- 进展记录: dated notes with an optional evidence link, posted by the owning department.
CREATE TABLE task_notes (
    id             INTEGER PRIMARY KEY,
    task_id        INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    department_id  INTEGER NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
    note_date      TEXT NOT NULL,
    note           TEXT NOT NULL,
    evidence_url   TEXT,
    evidence_title TEXT,
    username       TEXT NOT NULL,
    posted_at      INTEGER NOT NULL
);
CREATE INDEX task_notes_by_task ON task_notes (task_id, note_date, id);
