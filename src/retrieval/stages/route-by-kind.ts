import type { Corpus } from '../../core/corpus.js';
import type { RankedPoint } from './ranked-point.js';

const ASKS_VALIDITY = /有效期|施行|起实施|实施日期|生效|失效|过期|有效到/;
const ASKS_ISSUANCE = /印发|发文|落款|发布|文号|通知|抄送|谁发|发的文|成文/;

/**
 * Which kinds of passage may answer: the cover notice only questions about issuing (日期, 文号,
 * 印发), else its title words only add noise; the closing clause first for when a document takes
 * effect and until when; and, when the question names years, only passages of those years.
 */
export function routeByKind(question: string, ranked: RankedPoint[], corpus: Corpus, years: readonly string[], text: (passageId: string) => string): RankedPoint[] {
  const kind = (r: RankedPoint) => corpus.passage(r.id)!.kind;
  let routed = ASKS_ISSUANCE.test(question) ? ranked : ranked.filter((r) => kind(r) !== 'notice');
  if (ASKS_VALIDITY.test(question)) routed = [...routed.filter((r) => kind(r) === 'closing'), ...routed.filter((r) => kind(r) !== 'closing')];
  if (years.length === 0) return routed;
  return routed.filter((r) => {
    const d = corpus.document(corpus.passage(r.id)!.docId);
    return years.some((y) => d.date.startsWith(y) || d.title.includes(y) || text(r.id).includes(y));
  });
}
