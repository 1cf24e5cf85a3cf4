-- 重办 (issue 36): a reply most of whose raters say the problem was not solved is handled again.
-- The first answer is kept beside the reply (`first_*`), the reply's own answer columns are
-- cleared for the second, and `redo_due_on` is the new date judged (Beijing, working days from
-- the day it reopened). Once per reply: a second dissatisfied answer goes to the editors' desk.
ALTER TABLE replies ADD COLUMN reopened_at BIGINT;
ALTER TABLE replies ADD COLUMN redo_due_on TEXT;
ALTER TABLE replies ADD COLUMN first_decision TEXT
    CHECK (first_decision IN ('adopted', 'partly_adopted', 'already_planned', 'not_adopted'));
ALTER TABLE replies ADD COLUMN first_reason_code TEXT;
ALTER TABLE replies ADD COLUMN first_body TEXT;
ALTER TABLE replies ADD COLUMN first_link TEXT;
ALTER TABLE replies ADD COLUMN first_replied_at BIGINT;

-- A rating judges one answer: `round` 1 the first, 2 the one after 重办, so a resident may rate
-- each once.
ALTER TABLE reply_ratings ADD COLUMN round INTEGER NOT NULL DEFAULT 1 CHECK (round IN (1, 2));
ALTER TABLE reply_ratings DROP CONSTRAINT reply_ratings_reply_id_follow_id_key;
ALTER TABLE reply_ratings DROP CONSTRAINT reply_ratings_reply_id_voter_key;
ALTER TABLE reply_ratings ADD UNIQUE (reply_id, round, follow_id);
ALTER TABLE reply_ratings ADD UNIQUE (reply_id, round, voter);
DROP INDEX reply_ratings_of;
CREATE INDEX reply_ratings_of ON reply_ratings (reply_id, round, state);
