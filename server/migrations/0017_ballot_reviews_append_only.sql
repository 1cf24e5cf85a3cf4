-- A moderator's decision on a held ballot is part of the count's record: like the ballots
-- themselves it may be neither changed (0006) nor deleted (issue 15).
CREATE TRIGGER ballot_reviews_no_delete BEFORE DELETE ON ballot_reviews
BEGIN
    SELECT RAISE(ABORT, 'reviews are append-only');
END;
