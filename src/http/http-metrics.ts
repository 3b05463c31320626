import type { Answer } from '../answer/types.js';

/** How an answer came out: `high` or `low` confidence, or `declined` (abstained). */
export type AnswerTier = 'high' | 'low' | 'declined';

/** One finished request, as the request log sees it. */
export interface RequestSample {
  method: string;
  /** The route pattern (`/api/passages/:id`), or `unmatched`: never the raw path, so the series stay few. */
  route: string;
  status: number;
  seconds: number;
}

/**
 * What the HTTP layer reports to a metrics registry, and how the registry is read back for
 * `GET /metrics`. The portable core knows only this interface; the Node service passes a
 * Prometheus registry (`createPrometheusMetrics`), the Worker passes none.
 */
export interface HttpMetrics {
  request(sample: RequestSample): void;
  answer(tier: AnswerTier, channel: 'api' | 'web'): void;
  /** The exposition text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** The tier an answer counts under. */
export function answerTier(answer: Pick<Answer, 'abstained' | 'confidence'>): AnswerTier {
  if (answer.abstained) return 'declined';
  return answer.confidence ?? 'high';
}
