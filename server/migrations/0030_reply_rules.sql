-- 答复规则 (issue 35): what a cycle promises before it opens, frozen once it opens — a published
-- suggestion with at least `reply_supporters` supporters within `reply_support_days` days of
-- being published, or a candidate with at least `reply_votes` approvals, gets a reply from
-- `reply_department` within `reply_working_days` working days. NULL: the cycle states no rule
-- (cycles made before rules existed); a NULL count: that kind of item has no threshold.
ALTER TABLE cycles ADD COLUMN reply_supporters INTEGER CHECK (reply_supporters >= 1);
ALTER TABLE cycles ADD COLUMN reply_support_days INTEGER CHECK (reply_support_days >= 1);
ALTER TABLE cycles ADD COLUMN reply_votes INTEGER CHECK (reply_votes >= 1);
ALTER TABLE cycles ADD COLUMN reply_working_days INTEGER CHECK (reply_working_days >= 1);
-- By name: departments are reloaded with the dataset, cycles are not.
ALTER TABLE cycles ADD COLUMN reply_department TEXT;

-- Changes of a cycle's rule are kept in the revision history: `revisions.entity` gains 'cycle'
-- and 'reply'. SQLite cannot alter a CHECK, so the append-only table is rebuilt as it was with
-- the wider check (DROP TABLE fires no trigger), its rows copied over unchanged.
CREATE TABLE revisions_wider (
    id        INTEGER PRIMARY KEY,
    entity    TEXT NOT NULL
        CHECK (entity IN ('topic', 'problem', 'task', 'responsibility', 'department', 'policy',
                          'report', 'cycle', 'reply')),
    entity_id INTEGER NOT NULL,
    at        INTEGER NOT NULL,
    username  TEXT NOT NULL,
    action    TEXT NOT NULL,
    snapshot  TEXT NOT NULL
);
INSERT INTO revisions_wider (id, entity, entity_id, at, username, action, snapshot)
    SELECT id, entity, entity_id, at, username, action, snapshot FROM revisions;
DROP TABLE revisions;
ALTER TABLE revisions_wider RENAME TO revisions;
CREATE INDEX revisions_by_entity ON revisions (entity, entity_id, id);
CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are append-only');
END;
CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
BEGIN
    SELECT RAISE(ABORT, 'revisions are append-only');
END;

-- The cycle a suggestion was published for (the one open, or else the next to open, when a
-- moderator published it): its rule decides whether the suggestion is owed a reply. NULL: no
-- cycle was open or upcoming then, or it was published before rules existed.
ALTER TABLE suggestions ADD COLUMN cycle_id INTEGER REFERENCES cycles (id);

-- 答复: one per item that crossed its cycle's threshold. The due dates are Beijing dates
-- counted in working days when it crossed; the half-way date is when an interim note
-- (阶段性答复) is expected. An extension (延期) is public, with its reason. The reply states a
-- decision, and for 不予采纳 a published reason code. Edits are audited and revisioned.
CREATE TABLE replies (
    id               INTEGER PRIMARY KEY,
    cycle_id         INTEGER NOT NULL REFERENCES cycles (id),
    item_kind        TEXT NOT NULL CHECK (item_kind IN ('suggestion', 'candidate')),
    item_id          INTEGER NOT NULL,
    crossed_at       INTEGER NOT NULL,
    due_on           TEXT NOT NULL,
    interim_on       TEXT NOT NULL,
    -- By name, like the rule it came from.
    department       TEXT NOT NULL,
    -- The colleague it is assigned to (a staff username), if any.
    assignee         TEXT,
    extended_to      TEXT,
    extension_reason TEXT,
    extended_at      INTEGER,
    interim_note     TEXT,
    interim_at       INTEGER,
    decision         TEXT
        CHECK (decision IN ('adopted', 'partly_adopted', 'already_planned', 'not_adopted')),
    reason_code      TEXT,
    body             TEXT,
    -- The topic or existing plan an adopted or already-planned reply points to.
    link             TEXT,
    replied_at       INTEGER,
    -- Reminders mailed to the department: as the due date nears, and when it passes.
    reminded_soon_at INTEGER,
    reminded_late_at INTEGER,
    UNIQUE (item_kind, item_id)
);
CREATE INDEX replies_waiting ON replies (replied_at, due_on);
