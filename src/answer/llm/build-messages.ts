import { HumanMessage, SystemMessage, type BaseMessage } from '@langchain/core/messages';
import type { Citation } from '../../core/types.js';
import { chineseDate } from '../compose-text.js';
import type { Turn } from '../types.js';
import { fillTemplate, type AnswerPrompts } from './answer-prompts.js';
import { MARKER } from './split-answer.js';
import { LLM_PROMPT_TURNS } from '../../core/limits.js';

/** Earlier turns beyond these only cost tokens: follow-ups refer to the last one or two. */
const MAX_HISTORY_TURNS = LLM_PROMPT_TURNS;
const MAX_HISTORY_ANSWER_CHARS = 300;

/** `[1] 《title》（文号）label｜issuer 2023年2月21日印发` then the passage text. */
export function formatPassages(passages: readonly Citation[]): string {
  return passages.map((c, i) => `[${i + 1}] 《${c.title}》（${c.docNumber}）${c.label}｜${c.issuer} ${chineseDate(c.date)}印发\n${c.text}`).join('\n\n');
}

/**
 * The conversation so far, for understanding follow-ups only. Old markers are removed: they
 * numbered another answer's citations and would be confused with this prompt's passages.
 */
export function formatHistory(history: readonly Turn[] | undefined): string {
  const turns = (history ?? []).slice(-MAX_HISTORY_TURNS);
  if (turns.length === 0) return '（无）';
  return turns
    .map((t, i) => {
      const lines = [`第${i + 1}轮 问：${t.question}`];
      if (t.answer) {
        const answer = t.answer.replace(MARKER, '');
        lines.push(`答：${answer.length > MAX_HISTORY_ANSWER_CHARS ? `${answer.slice(0, MAX_HISTORY_ANSWER_CHARS)}…` : answer}`);
      }
      const cited = (t.citations ?? []).filter((c) => c.title || c.label);
      if (cited.length > 0) lines.push(`该轮引用的条目依次为：${cited.map((c, n) => `第${n + 1}条 《${c.title ?? ''}》${c.label ?? ''}`).join('；')}`);
      return lines.join('\n');
    })
    .join('\n');
}

/** The system and user messages for one question over the numbered passages. */
export function buildMessages(prompts: AnswerPrompts, passages: readonly Citation[], question: string, history: readonly Turn[] | undefined): BaseMessage[] {
  const user = fillTemplate(prompts.user, { passages: formatPassages(passages), history: formatHistory(history), question });
  return [new SystemMessage(prompts.system), new HumanMessage(user)];
}
