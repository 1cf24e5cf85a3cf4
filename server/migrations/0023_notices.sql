-- Notices waiting to be told to their followers (issue 33). A state change records one row in its
-- own transaction (the suggestion decided, the candidate became a topic, a topic's report or
-- policy or lists published, a task overdue); the teller then queues one outbox mail per
-- confirmed follower of (follow_kind, subject) in chunks, each committed with the mark of how far
-- it got (told_through, the last follow id), so a topic with 100,000 followers never holds an
-- editor's request, and a crash resumes without telling anyone twice. Only followers confirmed
-- by the notice's own time are told.
CREATE TABLE notices (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL,
    follow_kind  TEXT NOT NULL CHECK (follow_kind IN ('cycle', 'candidate', 'suggestion', 'topic')),
    subject      TEXT NOT NULL,
    -- The notice's fields (titles, page, dates) as JSON: what every follower's mail names.
    body         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    told_through INTEGER,
    told_at      INTEGER
);
CREATE INDEX notices_untold ON notices (told_at, id);

-- A task once told overdue is not told again (unless its due date moves and passes again).
ALTER TABLE tasks ADD COLUMN overdue_told_on TEXT;

-- When the follow last had news queued: an address that has heard nothing for the retention
-- period (a year) is deleted with its follow.
ALTER TABLE follows ADD COLUMN last_told_at INTEGER;
