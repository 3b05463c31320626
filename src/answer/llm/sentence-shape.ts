import { foldForMatch } from './normalize-for-match.js';

export const NOT_FOUND = '未在现有文件中找到';

/** Words that carry no claim of their own; left out when measuring how much of a claim a passage supports. */
const FUNCTION_WORDS = /根据|依据|按照|文件|要求|明确|提出|规定|指出|其中|同时|另外|此外|以及|需要|应当|包括|印发|发布|方面|主要|具体|如下|本市|全市|这份|该|将|要|并|在|的|是|和|与|及/g;
const LABEL = /第[一二三四五六七八九十百\d]+部分|第[（(]?[一二三四五六七八九十\d]+[)）]?[条点项款]|[（(][一二三四五六七八九十]+[)）]/g;
const DATE = /\d{4}年\d{1,2}月\d{1,2}日|\d{4}年/g;

/**
 * A lead-in with no claim: only connective words, punctuation and (already checked) document
 * names and point labels, ending with a colon. `根据现有文件：`, `根据《…》（…）第二部分第8条：`,
 * `具体如下：` qualify; `医院须配10名医生：` does not.
 */
export function isConnective(leadWithoutNames: string): boolean {
  const rest = leadWithoutNames
    .replace(LABEL, '')
    .replace(DATE, '')
    .replace(
      /根据|依据|按照|关于|对于|综上|总之|具体|主要|其中|另外|此外|同时|以下|如下|现有|所给|上述|以上|相关|有关|文件|条目|材料|规定|要求|内容|情况|来看|看|中|的|如|为|是|有|可|分别|两份|各|印发|发布/g,
      '',
    )
    .replace(/[\s，,、（）()《》«»：:]/g, '');
  return rest === '' && /[：:]\s*$/.test(leadWithoutNames);
}

/**
 * A statement that (part of) the question is not answered: `未在现有文件中找到。`,
 * `关于2026年的安排，未在现有文件中找到。`, `未在现有文件中找到具体数量。`. Anything more in the
 * same sentence (`…找到，但一般认为…`) would be a claim without a source, so it does not qualify.
 */
export function isNotFoundStatement(bare: string): boolean {
  const folded = foldForMatch(bare).text;
  const at = folded.indexOf(NOT_FOUND);
  if (at < 0) return false;
  const before = folded.slice(0, at).replace(/[,，]$/, '');
  const after = folded.slice(at + NOT_FOUND.length).replace(/[.。!！]+$/, '');
  const leadOk = before === '' || (/^(关于|对于|至于|有关)/.test(before) && before.length <= 30 && !/[,;，；]/.test(before));
  return leadOk && after.length <= 16 && !/[,;:，；：]/.test(after);
}

/**
 * The share of a claim's word pairs (CJK bigrams, function words left out) found in what it
 * cites; undefined when the claim has fewer than three pairs to judge by (`要「…」[1]。`).
 * A paraphrase of the passage scores high; an added fact scores low.
 */
export function supportShare(claim: string, sources: readonly string[]): number | undefined {
  const grams = new Set<string>();
  const stripped = foldForMatch(claim.replace(LABEL, '|').replace(DATE, '|')).text.replace(FUNCTION_WORDS, '|');
  for (const segment of stripped.split(/[^\u4e00-\u9fff]+/)) {
    for (let i = 0; i + 1 < segment.length; i++) grams.add(segment.slice(i, i + 2));
  }
  if (grams.size < 3) return undefined;
  const haystack = sources.map((s) => foldForMatch(s).text).join('|');
  return [...grams].filter((g) => haystack.includes(g)).length / grams.size;
}
