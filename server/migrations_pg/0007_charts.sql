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

-- Append-only, as in SQLite: BEFORE UPDATE / DELETE row triggers (refuse_change, 0003).
CREATE TRIGGER chart_versions_no_update BEFORE UPDATE ON chart_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_change('chart versions are append-only');

CREATE TRIGGER chart_versions_no_delete BEFORE DELETE ON chart_versions
    FOR EACH ROW EXECUTE FUNCTION refuse_change('chart versions are append-only');
