import type { Citation } from '../../core/types.js';
import { splitSentences } from '../../text/split-sentences.js';
import type { AnswerMode } from '../types.js';
import { foldForMatch } from './normalize-for-match.js';
import { MARKER, renumberMarkers } from './split-answer.js';
import { verifySentence, type FailureReason, type SentenceCheck } from './verify-sentence.js';

export type BuildOutcome =
  | { kind: 'fallback'; reason: 'empty-output' | 'model-abstained' | 'no-verified-claim'; checks: SentenceCheck[] }
  | {
      kind: 'answer';
      mode: Extract<AnswerMode, 'llm' | 'llm-repaired'>;
      /** The answer as shown: every piece `add` returned, then `tail`. */
      text: string;
      /** Text still to show after the last piece `add` returned (a closing 未在现有文件中找到 sentence). */
      tail: string;
      citations: Citation[];
      notice?: string;
      removed: SentenceCheck[];
    };

const REASON_TEXT: Record<FailureReason, string> = {
  'marker-out-of-range': '引用了未提供的条目编号',
  'unbalanced-quote': '引号不完整',
  'quote-not-in-cited-passage': '引文与所引条目原文不符',
  'quote-without-marker': '引文未标注出处',
  'source-not-cited': '提及的文件与所引条目不符',
  'number-not-in-cited-passage': '数字在所引条目中找不到',
  'claim-not-in-cited-passage': '所引条目中没有这样的表述',
  'claim-without-marker': '未标注出处',
};

/**
 * Assembles a verified answer sentence by sentence, so that the streaming and the non-streaming
 * paths show exactly the same text: a sentence that fails verification is dropped, lead-ins are
 * held until a verified claim follows them, and markers are renumbered to the passages actually
 * cited, in the order they are first cited.
 */
export class VerifiedAnswerBuilder {
  private readonly checks: SentenceCheck[] = [];
  private held: SentenceCheck[] = [];
  private readonly pieces: string[] = [];
  private readonly numbering = new Map<number, number>();
  private lineBreak = false;

  constructor(private readonly passages: readonly Citation[]) {}

  /** Verifies one sentence; returns the text that may be shown now, if any. */
  add(sentence: string): string | undefined {
    const check = verifySentence(sentence, this.passages);
    this.checks.push(check);
    if (!check.ok || check.kind === 'empty') return undefined;
    if (check.kind !== 'claim') {
      this.held.push(check);
      return undefined;
    }
    for (const n of check.markers) if (!this.numbering.has(n)) this.numbering.set(n, this.numbering.size + 1);
    // A line break ending a shown sentence is shown before the next piece, so no piece ends with one.
    const lead = this.lineBreak ? '\n' : '';
    const text = lead + this.held.map((h) => h.sentence).join('') + renumberMarkers(check.sentence.trimEnd(), (n) => this.numbering.get(n)!);
    this.lineBreak = check.sentence.endsWith('\n');
    this.held = [];
    this.pieces.push(text);
    return text;
  }

  /** How many pieces have been shown. */
  get shown(): number {
    return this.pieces.length;
  }

  /** Decides the outcome once the model has finished. */
  finish(): BuildOutcome {
    const checks = this.checks;
    const content = checks.filter((c) => c.kind !== 'empty');
    if (content.length === 0) return { kind: 'fallback', reason: 'empty-output', checks };
    if (this.pieces.length === 0) {
      return { kind: 'fallback', reason: content.some((c) => c.kind === 'not-found') ? 'model-abstained' : 'no-verified-claim', checks };
    }
    // A trailing lead-in (`具体如下：`) introduces nothing any more; a trailing 未在现有文件中找到 stays.
    const closing = this.held
      .filter((h) => h.kind === 'not-found')
      .map((h) => h.sentence)
      .join('')
      .trimEnd();
    const tail = closing && this.lineBreak ? `\n${closing}` : closing;
    const removed = checks.filter((c) => !c.ok);
    const citations = [...this.numbering.entries()].map(([passage]) => this.citation(passage));
    const reasons = [...new Set(removed.map((c) => REASON_TEXT[c.reason!]))].join('、');
    return {
      kind: 'answer',
      mode: removed.length > 0 ? 'llm-repaired' : 'llm',
      text: this.pieces.join('') + tail,
      tail,
      citations,
      ...(removed.length > 0 ? { notice: `已删除模型回答中${removed.length}句未能核实的内容（${reasons}）；其余每句均已与所引条目核对。` } : {}),
      removed,
    };
  }

  /** The passage as a citation; its quote is the first verified quote, else its sentence closest to the claims that cite it. */
  private citation(passage: number): Citation {
    const base = this.passages[passage - 1]!;
    const kept = this.checks.filter((c) => c.ok && c.kind === 'claim' && c.markers.includes(passage));
    const quoted = kept.flatMap((c) => c.quotes).find((q) => q.passage === passage);
    return { ...base, quote: quoted?.text ?? closestSentence(base.text, kept.map((c) => c.sentence.replace(MARKER, '')).join('')) };
  }
}

/** The sentence of `text` sharing most character bigrams with `claim`; always an exact substring of `text`. */
export function closestSentence(text: string, claim: string): string {
  const grams = bigrams(claim);
  let best = text.trim();
  let bestScore = -1;
  for (const sentence of splitSentences(text)) {
    const trimmed = sentence.trim();
    if (trimmed === '') continue;
    const score = [...bigrams(trimmed)].filter((g) => grams.has(g)).length;
    if (score > bestScore) {
      best = trimmed;
      bestScore = score;
    }
  }
  return best;
}

function bigrams(text: string): Set<string> {
  const folded = foldForMatch(text).text.replace(/[\p{P}\p{S}]/gu, '');
  const out = new Set<string>();
  for (let i = 0; i + 1 < folded.length; i++) out.add(folded.slice(i, i + 2));
  return out;
}
