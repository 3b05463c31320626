import type { Passage, PolicyDocument } from '../core/types.js';
import type { CorpusData } from '../core/corpus.js';
import { SourceFileError } from './formats/source-file-error.js';
import { flagUnsurePassages } from './flag-unsure-passages.js';
import { parseDocument } from './parse-document.js';

/** A file ingest refused (`error`: scripts should notice) or read with a caveat (`warning`). */
export interface SourceProblem {
  fileName: string;
  severity: 'error' | 'warning';
  reason: string;
  fix: string;
  /** Set when the version of this file from the previous index is still served. */
  keptPrevious?: { docNumber: string; title: string; date: string };
}

export interface CorpusSource {
  fileName: string;
  text: string;
  /** sha256 of the file's bytes. */
  contentHash: string;
  /** Lines of `text` that OCR read with low confidence (see flagUnsurePassages). */
  unsureLines?: readonly string[];
}

export interface ParsedCorpus {
  documents: PolicyDocument[];
  passages: Passage[];
  problems: SourceProblem[];
}

/** A title that says it revises an earlier version: （修订）, 修订版, （2024年修正）, 更正. */
const REVISION = /修订|修正|更正/;

interface Parsed {
  source: CorpusSource;
  document: PolicyDocument;
  passages: Passage[];
}

/**
 * Parses each source on its own: a file that cannot be parsed becomes a problem naming the file,
 * the reason and the fix, and the others go on. Two files for one document (the same document
 * key from their names, or the same 文号) are refused together, except that a later document
 * whose title says it is a revision (修订) replaces an earlier one with its 文号. When `previous`
 * (the corpus of the last index) holds a refused file's document, that version is kept and the
 * problem says so: a bad update never takes a document out of service.
 */
export function parseCorpus(sources: readonly CorpusSource[], options: { problems?: readonly SourceProblem[]; previous?: CorpusData } = {}): ParsedCorpus {
  const problems: SourceProblem[] = [...(options.problems ?? [])];
  let parsed: Parsed[] = [];
  for (const source of sources) {
    try {
      const { document, passages } = parseDocument(source.fileName, source.text);
      parsed.push({ source, document: { ...document, contentHash: source.contentHash }, passages: source.unsureLines ? flagUnsurePassages(passages, source.unsureLines) : passages });
    } catch (error) {
      problems.push(
        error instanceof SourceFileError
          ? { fileName: source.fileName, severity: 'error', reason: error.reason, fix: error.fix }
          : { fileName: source.fileName, severity: 'error', reason: `could not be parsed (${(error as Error).message})`, fix: 'Report this file to the PolicyDesk maintainers' },
      );
    }
  }

  parsed = refuseSameKey(parsed, problems);
  parsed = resolveSameNumber(parsed, problems);
  const result: ParsedCorpus = { documents: parsed.map((p) => p.document), passages: parsed.flatMap((p) => p.passages), problems };
  if (options.previous) keepPrevious(result, options.previous);
  result.problems.sort((a, b) => a.fileName.localeCompare(b.fileName));
  return result;
}

/** `plan.txt` and `plan.pdf` would both be document `plan`: which one is meant cannot be guessed. */
function refuseSameKey(parsed: Parsed[], problems: SourceProblem[]): Parsed[] {
  const byId = groupBy(parsed, (p) => p.document.id);
  return parsed.filter((p) => {
    const same = byId.get(p.document.id)!;
    if (same.length === 1) return true;
    const others = same.filter((o) => o !== p).map((o) => o.source.fileName);
    problems.push({
      fileName: p.source.fileName,
      severity: 'error',
      reason: `${others.join(', ')} is the same document name (${p.document.id}); both refused`,
      fix: 'Keep one file per document: remove or rename the other copy',
    });
    return false;
  });
}

/** One 文号, one document; a revision (newer date, 修订 in the title) replaces what it revises. */
function resolveSameNumber(parsed: Parsed[], problems: SourceProblem[]): Parsed[] {
  const byNumber = groupBy(parsed, (p) => p.document.docNumber);
  const refused = new Set<Parsed>();
  for (const [number, same] of byNumber) {
    if (same.length === 1) continue;
    const newest = same.toSorted((a, b) => b.document.date.localeCompare(a.document.date))[0]!;
    const revises = REVISION.test(newest.document.title) && same.every((p) => p === newest || p.document.date < newest.document.date);
    for (const p of same) {
      if (revises && p === newest) continue;
      refused.add(p);
      const describe = (o: Parsed) => `${o.source.fileName} (《${o.document.title}》, ${o.document.date})`;
      problems.push(
        revises
          ? {
              fileName: p.source.fileName,
              severity: 'warning',
              reason: `superseded: ${describe(newest)} revises it under the same 文号 ${number}; only the revision is served`,
              fix: `Remove ${p.source.fileName} from the folder`,
            }
          : {
              fileName: p.source.fileName,
              severity: 'error',
              reason: `${same
                .filter((o) => o !== p)
                .map(describe)
                .join(', ')} has the same 文号 ${number}; both refused`,
              fix: 'Keep one file per 文号; if one revises the other, its title must say so (修订) and its date must be later',
            },
      );
    }
  }
  return parsed.filter((p) => !refused.has(p));
}

/** `Map.groupBy`, which Node 20 lacks. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** Puts back the previously indexed version of each document whose file was refused this time. */
function keepPrevious(result: ParsedCorpus, previous: CorpusData): void {
  const ids = new Set(result.documents.map((d) => d.id));
  const numbers = new Set(result.documents.map((d) => d.docNumber));
  for (const problem of result.problems) {
    if (problem.severity !== 'error') continue;
    const old = previous.documents.find((d) => d.sourceFile === problem.fileName);
    if (!old || ids.has(old.id) || numbers.has(old.docNumber)) continue;
    const { newerVersion: _drop, ...kept } = old;
    result.documents.push(kept);
    result.passages.push(...previous.passages.filter((p) => p.docId === old.id));
    ids.add(old.id);
    numbers.add(old.docNumber);
    problem.keptPrevious = { docNumber: old.docNumber, title: old.title, date: old.date };
  }
}
