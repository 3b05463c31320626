import { InvalidInputError } from '../core/errors.js';
import { describeError } from './describe-error.js';
import type { ListenerState } from './listener-state.js';

/**
 * What the user sees when answering fails. A question we refuse says what to fix; anything else
 * is a short apology with a reference id, and the detail is logged under that id.
 */
export function apologyFor(state: ListenerState, error: unknown, fields: Record<string, unknown>): string {
  if (error instanceof InvalidInputError) return `无法回答这个问题：${error.message}`;
  const reference = state.newReference();
  state.deps.logger.error({ msg: 'slack answering failed', reference, ...fields, error: describeError(error) });
  return `抱歉，这次没能回答你的问题（参考编号 ${reference}）。请稍后再试；如果一直出错，请把参考编号告诉管理员。`;
}
