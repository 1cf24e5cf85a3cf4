-- PostgreSQL twin of the SQLite migration migrations/0037_ratings_here.sql.
-- 答复评价 on the reply's own page (issue 36): the device that supported the item (its "me too",
-- its suggestion, or its ballot for the candidate), or the suggestion's author with her receipt,
-- rates the reply as `voter`. Checked like ballots: the network it came from (`network`, a /24 or
-- /48, never the address) counts toward the daily allowance per network, beyond which a rating
-- is held (`state` = 'held', `reason`) for a moderator, never dropped. Follower ratings from the
-- mail link have neither.
ALTER TABLE reply_ratings ADD COLUMN network TEXT;
ALTER TABLE reply_ratings ADD COLUMN reason TEXT;
-- Who decided on a held rating, and when (the audit log keeps the same line).
ALTER TABLE reply_ratings ADD COLUMN reviewed_by TEXT;
ALTER TABLE reply_ratings ADD COLUMN reviewed_at BIGINT;
CREATE INDEX reply_ratings_by_network ON reply_ratings (reply_id, network, created_at);
