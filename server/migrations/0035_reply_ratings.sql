-- 答复评价 (issue 36): a resident the reply answers grades it 1–5 on 解决程度, 办理态度 and
-- 办理速度, once, within fifteen days of it. From a follower's signed link today (`follow_id`,
-- cleared when she stops following; the scores stay counted); from the device that supported
-- the item later (`voter`). Held ratings (`state`) wait for a moderator and are never dropped.
CREATE TABLE reply_ratings (
    id         INTEGER PRIMARY KEY,
    reply_id   INTEGER NOT NULL REFERENCES replies (id) ON DELETE CASCADE,
    follow_id  INTEGER REFERENCES follows (id) ON DELETE SET NULL,
    voter      TEXT,
    solved     INTEGER NOT NULL CHECK (solved BETWEEN 1 AND 5),
    attitude   INTEGER NOT NULL CHECK (attitude BETWEEN 1 AND 5),
    speed      INTEGER NOT NULL CHECK (speed BETWEEN 1 AND 5),
    created_at INTEGER NOT NULL,
    state      TEXT NOT NULL DEFAULT 'counted' CHECK (state IN ('counted', 'held', 'rejected')),
    UNIQUE (reply_id, follow_id),
    UNIQUE (reply_id, voter)
);
CREATE INDEX reply_ratings_of ON reply_ratings (reply_id, state);
