-- What a rated answer was (issue: feedback that can be reviewed): the answer text as shown, the
-- passage ids it cited and the turns before it (JSON text), its mode and confidence.
-- Apply: npx wrangler d1 migrations apply FEEDBACK_DB --local   (or --remote for the deployed database)
ALTER TABLE feedback ADD COLUMN answer TEXT;
ALTER TABLE feedback ADD COLUMN cited_ids TEXT;
ALTER TABLE feedback ADD COLUMN mode TEXT;
ALTER TABLE feedback ADD COLUMN confidence TEXT CHECK (confidence IN ('high', 'low'));
ALTER TABLE feedback ADD COLUMN history TEXT;
