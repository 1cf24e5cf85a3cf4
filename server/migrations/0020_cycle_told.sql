-- When followers of a voting round were told it closed (issue 33): NULL until the notices are
-- queued, so each closing is told once, by whichever instance gets there first.
ALTER TABLE cycles ADD COLUMN closing_told_at INTEGER;
