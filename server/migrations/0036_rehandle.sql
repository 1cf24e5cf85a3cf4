-- 重办 (issue 36): a reply most of whose raters say the problem was not solved is handled again.
-- The first answer is kept beside the reply (`first_*`), the reply's own answer columns are
-- cleared for the second, and `redo_due_on` is the new date judged (Beijing, working days from
-- the day it reopened). Once per reply: a second dissatisfied answer goes to the editors' desk.
ALTER TABLE replies ADD COLUMN reopened_at INTEGER;
ALTER TABLE replies ADD COLUMN redo_due_on TEXT;
ALTER TABLE replies ADD COLUMN first_decision TEXT
    CHECK (first_decision IN ('adopted', 'partly_adopted', 'already_planned', 'not_adopted'));
ALTER TABLE replies ADD COLUMN first_reason_code TEXT;
ALTER TABLE replies ADD COLUMN first_body TEXT;
ALTER TABLE replies ADD COLUMN first_link TEXT;
ALTER TABLE replies ADD COLUMN first_replied_at INTEGER;

-- A rating judges one answer: `round` 1 the first, 2 the one after 重办, so a resident may rate
-- each once. SQLite cannot change a table's UNIQUE constraints, so the table is rebuilt with
-- the round in them, its rows copied over unchanged.
CREATE TABLE reply_ratings_rounds (
    id         INTEGER PRIMARY KEY,
    reply_id   INTEGER NOT NULL REFERENCES replies (id) ON DELETE CASCADE,
    round      INTEGER NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
    follow_id  INTEGER REFERENCES follows (id) ON DELETE SET NULL,
    voter      TEXT,
    solved     INTEGER NOT NULL CHECK (solved BETWEEN 1 AND 5),
    attitude   INTEGER NOT NULL CHECK (attitude BETWEEN 1 AND 5),
    speed      INTEGER NOT NULL CHECK (speed BETWEEN 1 AND 5),
    created_at INTEGER NOT NULL,
    state      TEXT NOT NULL DEFAULT 'counted' CHECK (state IN ('counted', 'held', 'rejected')),
    UNIQUE (reply_id, round, follow_id),
    UNIQUE (reply_id, round, voter)
);
INSERT INTO reply_ratings_rounds
    (id, reply_id, follow_id, voter, solved, attitude, speed, created_at, state)
    SELECT id, reply_id, follow_id, voter, solved, attitude, speed, created_at, state
    FROM reply_ratings;
DROP TABLE reply_ratings;
ALTER TABLE reply_ratings_rounds RENAME TO reply_ratings;
CREATE INDEX reply_ratings_of ON reply_ratings (reply_id, round, state);
