-- The city editor's journey (issue 13, points 19–20).
-- 表单回填: what a staff member typed into a form that was refused, kept a few minutes for the
-- same session only (its token's hash), so the page can fill the form in again and name the
-- field and the clashing record. Pruned by age on every write.
CREATE TABLE form_echo (
    id           INTEGER PRIMARY KEY,
    session_hash TEXT NOT NULL,
    form         TEXT NOT NULL,
    fields_json  TEXT NOT NULL,
    error_json   TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE INDEX form_echo_by_age ON form_echo (created_at);

-- 撤回: a published topic or policy taken back from the public, with the reason the public page
-- shows and the day it happened. While a row exists the item is withdrawn (its status is
-- 'draft' so every public list drops it); publishing again removes the row. The revision
-- history and the audit log keep every withdrawal.
CREATE TABLE withdrawals (
    entity       TEXT NOT NULL CHECK (entity IN ('topic', 'policy')),
    entity_id    INTEGER NOT NULL,
    withdrawn_at INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    username     TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id)
);
