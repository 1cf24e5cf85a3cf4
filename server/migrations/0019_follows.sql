-- 关注 (follows) and the outbox (待发通知), issue 33.
--
-- A follow is an email address that asked to hear about one item. The address is personal data
-- (PIPL): used only for these mails, shown to no one (staff included), never logged or exported,
-- deleted with the follow on unsubscribe. Links in mails are signed (HMAC of the follow's id), so
-- no token is stored.
CREATE TABLE follows (
    -- AUTOINCREMENT: an id is never used twice, so a stopped follow's signed links can never
    -- name a later follow (SQLite would otherwise reuse the highest id once it is deleted).
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    address      TEXT NOT NULL,
    locale       TEXT NOT NULL CHECK (locale IN ('zh-CN', 'en')),
    kind         TEXT NOT NULL CHECK (kind IN ('cycle', 'candidate', 'suggestion', 'topic')),
    subject      TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    confirmed_at INTEGER
);
CREATE UNIQUE INDEX follows_once ON follows (address, kind, subject);
CREATE INDEX follows_of ON follows (kind, subject);

-- A notification waiting to be delivered, written in the same transaction as what caused it.
-- Channel-neutral: mail is the first sender; another channel adds rows of its own kind. A
-- sender leases a row (`claimed_until`), delivers it and stamps `sent_at`; a failure backs off
-- (`next_attempt_at`). `message_id` is stable, so a resend after a crash is recognisable.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    channel         TEXT NOT NULL CHECK (channel IN ('mail')),
    follow_id       INTEGER NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
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
    last_error      TEXT
);
CREATE INDEX outbox_waiting ON outbox (sent_at, next_attempt_at);
CREATE INDEX outbox_of_follow ON outbox (follow_id);
