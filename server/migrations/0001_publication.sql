-- The published record of 每月一题: years, departments, monthly topics, problems, policies,
-- upcoming candidates and the hotline figures. Portable SQL (SQLite now, PostgreSQL later):
-- no engine-specific types, dates as ISO-8601 text, booleans as 0/1 integers.

CREATE TABLE dataset_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- 年度
CREATE TABLE years (
    year             INTEGER PRIMARY KEY,
    problem_count    INTEGER NOT NULL CHECK (problem_count >= 0),
    categories       INTEGER,
    tasks            INTEGER,
    policies         INTEGER,
    satisfaction_pct REAL,
    announced        TEXT,
    note             TEXT,
    source           TEXT NOT NULL
);

CREATE TABLE year_outcomes (
    id       INTEGER PRIMARY KEY,
    year     INTEGER NOT NULL REFERENCES years (year) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text     TEXT NOT NULL
);

-- 部门
CREATE TABLE departments (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- 主题: one month's theme
CREATE TABLE topics (
    id                 INTEGER PRIMARY KEY,
    year               INTEGER NOT NULL REFERENCES years (year),
    month              INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
    theme              TEXT NOT NULL,
    summary            TEXT NOT NULL,
    lead_department_id INTEGER REFERENCES departments (id),
    is_sample          INTEGER NOT NULL CHECK (is_sample IN (0, 1)),
    UNIQUE (year, month)
);

CREATE TABLE topic_cooperating (
    topic_id      INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    PRIMARY KEY (topic_id, department_id)
);

-- 问题
CREATE TABLE problems (
    id                   INTEGER PRIMARY KEY,
    year                 INTEGER NOT NULL REFERENCES years (year),
    position             INTEGER NOT NULL,
    title                TEXT NOT NULL,
    confidence           TEXT NOT NULL
        CHECK (confidence IN ('confirmed', 'inferred', 'uncertain', 'sample')),
    source               TEXT,
    month                INTEGER CHECK (month BETWEEN 1 AND 12),
    topic_id             INTEGER REFERENCES topics (id),
    lead_department_id   INTEGER REFERENCES departments (id),
    assignment_is_sample INTEGER NOT NULL CHECK (assignment_is_sample IN (0, 1)),
    UNIQUE (year, title)
);
CREATE INDEX problems_by_year ON problems (year, position);

CREATE TABLE problem_cooperating (
    problem_id    INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    PRIMARY KEY (problem_id, department_id)
);

-- 政策
CREATE TABLE policies (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL UNIQUE,
    doc_no     TEXT,
    issuer     TEXT NOT NULL,
    passed     TEXT,
    issued     TEXT,
    effective  TEXT,
    answers    TEXT NOT NULL,
    confidence TEXT NOT NULL
        CHECK (confidence IN ('confirmed', 'inferred', 'uncertain', 'sample')),
    source     TEXT
);

CREATE TABLE problem_policies (
    problem_id INTEGER NOT NULL REFERENCES problems (id) ON DELETE CASCADE,
    policy_id  INTEGER NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
    PRIMARY KEY (problem_id, policy_id)
);

-- 候选议题
CREATE TABLE candidates (
    id        INTEGER PRIMARY KEY,
    position  INTEGER NOT NULL,
    title     TEXT NOT NULL,
    summary   TEXT NOT NULL,
    is_sample INTEGER NOT NULL CHECK (is_sample IN (0, 1))
);

-- 12345 热线 figures as the press reported them
CREATE TABLE hotline_figures (
    id                INTEGER PRIMARY KEY,
    position          INTEGER NOT NULL,
    period            TEXT NOT NULL,
    requests          TEXT NOT NULL,
    resolution_rate   TEXT,
    satisfaction_rate TEXT,
    source            TEXT NOT NULL
);
