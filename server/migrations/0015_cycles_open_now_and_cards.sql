-- 待开始: a cycle created to open today waits for an editor's 现在开始投票 (after its candidates
-- are in), instead of opening at a midnight already past with an empty ballot.
ALTER TABLE cycles ADD COLUMN awaits_open INTEGER NOT NULL DEFAULT 0 CHECK (awaits_open IN (0, 1));

-- 证据卡片: a hotline candidate's evidence as figures (JSON of app::model::EvidenceCard), so the
-- ballot shows one number, one direction and one sentence in the reader's language.
ALTER TABLE cycle_candidates ADD COLUMN evidence_card TEXT;
