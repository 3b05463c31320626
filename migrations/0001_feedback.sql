-- PolicyDesk feedback on Workers (binding FEEDBACK_DB): one row per record, the same fields as
-- the Node service's JSON lines (src/http/feedback/feedback-store.ts, feedbackRecordSchema).
-- Apply: npx wrangler d1 migrations apply FEEDBACK_DB --local   (or --remote for the deployed database)
CREATE TABLE feedback (
  id TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  source TEXT CHECK (source IN ('web', 'slack')),
  answer_id TEXT NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
  question_id TEXT,
  question TEXT,
  comment TEXT,
  expected_passage_id TEXT
);
CREATE INDEX feedback_received_at ON feedback (received_at);
