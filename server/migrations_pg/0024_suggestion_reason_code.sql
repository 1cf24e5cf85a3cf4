-- PostgreSQL twin of the SQLite migration migrations/0024_suggestion_reason_code.sql.
-- Why a suggestion was not published, as a code (issue 33): its author reads the reason in her
-- own language, on the receipt page and in the mail, and the moderator's words (`reason`) are
-- an optional note beside it. Older rows have a note and no code.
ALTER TABLE suggestions ADD COLUMN reason_code TEXT
    CHECK (reason_code IN ('personal', 'duplicate', 'out_of_scope', 'personal_data', 'uncivil',
                           'unclear', 'other'));
