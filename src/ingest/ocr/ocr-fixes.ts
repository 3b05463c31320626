import { normalizeWidth } from '../../text/normalize-width.js';

/**
 * What the OCR models misread in Chinese notices, each fixed only where the printed text cannot
 * mean what was read (each has a test of where it must not fire). Found on scans of the seed
 * notices (test/ingest/support/render-scan.ts) and named in issue 21: `5。` for `5．`, `〔` read as
 * `(` or `[`, `O` for `0` in numbers, `一` read as a dash.
 */
export interface OcrFix {
  name: string;
  apply(line: string): string;
}

export const OCR_FIXES: readonly OcrFix[] = [
  {
    // `5。加快…`, `3:加强…` at a line start is point 5 (`5．`): a sentence never ends on a bare number before more text.
    name: 'point-marker',
    apply: (line) => line.replace(/^(\d{1,2})\s*[。，,·:：](?=\s*[\u4e00-\u9fff])/, '$1.'),
  },
  {
    // `沪卫医[2023] 32号`, `普卫健医(2025)3号`, `国办发 〔2 0 2 1]. 1 8 号`, `沪府办发:〔202:1].3 1号`: the
    // 文号's hexagonal brackets 〔〕 read as ASCII or full-width ones, and spaces or specks (`.` `·` `,` `:`)
    // read between its parts and digits (a 文号 printed with spaced full-width digits).
    name: 'doc-number-brackets',
    apply: (line) =>
      line.replace(
        /([\u4e00-\u9fff]{1,8})[\s:：·.．]*[[(（【［〔][\s:：·.．]*((?:1[\s:：·.．]*9|2[\s:：·.．]*0)[\s:：·.．]*\d[\s:：·.．]*\d)[\s:：·.．]*[\])）】］〕][\s.．·,，:：]*(\d(?:[\s:：·.．]*\d){0,3})\s*号/g,
        (_, issuer: string, year: string, n: string) => `${issuer}〔${year.replace(/[\s:：·.．]/g, '')}〕${n.replace(/[\s:：·.．]/g, '')}号`,
      ),
  },
  {
    // `印发《关于…实施方案>的通知`: the closing 》 read as `>` (or ≫), the opening one as `<`.
    // Between Chinese characters: a notice writes a comparison as 大于 or ≥, and never before a character.
    name: 'title-marks',
    apply: (line) => line.replace(/(?<=[\u4e00-\u9fff])[>≫](?=[\u4e00-\u9fff，。、；：（(）)]|$)/g, '》').replace(/(?<=^|[\u4e00-\u9fff，。、；：（(])[<≪](?=[\u4e00-\u9fff])/g, '《'),
  },
  {
    // `2O25年`, `1O号`: a letter O (or o, full-width Ｏ) between digits, or after one before 年/月/日/号, is a zero.
    name: 'letter-o-in-number',
    apply: (line) => line.replace(/(?<=\d)[OoＯ]+(?=[\dOoＯ]*(?:\d|[年月日号]))/g, (os) => '0'.repeat(os.length)),
  },
  {
    // `二、·重质量`, `三、：优服务`: a speck read as a dot or colon right after a section or point marker.
    name: 'speck-after-marker',
    apply: (line) => line.replace(/^([一二三四五六七八九十]{1,3}、|\d{1,2}[.．])\s*[·•.,，、:：]\s*(?=[\u4e00-\u9fff])/, '$1'),
  },
  {
    // `-、加强…` / `(-)`: the section numeral 一 read as a dash; no heading starts with a dash.
    name: 'dash-for-one',
    apply: (line) => line.replace(/^[-—－_]\s*、/, '一、').replace(/^[（(]\s*[-—－_]\s*[）)]/, '（一）'),
  },
  {
    // `能定位。·持续推进`, `精神，：在市卫生`, `下沉。，三是`, `研究。．二是`: a speck beside a full-width
    // mark (which sits in a corner of its square) read as a second mark. A notice never prints a
    // stop, comma or colon right after 。，、；： but for quotes and brackets (`。”` `，“` `：“` `。（`).
    name: 'mark-after-mark',
    apply: (line) => line.replace(/([。，、；：！？])[·•.．,，:：、;；]+/g, '$1'),
  },
  {
    // `专项规划（2022-2035年）、》编制`: a speck before a closing title mark read as a mark. A title ends in 》
    // with nothing before it; the sentence's own mark comes after (`》，` `》。`).
    name: 'mark-before-title-end',
    apply: (line) => line.replace(/[、，,·•:：;；]+(?=》)/g, ''),
  },
  {
    // `规划引|领`, `指引l、`, `医疗资源引|入`: the right-hand stroke of a character (引) read as a bar or a
    // lone lower-case l. A notice prints neither between Chinese characters or before their marks.
    name: 'bar-in-text',
    apply: (line) => line.replace(/(?<=[\u4e00-\u9fff])\s*[|｜¦l]\s*(?=[\u4e00-\u9fff，。、；：])/g, ''),
  },
  {
    // `1一2家`, `3 一 5家`: a dash between two figures (a range, `１－２`) read as the character 一, which never
    // stands between Arabic figures.
    name: 'dash-between-figures',
    apply: (line) => line.replace(/(\d)\s*一\s*(?=\d)/g, '$1-'),
  },
  {
    // `2 0 2 1 年 1 2 月`, `20 2 1`: figures printed full-width (each in a character's square) read one by
    // one with spaces between. Joined where the run ends in a unit or a closing bracket: a notice never
    // separates two numbers before 年, 月, 日, 号, 家 or 个 by a space alone.
    name: 'spaced-figures',
    apply: (line) => line.replace(/\d(?: \d)+(?= ?[年月日号家个万%〕）)\]])/g, (run) => run.replace(/ /g, '')),
  },
  {
    // `自2.021年12月27日`: a speck read inside a year. A year has four figures; a period before three
    // figures and 年 (2.021年) is no decimal a notice writes.
    name: 'speck-in-year',
    apply: (line) => line.replace(/(?<![\d.．])([12])[.．·,，:：]\s*(\d{3})(?=\s*年)/g, '$1$2'),
  },
];

/** A line with nothing a notice prints: no Chinese, no digit, no Latin word (a seal's speck, a ruled line read as `|`). */
const STRAY = /^[^\u4e00-\u9fff\dA-Za-z]{0,4}$/;

/** One OCR line made ready for the chunker: widths normalised, the fixes above applied; undefined when it is a stray mark. */
export function fixOcrLine(line: string): string | undefined {
  const text = normalizeWidth(line).replace(/\s+/g, ' ').trim();
  if (STRAY.test(text)) return undefined;
  return OCR_FIXES.reduce((t, fix) => fix.apply(t), text);
}

function fixOcrLineSource(): string {
  return `${STRAY.source}${fixOcrLine.toString()}`;
}

/** Changes whenever a fix changes, so the text cache never serves text made by other fixes. */
export const OCR_FIXES_VERSION = fingerprint([...OCR_FIXES.map((f) => `${f.name}:${f.apply.toString()}`), fixOcrLineSource()].join('\n'));

function fingerprint(text: string): string {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 33) ^ text.charCodeAt(i)) >>> 0;
  return h.toString(36);
}
