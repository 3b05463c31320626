import type { App } from '@slack/bolt';
import { answerMessage } from './answer-blocks.js';
import { answerInThread, type ThreadQuestion } from './answer-in-thread.js';
import { apologyFor } from './apology.js';
import { fitText } from './fit-text.js';
import { logWarning } from '../core/logger.js';
import type { ListenerState } from './listener-state.js';
import { questionText } from './thread-history.js';
import { registerActions } from './register-actions.js';

/**
 * Registers every listener on a Bolt app. Listeners never know the transport: the same
 * registration serves the HTTP receiver and Socket Mode.
 */
export function registerListeners(app: App, state: ListenerState): void {
  const { logger } = state.deps;

  app.event('app_mention', async ({ event, body, client, context }) => {
    // Another bot mentioning us (or a bot relaying a message) must not start a bot-to-bot loop.
    if (event.bot_id || event.subtype) return;
    if (!(await firstDelivery(state, body.event_id, event.channel, event.ts, context.retryNum))) return;
    await answerInThread(state, client, context, question(event));
  });

  // message.im: any plain message in a DM with the app is a question.
  app.event('message', async ({ event, body, client, context }) => {
    if (event.channel_type !== 'im') return;
    // Edits, deletions, joins, bot posts and our own answers all carry a subtype or a bot id.
    if (event.subtype !== undefined && event.subtype !== 'thread_broadcast') return;
    if ('bot_id' in event && event.bot_id) return;
    if (!('user' in event) || !event.user || event.user === context.botUserId) return;
    if (!(await firstDelivery(state, body.event_id, event.channel, event.ts, context.retryNum))) return;
    await answerInThread(state, client, context, { ...question({ ...event, text: event.text ?? '' }), dm: true });
  });

  app.command(state.commandName, async ({ command, ack, respond }) => {
    // Slack sends the command text with &, < and > as entities: the question is the text as typed.
    const text = questionText(command.text);
    if (!text) {
      await ack({ response_type: 'ephemeral', text: `用法：${state.commandName} 区域性医疗中心按多少人口配置一家？` });
      return;
    }
    await ack({ response_type: 'ephemeral', text: `查询中…「${fitText(text, 200, { escape: true }).text}」` });
    try {
      const answer = await state.deps.answerer.answer(text);
      await state.memory.saveAnswer(answer);
      const message = answerMessage(answer, { ephemeral: true });
      // Replaces the "查询中…" acknowledgement, which would otherwise stay above the answer.
      await respond({ response_type: 'ephemeral', replace_original: true, text: message.text, blocks: message.blocks });
      await state.deps.questions?.record({ channel: 'slack', question: text, answer });
      logger.info({ msg: 'slack command answered', channel: command.channel_id, answerId: answer.answerId, abstained: answer.abstained });
    } catch (error) {
      await respond({ response_type: 'ephemeral', replace_original: true, text: apologyFor(state, error, { where: 'slash command', channel: command.channel_id }) });
    }
  });

  registerActions(app, state);

  app.error(async (error) => {
    // The last stop for anything a listener threw: log it, never let it reach the process.
    const refused = (error as { data?: { error?: string } }).data?.error;
    if (refused && TOKEN_REFUSED.has(refused)) {
      // The user sees nothing (nothing can be posted without a token): the log must say why.
      logger.error({ msg: 'slack refused SLACK_BOT_TOKEN: nothing can be posted until it is replaced (reinstall the app, then update SLACK_BOT_TOKEN)', slackError: refused });
      return;
    }
    logger.error({ msg: 'slack listener error', code: (error as { code?: string }).code, error: error.stack ?? String(error) });
  });
}

/** Web API errors that mean the bot token itself no longer works. */
const TOKEN_REFUSED = new Set(['invalid_auth', 'token_revoked', 'token_expired', 'account_inactive', 'not_authed']);

/**
 * True the first time an event is seen. Slack retries an event (same `event_id`) when it got no
 * 200 within 3 s, and the same message can arrive as two event types; both must give one answer,
 * also when the deliveries reach different replicas (the memory is then shared).
 */
async function firstDelivery(state: ListenerState, eventId: string, channel: string, ts: string, retryNum: number | undefined): Promise<boolean> {
  let first: boolean;
  try {
    first = await state.memory.claim([`event:${eventId}`, `message:${channel}:${ts}`]);
  } catch (error) {
    // The shared memory is unreachable: answering twice beats not answering at all.
    logWarning(state.deps.logger, { msg: 'slack delivery check failed; answering anyway', eventId, error: String(error) });
    return true;
  }
  if (first) return true;
  state.deps.logger.info({ msg: 'slack duplicate delivery dropped', eventId, retryNum });
  return false;
}

function question(event: { channel: string; ts: string; thread_ts?: string | undefined; text?: string | undefined; user?: string | undefined }): ThreadQuestion {
  return {
    channel: event.channel,
    ts: event.ts,
    text: event.text ?? '',
    ...(event.thread_ts && event.thread_ts !== event.ts ? { threadTs: event.thread_ts } : {}),
    ...(event.user ? { user: event.user } : {}),
  };
}
