import type { App, BlockButtonAction } from '@slack/bolt';
import { z } from 'zod';
import { ACTION, OPEN_PASSAGE_ACTION, answerMessage } from './answer-blocks.js';
import { apologyFor } from './apology.js';
import { logWarning } from '../core/logger.js';
import type { ListenerState } from './listener-state.js';
import { passageModal } from './passage-modal.js';
import type { FeedbackRecord } from './types.js';

const feedbackValue = z.object({ a: z.string().min(1), q: z.string() });

/** Buttons on an answer: read the whole passage, 👍/👎, and post an ephemeral answer to the channel. */
export function registerActions(app: App, state: ListenerState): void {
  const { deps } = state;

  app.action<BlockButtonAction>(OPEN_PASSAGE_ACTION, async ({ ack, body, action, client }) => {
    await ack();
    // trigger_id expires 3 s after the click, so the modal is opened before anything else.
    await client.views.open({ trigger_id: body.trigger_id, view: passageModal(deps.corpus, action.value ?? '') });
  });

  for (const [actionId, rating] of [
    [ACTION.feedbackUp, 'up'],
    [ACTION.feedbackDown, 'down'],
  ] as const) {
    app.action<BlockButtonAction>(actionId, async ({ ack, action, body, respond }) => {
      await ack();
      const parsed = feedbackValue.safeParse(safeJson(action.value));
      if (!parsed.success) {
        logWarning(deps.logger, { msg: 'slack feedback with unreadable button value', actionId });
        await respond({ response_type: 'ephemeral', replace_original: false, text: '这条回答的反馈按钮已失效，请重新提问后再反馈。' });
        return;
      }
      const record: FeedbackRecord = {
        // One person's rating of one answer has one id: a second click (after an apology, or a double click) is stored once.
        id: deps.newId ? deps.newId() : `slack:${parsed.data.a}:${body.user.id}:${rating}`,
        receivedAt: new Date((deps.now ?? Date.now)()).toISOString(),
        source: 'slack',
        answerId: parsed.data.a,
        rating,
        question: parsed.data.q,
      };
      try {
        await deps.feedback.append(record);
        await respond({ response_type: 'ephemeral', replace_original: false, text: rating === 'up' ? '已记录：👍 有用。谢谢反馈！' : '已记录：👎 没用。谢谢反馈，我们会据此改进。' });
      } catch (error) {
        await respond({ response_type: 'ephemeral', replace_original: false, text: apologyFor(state, error, { where: 'feedback', answerId: record.answerId }) });
      }
    });
  }

  app.action<BlockButtonAction>(ACTION.postToChannel, async ({ ack, body, action, client, respond }) => {
    await ack();
    const answer = await state.memory.answer(action.value ?? '');
    const channel = body.channel?.id;
    if (!answer || !channel) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: '这条回答已过期，无法再发到频道；请重新提问。' });
      return;
    }
    const message = answerMessage(answer, { askedBy: body.user.id });
    try {
      await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, metadata: message.metadata });
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      const text =
        code === 'not_in_channel' || code === 'channel_not_found'
          ? '我不在这个频道里，发不出去：请先邀请我加入（/invite），再点一次。'
          : apologyFor(state, error, { where: 'post to channel', channel });
      await respond({ response_type: 'ephemeral', replace_original: false, text });
      return;
    }
    // The ephemeral copy has done its job once the answer is in the channel.
    await respond({ delete_original: true });
  });
}

function safeJson(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? '');
  } catch {
    return undefined;
  }
}
