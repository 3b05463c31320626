import type { types } from '@slack/bolt';
import type { Answer } from '../answer/types.js';
import { chineseDate } from '../answer/compose-text.js';
import type { Citation } from '../core/types.js';
import { escapeMrkdwn, fitText } from './fit-text.js';

/** Slack's limits (https://docs.slack.dev/reference/block-kit/blocks): what the formatter stays within. */
export const SLACK_LIMITS = { blocksPerMessage: 50, textPerBlock: 3000, buttonValue: 2000, blockId: 255, fallbackText: 3000, messageText: 12_000 } as const;

/** Text kept free for the notes and buttons after the citations (what was cut, what was left out). */
const NOTES_RESERVE = 300;

/** The characters of text a message's blocks carry (what Slack's total size limit counts, approximately). */
export function textLength(blocks: readonly types.KnownBlock[]): number {
  let length = 0;
  for (const b of blocks) {
    if ('text' in b && b.text && typeof b.text === 'object' && 'text' in b.text) length += b.text.text.length;
    if (b.type === 'context') for (const e of b.elements) if ('text' in e) length += e.text.length;
  }
  return length;
}

/** `event_type` of the metadata on every answer, so a thread's earlier answers can be read back. */
export const ANSWER_EVENT_TYPE = 'policydesk_answer';

/** Action ids of the answer's buttons; "查看全文" buttons add `:n`, matched by `OPEN_PASSAGE_ACTION`. */
export const ACTION = {
  openPassage: 'open_passage',
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  postToChannel: 'post_to_channel',
} as const;

export const OPEN_PASSAGE_ACTION = /^open_passage(?::\d+)?$/;

/** block_id of a citation: carries the passage id, a fallback for threads whose metadata was stripped. */
export const citationBlockId = (marker: number, passageId: string) => `cite:${marker}:${passageId}`.slice(0, SLACK_LIMITS.blockId);

export interface AnswerMessage {
  /** Notification and screen-reader text; also what a thread follow-up reads as the earlier answer. */
  text: string;
  blocks: types.KnownBlock[];
  metadata: types.MessageMetadata;
}

export interface AnswerMessageOptions {
  /** Ephemeral answers (slash command) get a "post to channel" button. */
  ephemeral?: boolean;
  /** Shown above an answer posted to a channel from an ephemeral one. */
  askedBy?: string;
}

/** Shown above a low-confidence answer (`confidence: 'low'`): the decision could not tell whether the nearest point answers. */
export const LOW_CONFIDENCE_NOTE = ':warning: *仅供参考*：无法确定现有文件是否直接回答了这个问题，下面引用的是最接近的条目，请核对原文。';

/** What the documents do not give, by `missing`: the documents cover the topic, not the slot asked. */
export const MISSING_NOTES: Record<NonNullable<Answer['missing']>, string> = {
  figure: ':warning: *文件未给出所问的数字*：相关条目讲到了这项工作，但没有具体数字。',
  date: ':warning: *文件未给出所问的时间*：相关条目讲到了这项工作，但没有具体时间。',
  who: ':warning: *文件未写明所问的单位*：相关条目讲到了这项工作，但没有写明由哪个（哪些）单位负责或承担。',
  list: ':warning: *文件未列出所问的条目*。',
  method: ':warning: *文件未给出所问的计算方法或评定标准*：相关条目讲到了这项工作，但没有说明怎么算、怎么评。',
  place: ':warning: *文件未给出所问的地点*：相关条目讲到了这项工作，但没有写明设在哪里。',
  consequence: ':warning: *文件未写明所问的处理或处罚*：相关条目讲到了这项要求，但没有写明做不到或违反时怎么处理。',
  procedure: ':warning: *文件未写明所问的办理流程或材料*：相关条目讲到了这项工作，但没有写明怎么申请、怎么办。',
  stage: ':warning: *文件未写明所问的进展阶段*：相关条目讲到了这项工作，但没有写明要推进到哪一步（开工、建成、投用、验收等）。',
  name: ':warning: *文件未给出所问的名称*：相关条目讲到了这件事，但没有写明它叫什么。',
  meaning: ':warning: *文件未说明所问的含义或做法*：相关条目提到了它，但没有解释它具体指什么、怎么运作。',
};

/** Quotes are the sentence(s) backing a claim; anything longer is read in the modal. */
const QUOTE_MAX = 600;
/** The nearest points of an abstention are pointers, not evidence: a short excerpt is enough. */
const NEAREST_EXCERPT_MAX = 200;
const NEAREST_SHOWN = 3;

/**
 * The Block Kit message for an answer: the short answer with its `[n]` markers, one section per
 * cited passage (title, 文号, point label, date, quote, and a button to read the whole passage),
 * then 👍/👎. Abstentions list the nearest points, marked as not evidence. Every text is fitted
 * to Slack's per-block limit, and the citations to its 50-block limit and to about 12,000
 * characters in all (Slack refuses longer messages with msg_too_long), saying what was left out.
 */
export function answerMessage(answer: Answer, options: AnswerMessageOptions = {}): AnswerMessage {
  const head: types.KnownBlock[] = [];
  if (options.askedBy) {
    head.push(context(`<@${options.askedBy}> 问：${fitText(answer.question, 500, { escape: true }).text}`));
  }
  // A low-confidence answer is marked before its text, so nobody takes the nearest point for the rule.
  if (answer.confidence === 'low') head.push(context(answer.missing ? MISSING_NOTES[answer.missing] : LOW_CONFIDENCE_NOTE));
  head.push(section(fitText(answer.answer || '（没有生成回答文本）', SLACK_LIMITS.textPerBlock, { escape: true }).text));

  const listed = answer.abstained ? answer.nearest.slice(0, NEAREST_SHOWN) : answer.citations;
  // Room for the header blocks, the abstention heading, two notes and the buttons.
  const room = SLACK_LIMITS.blocksPerMessage - head.length - 4;
  // Slack also refuses a message whose texts add up to too much (msg_too_long), whatever the block count.
  let textLeft = SLACK_LIMITS.messageText - textLength(head) - NOTES_RESERVE;
  let anyTrimmed = false;
  const cited: types.SectionBlock[] = [];
  for (const [i, c] of listed.slice(0, room).entries()) {
    const { block, trimmed } = citationBlock(c, i + 1, answer.abstained);
    textLeft -= textLength([block]);
    if (textLeft < 0) break;
    anyTrimmed ||= trimmed;
    cited.push(block);
  }
  const shown = listed.slice(0, cited.length);

  const blocks = [...head];
  if (answer.abstained && cited.length > 0) blocks.push(context('最接近的条目（仅供参考，不作为依据）：'));
  blocks.push(...cited);
  if (anyTrimmed) blocks.push(context('引文较长，已截断；点「查看全文」阅读完整条文。'));
  if (listed.length > shown.length) blocks.push(context(`另有 ${listed.length - shown.length} 条引用未能显示（超出 Slack 单条消息的长度限制）。`));
  blocks.push(actions(answer, options));

  return {
    // Escaped like the blocks: in LLM mode an answer could otherwise carry <!channel> and ping everyone.
    text: fitText(answer.answer, SLACK_LIMITS.fallbackText, { escape: true }).text,
    blocks,
    metadata: {
      event_type: ANSWER_EVENT_TYPE,
      event_payload: {
        answer_id: answer.answerId,
        question: fitText(answer.question, 1000).text,
        abstained: answer.abstained,
        cited: answer.citations.map((c) => ({ id: c.id })),
      },
    },
  };
}

/** The `[n] 《title》（文号）label · date` line and the quote, with a button for the whole passage. */
function citationBlock(c: Citation, marker: number, nearest: boolean): { block: types.SectionBlock; trimmed: boolean } {
  const heading = `${nearest ? '·' : `*[${marker}]*`} 《${escapeMrkdwn(c.title)}》（${escapeMrkdwn(c.docNumber)}）${escapeMrkdwn(c.label)} · ${chineseDate(c.date)}${c.ocrNote ? ` ${escapeMrkdwn(c.ocrNote)}` : ''}`;
  const quoteSource = c.quote ?? c.text;
  const room = Math.min(nearest ? NEAREST_EXCERPT_MAX : QUOTE_MAX, SLACK_LIMITS.textPerBlock - heading.length - 2);
  const quote = fitText(quoteSource.replace(/\s*\n\s*/g, ' '), room, { escape: true });
  return {
    trimmed: quote.trimmed,
    block: {
      type: 'section',
      block_id: citationBlockId(marker, c.id),
      text: { type: 'mrkdwn', text: `${heading}\n>${quote.text}` },
      accessory: {
        type: 'button',
        // Unique per message (Slack asks only per block; being stricter costs nothing).
        action_id: `${ACTION.openPassage}:${marker}`,
        text: { type: 'plain_text', text: '查看全文' },
        value: c.id,
      },
    },
  };
}

function actions(answer: Answer, options: AnswerMessageOptions): types.ActionsBlock {
  const value = feedbackValue(answer.answerId, answer.question);
  const elements: types.Button[] = [
    { type: 'button', action_id: ACTION.feedbackUp, text: { type: 'plain_text', text: '👍 有用', emoji: true }, value },
    { type: 'button', action_id: ACTION.feedbackDown, text: { type: 'plain_text', text: '👎 没用', emoji: true }, value },
  ];
  if (options.ephemeral) {
    elements.unshift({ type: 'button', action_id: ACTION.postToChannel, style: 'primary', text: { type: 'plain_text', text: '发到频道' }, value: answer.answerId });
  }
  return { type: 'actions', block_id: 'answer_actions', elements };
}

/**
 * The feedback buttons carry the answer id and the question, so a click can be recorded even
 * after a restart; the question is shortened until the JSON fits Slack's 2,000-character value.
 */
export function feedbackValue(answerId: string, question: string): string {
  let room = 1500;
  for (;;) {
    const value = JSON.stringify({ a: answerId, q: fitText(question, room).text });
    if (value.length <= SLACK_LIMITS.buttonValue || room < 10) return value;
    room = Math.floor(room / 2);
  }
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
