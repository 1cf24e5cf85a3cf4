-- PostgreSQL twin of the SQLite migration migrations/0007_charts.sql.
-- Chart data versions: every version of a chart's data the portal has shown, so an embed that
-- pins ?v= keeps showing the figures its article was written about. Append-only.
CREATE TABLE chart_versions (
    chart_id   TEXT NOT NULL,
    version    TEXT NOT NULL,
    data       TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    PRIMARY KEY (chart_id, version)
);

-- Append-only, as in SQLite: one PL/pgSQL function behind BEFORE UPDATE / DELETE row triggers.
CREATE OR REPLACE FUNCTION chart_versions_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'chart versions are append-only';
END;
$$;

CREATE TRIGGER chart_versions_no_update BEFORE UPDATE ON chart_versions
    FOR EACH ROW EXECUTE FUNCTION chart_versions_append_only();

CREATE TRIGGER chart_versions_no_delete BEFORE DELETE ON chart_versions
    FOR EACH ROW EXECUTE FUNCTION chart_versions_append_only();
