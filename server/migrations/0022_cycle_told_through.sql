-- How far the followers of a closed round have been told (issue 33): the last follow id whose
-- notice is queued. A round with many followers is told in chunks, each its own short
-- transaction with this mark, so no ballot waits behind 100,000 notices being written;
-- closing_told_at is set with the last chunk.
ALTER TABLE cycles ADD COLUMN closing_told_through INTEGER;
