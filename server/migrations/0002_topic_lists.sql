-- One plan and three lists (一方案、三清单) per monthly topic, plus dated reports.
-- Statuses are stored as staff record them; "overdue" is computed from the due date on read.

-- The plan is kept as the author's Markdown and as sanitised HTML rendered when it is saved.
ALTER TABLE topics ADD COLUMN plan_markdown TEXT NOT NULL DEFAULT '';
ALTER TABLE topics ADD COLUMN plan_html TEXT NOT NULL DEFAULT '';

-- 任务清单
CREATE TABLE tasks (
    id                  INTEGER PRIMARY KEY,
    topic_id            INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    problem_id          INTEGER REFERENCES problems (id),
    position            INTEGER NOT NULL,
    title               TEXT NOT NULL,
    owner_department_id INTEGER NOT NULL REFERENCES departments (id),
    level               TEXT NOT NULL CHECK (level IN ('city', 'district', 'street')),
    due_date            TEXT NOT NULL,
    state               TEXT NOT NULL CHECK (state IN ('not_started', 'in_progress', 'done')),
    done_date           TEXT,
    is_sample           INTEGER NOT NULL CHECK (is_sample IN (0, 1)),
    CHECK ((state = 'done') = (done_date IS NOT NULL))
);
CREATE INDEX tasks_by_topic ON tasks (topic_id, position);
CREATE INDEX tasks_by_owner ON tasks (owner_department_id);

-- 责任清单
CREATE TABLE responsibilities (
    id            INTEGER PRIMARY KEY,
    topic_id      INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    duty          TEXT NOT NULL,
    department_id INTEGER NOT NULL REFERENCES departments (id),
    level         TEXT NOT NULL CHECK (level IN ('city', 'district', 'street')),
    batch         INTEGER NOT NULL CHECK (batch BETWEEN 1 AND 5),
    is_sample     INTEGER NOT NULL CHECK (is_sample IN (0, 1))
);
CREATE INDEX responsibilities_by_topic ON responsibilities (topic_id, level, batch, position);
CREATE INDEX responsibilities_by_department ON responsibilities (department_id);

-- 政策清单 of a topic (policies may answer problems of other years too)
CREATE TABLE topic_policies (
    topic_id  INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    policy_id INTEGER NOT NULL REFERENCES policies (id) ON DELETE CASCADE,
    PRIMARY KEY (topic_id, policy_id)
);

ALTER TABLE policies ADD COLUMN is_sample INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1));

-- 月度进展 and supervision notes
CREATE TABLE reports (
    id            INTEGER PRIMARY KEY,
    topic_id      INTEGER NOT NULL REFERENCES topics (id) ON DELETE CASCADE,
    report_date   TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('progress', 'supervision')),
    title         TEXT NOT NULL,
    body_markdown TEXT NOT NULL,
    body_html     TEXT NOT NULL,
    author        TEXT NOT NULL,
    is_sample     INTEGER NOT NULL CHECK (is_sample IN (0, 1))
);
CREATE INDEX reports_by_topic ON reports (topic_id, report_date);
