import { contentBigrams } from './tokenize.js';

/**
 * The text with each run of `shortest` or more characters found in one of the titles (or issuers) blanked out,
 * longest first: what a question asks once the words that name its document are set aside
 * (《2023年上海市医政医管工作要点》在护理方面提出了哪些要求 → 在护理方面提出了哪些要求).
 */
export function withoutTitleRuns(text: string, titles: readonly string[], shortest: number): string {
  const chars = [...text];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    let end = i;
    for (let j = chars.length; j >= i + shortest; j--) {
      const run = chars.slice(i, j).join('');
      if (titles.some((t) => t.includes(run))) {
        end = j;
        break;
      }
    }
    out += end > i ? ' ' : chars[i];
    i = end > i ? end : i + 1;
  }
  return out;
}

/** The longest run of the question's characters that the text holds (中西医结合旗舰医院 of 中西医结合旗舰医院要建几家). */
export function longestSharedRun(question: string, text: string): string {
  const chars = [...question.replace(/\s+/g, '')];
  let best = '';
  for (let i = 0; i < chars.length; i++) {
    for (let j = i + best.length + 1; j <= chars.length; j++) {
      const run = chars.slice(i, j).join('');
      if (!text.includes(run)) break;
      best = run;
    }
  }
  return best;
}

/** The share of a noun's character pairs the text holds (区级康复医院 holds 3 of 区康复医院's 4; 社区康复中心, 2 of 社区中心's 3). */
export function pairShare(text: string, noun: string): number {
  const chars = [...noun];
  const pairs = chars.slice(1).map((c, i) => chars[i]! + c);
  return pairs.length === 0 ? 0 : pairs.filter((p) => text.includes(p)).length / pairs.length;
}

/**
 * The text without the runs of `shortest` or more characters of one title (withoutTitleRuns), when something of
 * substance is left (a two-character word); undefined when the title's words were all it said.
 */
export function titleFree(text: string, title: string, shortest: number): string | undefined {
  const rest = withoutTitleRuns(text, [title], shortest);
  return contentBigrams(rest).length > 0 ? rest : undefined;
}
