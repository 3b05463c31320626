import { parseChineseNumeral } from '../ingest/chinese-numerals.js';
import type { Turn } from './types.js';

export type FollowUp =
  | { kind: 'none' }
  /** An elliptical question rewritten with the previous topic. */
  | { kind: 'rewrite'; question: string }
  /** "第二点…": the n-th point cited in the previous answer, or the n-th 一是/二是 item of its first passage. */
  | { kind: 'ordinal'; passageId: string; item?: number; topic: string }
  /** "这条是哪个文件里的？" */
  | { kind: 'source'; passageId: string };

const ORDINAL = /第\s*([一二三四五六七八九十]|\d{1,2})\s*(?:点|条|个|项|部分)/;
const ASKS_SOURCE = /哪个文件|哪份文件|什么文件|出自|来自哪|哪个文号|文号是|谁发的|谁印发|哪个部门|哪家单位发/;
const ELLIPTICAL_START = /^(那|那么|还有|另外|再问一下|同样|如果是)/;
const ELLIPTICAL_END = /(呢|吗|怎么样|如何)[？?。.！!]*$/;
const PLACE_OR_YEAR = /(20\d{2}年?|全市|本市|上海市?|[\u4e00-\u9fff]{2}区)/g;

/**
 * Resolves a follow-up against the conversation passed in by the caller: ordinals refer to the
 * previous answer's citations, "which document" to its first one, and short elliptical
 * questions are rewritten with the previous question's topic. Rules only, no model.
 */
export function resolveFollowUp(question: string, history: readonly Turn[] | undefined): FollowUp {
  const last = history?.at(-1);
  if (!last) return { kind: 'none' };
  const cited = last.citations ?? [];
  const q = question.replace(/\s+/g, '');

  if (ASKS_SOURCE.test(q) && cited[0] && q.length <= 24) return { kind: 'source', passageId: cited[0].id };

  const ordinal = ORDINAL.exec(q);
  if (ordinal && q.length <= 24 && cited.length > 0) {
    const n = /\d/.test(ordinal[1]!) ? Number(ordinal[1]) : parseChineseNumeral(ordinal[1]!);
    if (cited.length >= n && n > 1) return { kind: 'ordinal', passageId: cited[n - 1]!.id, topic: last.question };
    return { kind: 'ordinal', passageId: cited[0]!.id, item: n, topic: last.question };
  }

  if (q.length <= 16 && (ELLIPTICAL_START.test(q) || ELLIPTICAL_END.test(q))) {
    const focus = q.replace(ELLIPTICAL_START, '').replace(ELLIPTICAL_END, '').replace(/[？?。.！!，,]/g, '');
    const topic = topicOf(history!);
    const newScope = focus.match(PLACE_OR_YEAR);
    const base = newScope ? topic.replace(PLACE_OR_YEAR, '') : topic;
    return { kind: 'rewrite', question: `${focus}${base}` };
  }
  return { kind: 'none' };
}

/** The last question that was not itself elliptical, so that chains of "那…呢？" keep the topic. */
function topicOf(history: readonly Turn[]): string {
  for (let i = history.length - 1; i >= 0; i--) {
    const q = history[i]!.question.replace(/\s+/g, '');
    if (!(q.length <= 16 && (ELLIPTICAL_START.test(q) || ELLIPTICAL_END.test(q)))) return q;
  }
  return history.at(-1)!.question;
}
