-- PostgreSQL twin of the SQLite migration migrations/0031_not_chosen.sql.
-- 未入选理由 (issue 35): a candidate of a closed round that did not become a topic says why, as a
-- published code (its words in the reader's language) with the editor's note beside it.
ALTER TABLE cycle_candidates ADD COLUMN not_chosen_code TEXT
    CHECK (not_chosen_code IN ('fewer_votes', 'merged', 'already_planned', 'out_of_remit',
                               'later_round', 'other'));
ALTER TABLE cycle_candidates ADD COLUMN not_chosen_note TEXT;
