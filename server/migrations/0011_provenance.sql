-- Provenance is per item (DESIGN §5): every problem and policy says who vouches for it.
--
-- origin: 'facts' rows come from shared/facts (or are invented demo rows flagged 'sample') and
-- keep the facts file's confidence; 'staff' rows were entered by an editor. A staff row is never
-- 已证实 on its own word: it reads 官方发布 with published_by / published_on (the publishing
-- department and date), or 暂无来源, until it carries a source of its own (URL and title).
-- Staff rows store confidence 'uncertain' (nothing vouches for them yet); readers use origin.
--
-- source_title / repost_of: the titles of the cited pages (parallel to the ';'-separated source
-- list) and, for a repost on a third-party site, the outlet it credits (shown 转载（待核实）).

ALTER TABLE problems ADD COLUMN origin TEXT NOT NULL DEFAULT 'facts'
    CHECK (origin IN ('facts', 'staff'));
ALTER TABLE problems ADD COLUMN published_by TEXT;
ALTER TABLE problems ADD COLUMN published_on TEXT;
ALTER TABLE problems ADD COLUMN source_title TEXT;
ALTER TABLE problems ADD COLUMN repost_of TEXT;

ALTER TABLE policies ADD COLUMN origin TEXT NOT NULL DEFAULT 'facts'
    CHECK (origin IN ('facts', 'staff'));
ALTER TABLE policies ADD COLUMN published_by TEXT;
ALTER TABLE policies ADD COLUMN published_on TEXT;
ALTER TABLE policies ADD COLUMN source_title TEXT;
ALTER TABLE policies ADD COLUMN repost_of TEXT;

-- Items editors made before this migration: drafted policies have no `answers` and are not
-- sample; problems added to a topic have no source and a real (not sample) assignment.
UPDATE policies SET origin = 'staff', confidence = 'uncertain',
                    published_by = issuer, published_on = issued
 WHERE answers = '' AND is_sample = 0;
UPDATE problems SET origin = 'staff', confidence = 'uncertain'
 WHERE source IS NULL AND assignment_is_sample = 0 AND confidence <> 'sample';
UPDATE problems SET published_by = (
        SELECT d.name FROM topics t JOIN departments d ON d.id = t.lead_department_id
         WHERE t.id = problems.topic_id)
 WHERE origin = 'staff';

-- 来源所载: what the sources report about a problem (lead department, measures, outcomes,
-- oversight, baselines, notes), each with its own confidence and sources.
CREATE TABLE problem_facts (
    id           INTEGER PRIMARY KEY,
    problem_id   INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    kind         TEXT NOT NULL
        CHECK (kind IN ('lead', 'cooperating', 'measure', 'outcome', 'oversight', 'baseline',
                        'context', 'note')),
    text         TEXT NOT NULL,
    confidence   TEXT NOT NULL CHECK (confidence IN ('confirmed', 'inferred', 'uncertain')),
    source       TEXT,
    source_title TEXT,
    repost_of    TEXT
);
CREATE INDEX problem_facts_by_problem ON problem_facts (problem_id, position);

-- Outcomes a year reports with their own provenance (the seed's year_outcomes have only text).
CREATE TABLE year_facts (
    id           INTEGER PRIMARY KEY,
    year         INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    confidence   TEXT NOT NULL CHECK (confidence IN ('confirmed', 'inferred', 'uncertain')),
    source       TEXT,
    source_title TEXT,
    repost_of    TEXT
);
