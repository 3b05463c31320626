import type { Corpus } from '../core/corpus.js';
import { parseConfig } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import { buildGapReport } from '../insights/build-gap-report.js';
import { gapDigestMessage } from '../insights/gap-digest-blocks.js';
import { groupByNearestPoint } from '../insights/group-by-nearest-point.js';
import { postSlackMessage } from '../insights/post-slack-digest.js';
import { D1FeedbackStore } from '../store/d1-feedback-store.js';
import { D1QuestionLog } from '../store/d1-question-log.js';
import { envStrings, type WorkerEnv } from './worker-env.js';
import { parseWorkerSettings } from './worker-settings.js';

/** The period each digest covers: the week before the Cron Trigger fires. */
export const GAP_DIGEST_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The Worker's weekly gap digest (the `[triggers] crons` of wrangler.toml): the last week's
 * declined, low-confidence and 👎 questions from D1, grouped by the passage retrieval found
 * nearest to each (the Worker has no local embedding model to group by meaning; the digest says
 * so), posted with the same Block Kit message as `npm run report:gaps -- --post-slack`. Without
 * GAPS_SLACK_CHANNEL, SLACK_BOT_TOKEN or the FEEDBACK_DB binding it logs why and posts nothing.
 * Resolves with what it did; a failed read or post rejects (the invocation shows as failed).
 */
export async function postWeeklyGapDigest(args: { env: WorkerEnv; corpus: () => Corpus; logger: Logger; now: number }): Promise<'posted' | 'off'> {
  const { env, logger } = args;
  const channel = parseWorkerSettings(env).GAPS_SLACK_CHANNEL;
  const config = parseConfig(envStrings(env));
  const missing = [!channel && 'the GAPS_SLACK_CHANNEL var', !config.SLACK_BOT_TOKEN && 'the SLACK_BOT_TOKEN secret', !env.FEEDBACK_DB && 'the FEEDBACK_DB binding'].filter(Boolean);
  if (missing.length > 0 || !env.FEEDBACK_DB || !config.SLACK_BOT_TOKEN) {
    logger.info({ msg: 'gap digest not posted', reason: `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set` });
    return 'off';
  }
  const until = new Date(args.now);
  const since = new Date(args.now - GAP_DIGEST_DAYS * DAY_MS);
  const previousSince = new Date(args.now - 2 * GAP_DIGEST_DAYS * DAY_MS).toISOString();
  const [questions, feedback] = await Promise.all([new D1QuestionLog(env.FEEDBACK_DB).list({ since: previousSince }), new D1FeedbackStore(env.FEEDBACK_DB).list()]);
  const report = await buildGapReport({ questions, feedback, corpus: args.corpus(), grouping: groupByNearestPoint(), since, until, now: until });
  // No link: the Worker keeps no report for GET /admin/gaps to serve.
  await postSlackMessage({ ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}), botToken: config.SLACK_BOT_TOKEN, channel, message: gapDigestMessage(report) });
  logger.info({ msg: 'gap digest posted', channel, questions: report.totals.questions, groups: report.groups.length, groupedBy: report.groupedBy });
  return 'posted';
}
