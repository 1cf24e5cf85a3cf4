-- PostgreSQL twin of the SQLite migration migrations/0034_reply_reminders.sql.
-- 答复提醒 (issue 35): a department names the office mailbox its reply reminders go to (not a
-- person's: whoever is on duty reads it), and the outbox carries mails to it. A staff mail has
-- an address of its own and no follow; a follower's has a follow and no address.
ALTER TABLE departments ADD COLUMN reply_address TEXT;
ALTER TABLE outbox ALTER COLUMN follow_id DROP NOT NULL;
ALTER TABLE outbox ADD COLUMN address TEXT;
ALTER TABLE outbox ADD CONSTRAINT outbox_one_recipient
    CHECK ((follow_id IS NULL) <> (address IS NULL));
