import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IndexMismatchError } from '../core/errors.js';
import type { CorpusData } from '../core/corpus.js';
import { SourceFileError } from './formats/source-file-error.js';
import { sourceFormat } from './formats/source-format.js';
import { parseCorpus, type CorpusSource, type ParsedCorpus, type SourceProblem } from './parse-corpus.js';
import { readerVersion, readSource, type ReadOptions, type SourceText } from './read-source.node.js';
import { TextCache } from './text-cache.node.js';
import { relateDocuments } from './relate-documents.js';

export interface SourceFile {
  fileName: string;
  bytes: Buffer;
  /** sha256 of the bytes. */
  contentHash: string;
}

/** Editor lock and temporary files (`~$plan.docx`, `.~lock.plan.docx#`, `.plan.txt.swp`), never documents. */
const SCRATCH = /^(~\$|\.)/;

/**
 * The source files in a folder that ingest reads (.txt, .pdf, .docx, .html, .htm, and page scans
 * .png, .jpg, .jpeg, .tif, .tiff; extension case ignored), sorted by name, with their bytes and hashes. `other` lists the files it does not read.
 */
export function listSourceFiles(dir: string): { files: SourceFile[]; other: string[] } {
  if (!existsSync(dir)) throw new IndexMismatchError(`The seeds folder ${dir} does not exist.`, 'cp ../shared/seeds/*.txt seeds/');
  const files: SourceFile[] = [];
  const other: string[] = [];
  for (const fileName of readdirSync(dir).sort()) {
    if (SCRATCH.test(fileName) || !statSync(join(dir, fileName)).isFile()) continue;
    if (!sourceFormat(fileName)) {
      other.push(fileName);
      continue;
    }
    const bytes = readFileSync(join(dir, fileName));
    files.push({ fileName, bytes, contentHash: createHash('sha256').update(bytes).digest('hex') });
  }
  return { files, other };
}

export interface ReadCorpus extends ParsedCorpus {
  /** Every source file found, readable or not: the corpus hash is taken over these. */
  files: SourceFile[];
  /** Plain text and format of each file that could be read. */
  texts: Map<string, SourceText>;
}

export interface ReadCorpusOptions extends ReadOptions {
  previous?: CorpusData;
  onFile?: (done: number, total: number) => void;
  /** Called before each file is read (OCR progress names the file). */
  onFileStart?: (fileName: string) => void;
  /** Where extracted text is kept between runs (see TextCache); none: every file is read. */
  textCacheDir?: string;
}

/**
 * Reads and parses every source file in a folder, each on its own: a file that cannot be read
 * or parsed is reported in `problems` and the others are returned. See `parseCorpus` for
 * duplicates and for `previous`. With `textCacheDir`, a file read before by the same reader
 * version is not read again.
 */
export async function readCorpus(dir: string, options: ReadCorpusOptions = {}): Promise<ReadCorpus> {
  const { files, other } = listSourceFiles(dir);
  const problems: SourceProblem[] = other.map((fileName) => ({
    fileName,
    severity: 'warning',
    reason: 'not read: ingest reads .txt, .pdf, .docx, .html, .htm and page scans (.png, .jpg, .tif)',
    fix: /\.(doc|wps)$/i.test(fileName) ? 'Save it as .docx (or .pdf) to have it ingested' : 'Move it out of the folder if it is not a policy document',
  }));
  const texts = new Map<string, SourceText>();
  const sources: CorpusSource[] = [];
  const cache = options.textCacheDir ? new TextCache(options.textCacheDir, readerVersion(options)) : undefined;
  for (const [i, file] of files.entries()) {
    try {
      let text = cache?.get(file.contentHash);
      if (!text) {
        options.onFileStart?.(file.fileName);
        text = await readSource(file.fileName, file.bytes, options);
        cache?.set(file.contentHash, text);
      }
      texts.set(file.fileName, text);
      if (text.replaced) {
        problems.push({
          fileName: file.fileName,
          severity: 'warning',
          reason: `${text.replaced} byte(s) are not valid UTF-8 (a damaged copy?) and were read as �; the rest was ingested`,
          fix: 'Look for � in the passages of this document, or save the file again as UTF-8',
        });
      }
      sources.push({ fileName: file.fileName, text: text.text, contentHash: file.contentHash, ...(text.ocr ? { unsureLines: text.ocr.lowLines } : {}) });
    } catch (error) {
      if (!(error instanceof SourceFileError)) throw error;
      problems.push({ fileName: file.fileName, severity: 'error', reason: error.reason, fix: error.fix });
    }
    options.onFile?.(i + 1, files.length);
  }
  const parsed = parseCorpus(sources, { problems, ...(options.previous ? { previous: options.previous } : {}) });
  return { ...parsed, files, texts };
}

/**
 * The corpus as ingest would index it (every readable file, refused ones reported, documents
 * related), for the commands that need passages without the index: the Worker build, `eval:mine`.
 */
export async function readCorpusData(dir: string, options: ReadCorpusOptions = {}): Promise<{ data: CorpusData; problems: SourceProblem[] }> {
  const read = await readCorpus(dir, options);
  return { data: { documents: relateDocuments(read.documents), passages: read.passages }, problems: read.problems };
}
