-- 答复模板 (issue 35): a department's standing answers — a name, a decision, a reason code for
-- 不予采纳, the words and a link — that its staff start a reply from and then fit to the item.
-- Staff only; every change is in the audit log.
CREATE TABLE reply_templates (
    id          INTEGER PRIMARY KEY,
    department  TEXT NOT NULL,
    title       TEXT NOT NULL,
    decision    TEXT NOT NULL
        CHECK (decision IN ('adopted', 'partly_adopted', 'already_planned', 'not_adopted')),
    reason_code TEXT,
    body        TEXT NOT NULL,
    link        TEXT,
    updated_by  TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (department, title)
);
