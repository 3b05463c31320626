import { Corpus } from '../../src/core/corpus.js';
import { seedCorpus } from './seed-pipeline.js';

/** The document and point marked as read unsurely from a scan in `ocrUnsureCorpus`. */
export const UNSURE_QUESTION = '沪卫医〔2023〕32号第5条';

/**
 * The real corpus with one passage (point 5 of 沪卫医〔2023〕32号) marked as ingest marks a passage
 * read mostly from low-confidence OCR lines (flagUnsurePassages), for the tests of how its
 * citation is shown in the API, Slack and the widget.
 */
export function ocrUnsureCorpus(): { corpus: Corpus; flaggedId: string } {
  const seeds = seedCorpus();
  const flagged = seeds.passages.find((p) => p.label === '第一部分第5条' && seeds.document(p.docId).docNumber === '沪卫医〔2023〕32号');
  if (!flagged) throw new Error('the frozen corpus no longer has point 5 of 沪卫医〔2023〕32号');
  const corpus = new Corpus({ documents: [...seeds.documents.values()], passages: seeds.passages.map((p) => (p.id === flagged.id ? { ...p, ocrUnsure: true as const } : p)) });
  return { corpus, flaggedId: flagged.id };
}
