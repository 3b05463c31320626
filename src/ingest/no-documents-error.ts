import { IngestError } from '../core/errors.js';
import type { SourceProblem } from './parse-corpus.js';

/** No file in the seeds folder could be ingested: the index is left as it was. */
export class NoDocumentsError extends IngestError {
  constructor(
    readonly seedsDir: string,
    readonly problems: readonly SourceProblem[],
  ) {
    super(
      problems.length === 0
        ? `${seedsDir} holds no .txt, .pdf, .docx or .html document; the index was left as it was.`
        : `no document in ${seedsDir} could be ingested; the index was left as it was:\n${problems.map((p) => `  ${p.fileName}: ${p.reason}. ${p.fix}`).join('\n')}`,
    );
  }
}
