-- The question log on Workers (binding FEEDBACK_DB, beside feedback): one row per answered
-- question, the record as JSON (questionLogRecordSchema, src/core/question-log.ts) and its time
-- for expiry (QUESTION_LOG_DAYS) and `report:gaps --since`.
-- Apply: npx wrangler d1 migrations apply FEEDBACK_DB --local   (or --remote for the deployed database)
CREATE TABLE question_log (
  id TEXT PRIMARY KEY,
  asked_at TEXT NOT NULL,
  record TEXT NOT NULL
);
CREATE INDEX question_log_asked_at ON question_log (asked_at);
