-- When a suggestion was published or not, and when it became a candidate (issue 33): the
-- receipt page shows its author the whole timeline, dated. NULL on rows decided before this
-- column existed (their date is in the audit log, not guessed here).
ALTER TABLE suggestions ADD COLUMN decided_at INTEGER;
ALTER TABLE suggestions ADD COLUMN promoted_at INTEGER;
