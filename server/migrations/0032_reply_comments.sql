-- 答复留言 (issue 35): a follower of an item may comment on its reply for three days after it is
-- posted (Join's window), from the signed link in the mail that told her of it — no account.
-- A moderator shows or withholds each comment; only shown ones are public, never with the
-- address. `follow_id` is cleared when she stops following (her address is deleted then), and
-- the comment stays as it was decided.
CREATE TABLE reply_comments (
    id           INTEGER PRIMARY KEY,
    reply_id     INTEGER NOT NULL REFERENCES replies (id) ON DELETE CASCADE,
    follow_id    INTEGER REFERENCES follows (id) ON DELETE SET NULL,
    body         TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    state        TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'shown', 'withheld')),
    moderated_by TEXT,
    moderated_at INTEGER,
    -- One comment per follow and reply: a second is refused (she is told hers is waiting).
    UNIQUE (reply_id, follow_id)
);
CREATE INDEX reply_comments_of ON reply_comments (reply_id, state);
