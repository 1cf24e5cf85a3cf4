-- PostgreSQL twin of the SQLite migration migrations/0026_delay_dates.sql.
-- A delay reason with dates of its own (issue 34): the Beijing day the department gave (or last
-- changed) it, and the new date it expects the task done by. Both NULL while no reason is
-- given, and cleared with it.
ALTER TABLE tasks ADD COLUMN delay_on TEXT;
ALTER TABLE tasks ADD COLUMN delay_expected TEXT;
