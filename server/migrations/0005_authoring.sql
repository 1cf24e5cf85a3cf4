-- Authoring: topics are drafted before the public sees them, duties carry a status that
-- department staff keep current, and every saved version of an edited item is kept.

ALTER TABLE topics ADD COLUMN status TEXT NOT NULL DEFAULT 'published'
    CHECK (status IN ('draft', 'published'));

ALTER TABLE responsibilities ADD COLUMN state TEXT NOT NULL DEFAULT 'not_started'
    CHECK (state IN ('not_started', 'in_progress', 'done'));

-- 修订记录: a snapshot (JSON object of field → text) after each save; the first edit of an
-- item that predates this table first records how it was. No foreign keys: history outlives rows.
CREATE TABLE revisions (
    id        INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL
        CHECK (entity IN ('topic', 'problem', 'task', 'responsibility', 'department', 'policy',
                          'report')),
    entity_id INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    username  TEXT NOT NULL,
    action    TEXT NOT NULL,
    snapshot  TEXT NOT NULL
);
CREATE INDEX revisions_by_entity ON revisions (entity, entity_id, id);
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are append-only');
END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are append-only');
END;
