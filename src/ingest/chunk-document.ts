import type { Passage, PassageKind } from '../core/types.js';
import { parseChineseNumeral, toChineseNumeral } from '../text/chinese-numerals.js';
import { joinLines } from './clean-lines.js';
import { endsSentence, hasSentenceEnd } from '../text/split-sentences.js';
import { splitLongText } from './split-long-text.js';

/** Bump when the chunking rules change: built indexes record it and are rebuilt. */
export const CHUNKER_VERSION = 5;

const SECTION = /^([一二三四五六七八九十]{1,3})、/;
const SUBSECTION = /^[（(]([一二三四五六七八九十]{1,3})[）)]/;
/** `1.` / `1．` / `1、` followed by anything but a digit: `3.0版` and `5.12` are not points. */
const POINT = /^(\d{1,2})[.．、](?!\d)\s*/;
/** A lead sentence opens a paragraph: short, no comma, ends in a full stop, more text follows. */
const LEAD = /^([^，,、；;：:。.]{4,36})[。.](?!\d)(?=.)/;
/** The clause that puts the document into force: 本实施方案自…起实施，有效期至… */
const CLOSING = /^本(?:实施)?(?:方案|通知|办法|规定|意见|细则|计划)自.{4,20}起(?:实施|施行)/;

export interface ChunkOptions {
  /** Longer points are split at sentence ends into parts of at most about this many characters. */
  maxChars?: number;
}

interface Block {
  kind: PassageKind;
  section?: number;
  sub?: number;
  point?: number;
  paragraph?: number;
  marker: string;
  lines: string[];
}

const isMarkerCandidate = (line: string) => SECTION.test(line) || SUBSECTION.test(line) || POINT.test(line);

/**
 * A marker right after a line that does not end a sentence opens its block only when it carries
 * the numbering on (the next number of a run already started) and is not a numeral run
 * (`第\n三、四季度`): the full stop before it was lost (a scan read without it), not a sentence
 * that wraps onto a line starting with a number. The first marker of a run still needs a break.
 */
const continuesNumbering = (n: number, last: number, rest: string) => last > 0 && n === last + 1 && !/^\s*[一二三四五六七八九十\d]/.test(rest);

/**
 * Splits the body lines of one document (title line first) into passages by numbered point,
 * keeping each passage's heading path. The traps of the real corpus it handles are listed in the README ("How documents become passages") and tested in test/ingest.
 */
export function chunkDocument(docId: string, bodyLines: readonly string[], options: ChunkOptions = {}): Passage[] {
  const maxChars = options.maxChars ?? 420;
  const headings = new Map<string, string>();
  const blocks: Block[] = [];
  let section = 0;
  let sub = 0;
  let lastPoint = 0;
  let pointsSinceSection = 0;
  let current: Block = { kind: 'preamble', marker: '', lines: [] };
  let prev = '';

  const start = (block: Block) => {
    if (current.lines.length > 0) blocks.push(current);
    current = block;
  };
  /** A heading runs over the following lines up to the next marker when none of them ends a sentence. */
  const takeHeading = (i: number): number => {
    let k = i + 1;
    let text = bodyLines[i] ?? '';
    while (k < bodyLines.length && k - i < 3 && !isMarkerCandidate(bodyLines[k]!) && !hasSentenceEnd(text)) {
      text += bodyLines[k]!;
      k++;
    }
    const endsAtMarker = k >= bodyLines.length || isMarkerCandidate(bodyLines[k]!);
    return endsAtMarker && !hasSentenceEnd(text) ? k : i + 1;
  };

  for (let i = 1; i < bodyLines.length; i++) {
    const line = bodyLines[i]!;
    const afterBreak = i === 1 || endsSentence(prev) || current.lines.length === 0;
    const sec = SECTION.exec(line);
    const subm = SUBSECTION.exec(line);
    const point = POINT.exec(line);

    if (sec && parseChineseNumeral(sec[1]!) === section + 1 && (afterBreak || continuesNumbering(section + 1, section, line.slice(sec[0].length)))) {
      section += 1;
      sub = 0;
      pointsSinceSection = 0;
      const end = takeHeading(i);
      headings.set(`${section}`, joinLines(bodyLines.slice(i, end)));
      start({ kind: 'section', section, marker: '', lines: [] });
      i = end - 1;
      prev = bodyLines[i]!;
      continue;
    }
    if (subm && section > 0 && parseChineseNumeral(subm[1]!) === sub + 1 && (afterBreak || continuesNumbering(sub + 1, sub, line.slice(subm[0].length)))) {
      sub += 1;
      const end = takeHeading(i);
      headings.set(`${section}.${sub}`, joinLines(bodyLines.slice(i, end)));
      start({ kind: 'section', section, sub, marker: '', lines: [] });
      i = end - 1;
      prev = bodyLines[i]!;
      continue;
    }
    if (point && section > 0 && (afterBreak || (pointsSinceSection > 0 && continuesNumbering(Number(point[1]), lastPoint, line.slice(point[0].length))))) {
      const n = Number(point[1]);
      const restart = n === 1 && pointsSinceSection === 0;
      const duplicate = n === lastPoint && pointsSinceSection > 0;
      if (n === lastPoint + 1 || restart || duplicate) {
        lastPoint = n;
        pointsSinceSection += 1;
        start({ kind: 'point', section, ...(sub ? { sub } : {}), point: n, marker: point[0].trim(), lines: [line.slice(point[0].length)] });
        prev = line;
        continue;
      }
    }
    current.lines.push(line);
    prev = line;
  }
  if (current.lines.length > 0) blocks.push(current);
  splitClosing(blocks);

  return toPassages(docId, splitLeadParagraphs(blocks), headings, maxChars);
}

/** The closing clause at the end of the body becomes a passage of its own. */
function splitClosing(blocks: Block[]): void {
  const last = blocks.at(-1);
  if (!last) return;
  const at = last.lines.findIndex((line, i) => i > 0 && CLOSING.test(line) && endsSentence(last.lines[i - 1]!));
  if (at < 0) return;
  blocks.push({ kind: 'closing', marker: '', lines: last.lines.splice(at) });
}

/** Sub-sections made of unnumbered paragraphs that each open with a lead sentence become one block per paragraph. */
function splitLeadParagraphs(blocks: Block[]): Block[] {
  return blocks.flatMap((block) => {
    if (block.kind !== 'section' || !block.sub || !LEAD.test(block.lines[0] ?? '')) return [block];
    const paragraphs: Block[] = [];
    block.lines.forEach((line, i) => {
      const opens = i === 0 || (endsSentence(block.lines[i - 1]!) && LEAD.test(line));
      if (opens) paragraphs.push({ ...block, kind: 'paragraph', paragraph: paragraphs.length + 1, lines: [] });
      paragraphs.at(-1)!.lines.push(line);
    });
    return paragraphs;
  });
}

function toPassages(docId: string, blocks: Block[], headings: Map<string, string>, maxChars: number): Passage[] {
  const seen = new Map<string, number>();
  const passages: Passage[] = [];
  for (const block of blocks) {
    const text = joinLines(block.lines);
    const sectionHeading = block.section && block.kind !== 'closing' ? headings.get(`${block.section}`) : undefined;
    const subHeading = block.sub ? headings.get(`${block.section}.${block.sub}`) : undefined;
    const lead = block.kind === 'paragraph' ? LEAD.exec(text)?.[1] : undefined;

    let key = block.kind === 'closing' ? 'closing' : block.section ? `${block.section}` : '0';
    if (block.sub) key += `.${block.sub}`;
    if (block.point !== undefined) key += `.${block.point}`;
    if (block.paragraph !== undefined) key += `.p${block.paragraph}`;
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const pointId = `${docId}#${key}${occurrence > 1 ? `-${occurrence}` : ''}`;

    const part = block.section && block.kind !== 'closing' ? `第${toChineseNumeral(block.section)}部分` : '';
    const subLabel = subHeading ? (/^[（(][^）)]+[）)]/.exec(subHeading)?.[0] ?? '').replace('(', '（').replace(')', '）') : '';
    let label: string;
    if (block.kind === 'preamble') label = '前言';
    else if (block.kind === 'closing') label = '施行日期';
    else if (block.kind === 'point') label = `${part}${subLabel}第${block.point}条${occurrence > 1 ? `（之${toChineseNumeral(occurrence)}）` : ''}`;
    else if (block.kind === 'paragraph') label = `${part}${subLabel}“${lead ?? text.slice(0, 16)}”`;
    else label = subHeading ? `${part}${subHeading.replace(/^[（(]([^）)]+)[）)]/, '（$1）')}` : part;

    const path = [sectionHeading, subHeading, block.point !== undefined ? `${block.point}` : lead].filter((p): p is string => p !== undefined && p !== '');
    const parts = splitLongText(text, maxChars);
    parts.forEach((partText, index) => {
      passages.push({
        id: parts.length > 1 ? `${pointId}~${index + 1}` : pointId,
        pointId,
        docId,
        kind: block.kind,
        ...(block.section ? { section: block.section } : {}),
        ...(block.sub ? { sub: block.sub } : {}),
        ...(block.point !== undefined ? { point: block.point } : {}),
        path,
        label,
        marker: index === 0 ? block.marker : '',
        text: partText,
        ...(parts.length > 1 ? { part: { index: index + 1, count: parts.length } } : {}),
        order: passages.length,
      });
    });
  }
  return passages;
}
