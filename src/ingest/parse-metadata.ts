import { joinLines } from './clean-lines.js';
import { SourceFileError } from './formats/source-file-error.js';

export interface ParsedMetadata {
  title: string;
  docNumber: string;
  issuer: string;
  date: string;
  validUntil?: string;
  /** Index of the first body line (the title line) in the cleaned lines. */
  bodyStart: number;
  /** Index one past the last body line: 抄送 and 印发 lines are metadata, not passages. */
  bodyEnd: number;
}

const DOC_NUMBER_LINE = /^[\u4e00-\u9fff]{1,8}〔\d{4}〕\d{1,4}号$/;
const TITLE_IN_NOTICE = /[《«]([^》»]{4,80})[》»]印发/;
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/;
const ISSUER_LINE = /(委员会|办公厅|人民政府|局|中心)$/;
const END_MATTER = /^(抄送|.{0,40}\d{4}年\d{1,2}月\d{1,2}日印发$)/;
const VALID_UNTIL = /有效期至(\d{4})年(\d{1,2})月(\d{1,2})日/;

const isoDate = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/**
 * Reads title, 文号, issuer and date of issue from the cover notice of a cleaned document,
 * and finds where the body (the repeated title) starts and the distribution lines begin.
 */
export function parseMetadata(lines: readonly string[], source: string): ParsedMetadata {
  const head = joinLines(lines.slice(0, 40));
  const number = lines.slice(0, 40).find((line) => DOC_NUMBER_LINE.test(line));
  if (!number)
    throw new SourceFileError(
      source,
      'no document number (文号) such as 沪卫医〔2023〕32号 on a line of its own in the first lines',
      'Check that this is a policy document with its 文号 at the top; put the 文号 on its own line if it is run into other text',
    );
  const title = TITLE_IN_NOTICE.exec(head)?.[1];
  if (!title)
    throw new SourceFileError(
      source,
      'no title in the notice (expected 现将《…》印发)',
      'Ingest reads documents issued with a cover notice that names the title in 《》; check the notice was not cut off',
    );

  const bodyStart = lines.findIndex((line, i) => i > 0 && line === title);
  if (bodyStart < 0) throw new SourceFileError(source, `the body title 「${title}」 is not on a line of its own`, 'Put the title above the body on its own line, exactly as named in the notice');

  const dateIndex = lines.slice(0, bodyStart).findIndex((line) => DATE_LINE.test(line));
  const date = dateIndex >= 0 ? DATE_LINE.exec(lines[dateIndex] ?? '') : null;
  if (!date) throw new SourceFileError(source, 'no date of issue (YYYY年M月D日) before the body', 'Keep the signature and date lines of the notice (e.g. 2023年3月8日 on its own line)');

  const signer = lines[dateIndex - 1] ?? '';
  const header = lines.slice(0, 3).find((line) => line.endsWith('文件'));
  const issuer = ISSUER_LINE.test(signer) ? signer : header?.replace(/文件$/, '');
  if (!issuer) throw new SourceFileError(source, 'no issuer (neither a signature line nor a …文件 header)', 'Keep the issuing body on the line above the date, or the …文件 header line');

  let bodyEnd = lines.findIndex((line, i) => i > bodyStart && END_MATTER.test(line));
  if (bodyEnd < 0) bodyEnd = lines.length;

  const valid = VALID_UNTIL.exec(joinLines(lines.slice(bodyStart, bodyEnd)));
  return {
    title,
    docNumber: number,
    issuer,
    date: isoDate(date[1]!, date[2]!, date[3]!),
    ...(valid ? { validUntil: isoDate(valid[1]!, valid[2]!, valid[3]!) } : {}),
    bodyStart,
    bodyEnd,
  };
}
