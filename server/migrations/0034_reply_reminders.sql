-- 答复提醒 (issue 35): a department names the office mailbox its reply reminders go to (not a
-- person's: whoever is on duty reads it), and the outbox carries mails to it. A staff mail has
-- an address of its own and no follow; a follower's has a follow and no address.
ALTER TABLE departments ADD COLUMN reply_address TEXT;

-- SQLite cannot drop NOT NULL in place: the outbox is rebuilt with the same rows.
CREATE TABLE outbox_next (
    id              INTEGER PRIMARY KEY,
    channel         TEXT NOT NULL CHECK (channel IN ('mail')),
    follow_id       INTEGER REFERENCES follows (id) ON DELETE CASCADE,
    address         TEXT,
    kind            TEXT NOT NULL,
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    unsubscribe     TEXT NOT NULL,
    message_id      TEXT NOT NULL UNIQUE,
    created_at      INTEGER NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    claimed_until   INTEGER,
    sent_at         INTEGER,
    last_error      TEXT,
    CHECK ((follow_id IS NULL) <> (address IS NULL))
);
INSERT INTO outbox_next (id, channel, follow_id, kind, subject, body_text, body_html, unsubscribe,
                         message_id, created_at, attempts, next_attempt_at, claimed_until, sent_at,
                         last_error)
SELECT id, channel, follow_id, kind, subject, body_text, body_html, unsubscribe, message_id,
       created_at, attempts, next_attempt_at, claimed_until, sent_at, last_error
FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX outbox_waiting ON outbox (sent_at, next_attempt_at);
CREATE INDEX outbox_of_follow ON outbox (follow_id);
