/**
 * The schema, as numbered steps applied once each, in order, at start (`migrate`). A step is
 * never edited once released: a change is a new step.
 */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'feedback, Slack deliveries and answers',
    sql: `
      CREATE TABLE feedback (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        received_at timestamptz NOT NULL,
        record jsonb NOT NULL
      );
      CREATE TABLE slack_deliveries (
        key text PRIMARY KEY,
        seen_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX slack_deliveries_seen_at ON slack_deliveries (seen_at);
      CREATE TABLE slack_answers (
        answer_id text PRIMARY KEY,
        answer jsonb NOT NULL,
        saved_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX slack_answers_saved_at ON slack_answers (saved_at);
    `,
  },
  {
    version: 2,
    name: 'question log',
    sql: `
      CREATE TABLE question_log (
        seq bigserial PRIMARY KEY,
        id text NOT NULL UNIQUE,
        asked_at timestamptz NOT NULL,
        record jsonb NOT NULL
      );
      CREATE INDEX question_log_asked_at ON question_log (asked_at);
    `,
  },
];
