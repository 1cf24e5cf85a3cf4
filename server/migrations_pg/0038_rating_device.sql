-- PostgreSQL twin of the SQLite migration migrations/0038_rating_device.sql.
-- 答复评价 (issue 36): the device a rating was sent from (`device`, the same keyed hash as
-- `voter`, never the token), beside the key it is counted under (`voter`: the backer, or the
-- author's device when she rates with her receipt on another phone). One phone is one rater
-- whichever way it rates — mail link, reply page, or receipt.
ALTER TABLE reply_ratings ADD COLUMN device TEXT;
CREATE INDEX reply_ratings_by_device ON reply_ratings (reply_id, round, device);
