-- Participation (点菜): voting cycles, candidates, append-only ballots, one-time paper voting
-- codes, moderation of held ballots, residents' suggestions, and the server's secret keys.

-- Keys for signing device tokens and proof-of-work challenges, made on first start and shared
-- by every server instance on this database.
CREATE TABLE secrets (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- 选题征集. Rules (picks, tally visibility, dates) are frozen once it opens: the store refuses
-- changes after `opens_at`.
CREATE TABLE cycles (
    id         INTEGER PRIMARY KEY,
    slug       TEXT NOT NULL UNIQUE,
    title      TEXT NOT NULL,
    target     TEXT NOT NULL,
    opens_at   INTEGER NOT NULL,
    closes_at  INTEGER NOT NULL,
    max_picks  INTEGER NOT NULL CHECK (max_picks BETWEEN 1 AND 20),
    live_tally INTEGER NOT NULL CHECK (live_tally IN (0, 1)),
    is_sample  INTEGER NOT NULL CHECK (is_sample IN (0, 1)),
    CHECK (closes_at > opens_at)
);

-- 我要点菜: residents' suggestions, moderated before they are public.
CREATE TABLE suggestions (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    district    TEXT NOT NULL,
    category    TEXT NOT NULL,
    receipt     TEXT NOT NULL UNIQUE,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'published', 'rejected')),
    reason      TEXT,
    voter       TEXT NOT NULL,
    created_at  INTEGER NOT NULL
);

CREATE TABLE suggestion_supports (
    suggestion_id INTEGER NOT NULL REFERENCES suggestions (id),
    voter         TEXT NOT NULL,
    at            INTEGER NOT NULL,
    PRIMARY KEY (suggestion_id, voter)
);

-- 候选议题 of a cycle.
CREATE TABLE cycle_candidates (
    id              INTEGER PRIMARY KEY,
    cycle_id        INTEGER NOT NULL REFERENCES cycles (id),
    position        INTEGER NOT NULL,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL,
    evidence        TEXT NOT NULL,
    suggestion_id   INTEGER REFERENCES suggestions (id),
    -- The topic it became, by month: topics are reloaded with the dataset, cycles are not.
    became_year     INTEGER,
    became_month    INTEGER,
    is_sample       INTEGER NOT NULL CHECK (is_sample IN (0, 1))
);
CREATE INDEX cycle_candidates_by_cycle ON cycle_candidates (cycle_id, position);

-- 选票: every submission, never changed or deleted. The voter's latest accepted ballot counts.
-- `voter` is a keyed hash (of the device id or the paper code), never the code itself.
CREATE TABLE ballots (
    id         INTEGER PRIMARY KEY,
    cycle_id   INTEGER NOT NULL REFERENCES cycles (id),
    voter      TEXT NOT NULL,
    tier       TEXT NOT NULL CHECK (tier IN ('verified', 'unverified')),
    picks      TEXT NOT NULL,
    receipt    TEXT NOT NULL UNIQUE,
    status     TEXT NOT NULL CHECK (status IN ('counted', 'quarantined', 'rejected')),
    reason     TEXT,
    network    TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX ballots_by_voter ON ballots (cycle_id, voter, id);
CREATE INDEX ballots_by_network ON ballots (cycle_id, network, created_at);
CREATE TRIGGER ballots_no_update BEFORE UPDATE ON ballots
BEGIN
    SELECT RAISE(ABORT, 'ballots are append-only');
END;
CREATE TRIGGER ballots_no_delete BEFORE DELETE ON ballots
BEGIN
    SELECT RAISE(ABORT, 'ballots are append-only');
END;

-- A moderator's decision on a held ballot; one per ballot, also append-only.
CREATE TABLE ballot_reviews (
    ballot_id INTEGER PRIMARY KEY REFERENCES ballots (id),
    decision  TEXT NOT NULL CHECK (decision IN ('counted', 'rejected')),
    moderator TEXT NOT NULL,
    at        INTEGER NOT NULL
);
CREATE TRIGGER ballot_reviews_no_update BEFORE UPDATE ON ballot_reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;

-- 投票码: one-time paper codes handed out by community workers; only a hash is stored.
CREATE TABLE voting_codes (
    code_hash  TEXT PRIMARY KEY,
    cycle_id   INTEGER NOT NULL REFERENCES cycles (id),
    district   TEXT NOT NULL,
    batch      INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
-- The primary key is what makes a code work once, even for two submissions at the same time.
CREATE TABLE code_uses (
    code_hash TEXT PRIMARY KEY REFERENCES voting_codes (code_hash),
    ballot_id INTEGER NOT NULL REFERENCES ballots (id)
);

-- Proofs of work already spent, so one solution cannot be replayed.
CREATE TABLE used_proofs (
    proof    TEXT PRIMARY KEY,
    at       INTEGER NOT NULL
);

-- The running tally, moved in the same transaction as each ballot. Derived data: the integrity
-- report recomputes it from the ballots and says whether the two agree.
CREATE TABLE tallies (
    cycle_id     INTEGER NOT NULL REFERENCES cycles (id),
    candidate_id INTEGER NOT NULL REFERENCES cycle_candidates (id),
    tier         TEXT NOT NULL CHECK (tier IN ('verified', 'unverified')),
    approvals    INTEGER NOT NULL,
    PRIMARY KEY (candidate_id, tier)
);
