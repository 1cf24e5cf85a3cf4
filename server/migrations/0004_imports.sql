-- Bulk imports wait here between upload and confirmation, so the preview is a real page (works
-- without JavaScript) and nothing reaches the lists until every row is valid and staff confirm.
CREATE TABLE staged_imports (
    id         INTEGER PRIMARY KEY,
    staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    topic_id   INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('tasks', 'responsibilities')),
    content    TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
