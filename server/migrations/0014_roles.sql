-- Roles and who speaks for whom (issue 13, points 21–22).

-- 职责授权: an extra duty an administrator grants an account beyond its role (today only
-- 'moderate', 审核). Granting and revoking are audited; revoking deletes the row.
CREATE TABLE staff_grants (
    staff_id   INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    grant_kind TEXT NOT NULL CHECK (grant_kind IN ('moderate')),
    granted_by TEXT NOT NULL,
    granted_at INTEGER NOT NULL,
    PRIMARY KEY (staff_id, grant_kind)
);

-- 隐去: a moderator's redaction of a suggestion. The text before it is kept here only, for
-- staff; the public reads the redacted suggestion. Append-only.
CREATE TABLE suggestion_revisions (
    id            INTEGER PRIMARY KEY,
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id),
    at            INTEGER NOT NULL,
    username      TEXT NOT NULL,
    reason        TEXT NOT NULL,
    title_before  TEXT NOT NULL,
    description_before TEXT NOT NULL
);
CREATE INDEX suggestion_revisions_by_suggestion ON suggestion_revisions (suggestion_id, id);
CREATE TRIGGER suggestion_revisions_no_update BEFORE UPDATE ON suggestion_revisions
BEGIN
    SELECT RAISE(ABORT, 'suggestion revisions are append-only');
END;
CREATE TRIGGER suggestion_revisions_no_delete BEFORE DELETE ON suggestion_revisions
BEGIN
    SELECT RAISE(ABORT, 'suggestion revisions are append-only');
END;

-- 进展 and 监督: the body a report speaks for (a department from the list, NULL for the
-- editorial office or for sample and older rows) and the role of the account that entered it.
ALTER TABLE reports ADD COLUMN author_department_id INTEGER REFERENCES departments (id);
ALTER TABLE reports ADD COLUMN entered_by TEXT
    CHECK (entered_by IS NULL OR entered_by IN ('admin', 'editor', 'department'));
