import type { Corpus } from '../core/corpus.js';
import type { HybridRetriever, RetrieveOptions } from '../retrieval/hybrid-retriever.js';
import type { FollowUp } from './resolve-follow-up.js';

/**
 * What a follow-up is searched as: with the conversation's topic, unless it names a topic of its
 * own that, searched alone, is answered with confidence from the document the conversation is
 * about ("那国家中医医学中心要建几家" after 国家医学中心): the previous question's words would pull
 * the search back to the point already answered. Both composers read follow-ups this way.
 */
export async function searchFollowUp(
  followUp: Extract<FollowUp, { kind: 'rewrite' }>,
  retriever: Pick<HybridRetriever, 'retrieve'>,
  corpus: Corpus,
  options: Pick<RetrieveOptions, 'k' | 'mode'>,
): Promise<string> {
  if (!followUp.own || !followUp.docId) return followUp.question;
  const alone = await retriever.retrieve(followUp.own, options);
  const top = alone.citations[0];
  return !alone.abstained && alone.confidence === 'high' && top && corpus.passage(top.id)?.docId === followUp.docId ? followUp.own : followUp.question;
}
