import type { Corpus } from '../../core/corpus.js';
import type { Passage } from '../../core/types.js';
import { parseCitationQuery } from '../parse-citation-query.js';

/** Stage: direct citation. The point a question names by 文号 (or title) and number ("沪卫医〔2023〕32号第5条"), if any. */
export function findCitedPoint(question: string, corpus: Corpus): Passage | undefined {
  const cited = parseCitationQuery(question, [...corpus.documents.values()]);
  if (!cited) return undefined;
  return corpus.passages.find(
    (p) =>
      p.docId === cited.docId &&
      (cited.section === undefined || p.section === cited.section) &&
      (cited.sub === undefined || p.sub === cited.sub) &&
      (cited.point === undefined || p.point === cited.point),
  );
}
