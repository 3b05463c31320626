import { cleanLines } from '../../src/ingest/clean-lines.js';
import { parseDocument } from '../../src/ingest/parse-document.js';

export interface SyntheticFile {
  fileName: string;
  text: string;
}

/** Counted figures (家, 张, %, …) that a later or another district's notice would state differently. */
const FIGURE = /(\d+)(?=\s*(?:家|张|个|人|名|项|所|万|%|％|台|天|次|例|支|床|分钟|小时))/g;

/**
 * A corpus `copies` times the seeds: each seed as it is, plus `copies - 1` variants with the
 * seed's structure (notice, sections, numbered points) and their own 文号 (`〔YYYY〕1001号`…),
 * title (`…（样本 3）`) and figures (each count shifted by the copy number). Every variant parses
 * into as many passages as its seed, so a 10× corpus has 10× the passages.
 */
export function syntheticCorpus(seeds: readonly { fileName: string; raw: string }[], copies: number): SyntheticFile[] {
  const files: SyntheticFile[] = [];
  for (const seed of seeds) {
    files.push({ fileName: seed.fileName, text: seed.raw });
    const { document } = parseDocument(seed.fileName, seed.raw);
    const cleaned = cleanLines(seed.raw).join('\n');
    const [, prefix, year] = /^(.+)〔(\d{4})〕\d+号$/.exec(document.docNumber)!;
    const base = seed.fileName.replace(/\.[^.]+$/, '');
    // The notice may break the title over two lines; the body has it on one.
    const titleAnywhere = new RegExp([...document.title].map((ch) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\n?'), 'g');
    for (let i = 1; i < copies; i++) {
      const text = cleaned
        .replace(titleAnywhere, `${document.title}（样本${i}）`)
        .replace(document.docNumber, `${prefix}〔${year}〕${1000 + i}号`)
        .replace(FIGURE, (n) => String(Number(n) + i));
      files.push({ fileName: `${base}-s${String(i).padStart(3, '0')}.txt`, text });
    }
  }
  return files;
}

/** One point of one document edited, as a policy officer's correction would: a changed figure and an added clause. */
export function editOnePoint(text: string): string {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => /^\d{1,2}[.．、]\S/.test(line.trim()));
  if (at < 0) throw new Error('no numbered point to edit');
  lines[at] = `${lines[at]!.trim()}（本条已于本月修订，请按季度报送进展。）`;
  return lines.join('\n');
}
