-- PostgreSQL twin of the SQLite migration migrations/0025_login_failure_network.sql.
-- Sign-in failures by network as well as by address (issue 34): forty addresses in one /24 each
-- got their own five free guesses. The network (IPv4 /24, IPv6 /48) is kept beside the address;
-- older rows have none and count only by address.
ALTER TABLE login_failures ADD COLUMN network TEXT NOT NULL DEFAULT '';
CREATE INDEX login_failures_by_network ON login_failures (network, at);
