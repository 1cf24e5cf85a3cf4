-- "我也要" (me too) support is checked like a ballot (issue 14, point 3): one per device, a
-- per-network limit and proof of work, and beyond the daily allowance per network it is held
-- for a moderator (status 'quarantined', reason 'network_day') instead of counted. Only
-- counted support is shown and sorts the public list. Existing support stays counted.
ALTER TABLE suggestion_supports ADD COLUMN status TEXT NOT NULL DEFAULT 'counted'
    CHECK (status IN ('counted', 'quarantined', 'rejected'));
ALTER TABLE suggestion_supports ADD COLUMN reason TEXT;
ALTER TABLE suggestion_supports ADD COLUMN network TEXT NOT NULL DEFAULT '';
CREATE INDEX suggestion_supports_by_network ON suggestion_supports (suggestion_id, network, at);
