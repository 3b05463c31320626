import type { Citation, RetrievalResult } from '../core/types.js';

/** Where a citation comes from, in one line: 《title》（文号）label. */
export function citationHeading(c: Citation): string {
  return `《${c.title}》（${c.docNumber}）${c.label}${c.ocrNote ?? ''}`;
}

/** Plain-text rendering of an answer for the terminal. */
export function formatAnswerText(result: RetrievalResult & { answer?: string; mode?: string }): string {
  const out: string[] = [];
  if (result.answer) out.push(result.answer, '');
  if (result.abstained) {
    if (!result.answer) out.push(`未在现有文件中找到答案。${result.reason ?? ''}`);
    if (result.nearest.length > 0) {
      out.push('最接近的条目（不作为依据）：');
      for (const c of result.nearest) out.push(`  · ${citationHeading(c)}`);
    }
    return out.join('\n');
  }
  result.citations.forEach((c, i) => {
    out.push(`[${i + 1}] ${citationHeading(c)}`);
    out.push(`    ${c.issuer} · ${c.date} · ${c.path.join(' › ')} · score ${c.score.toFixed(3)}`);
    if (c.quote) out.push(`    引文：${c.quote}`);
    out.push(`    ${c.text}`, '');
  });
  return out.join('\n').trimEnd();
}
