/** Why the LLM path handed over to the extractive composer. */
export type FallbackReason = 'timeout' | 'unreachable' | 'model-error' | 'stream-interrupted' | 'empty-output' | 'model-abstained' | 'no-verified-claim';

/** Reasons that are failures of the model service (logged as errors), not of its answer. */
export const SERVICE_FAILURES: ReadonlySet<FallbackReason> = new Set(['timeout', 'unreachable', 'model-error', 'stream-interrupted']);

/** The notice shown with the extractive answer, in Chinese, for the user. */
export function fallbackNotice(reason: FallbackReason, timeoutMs: number): string {
  const why: Record<FallbackReason, string> = {
    timeout: `语言模型在${Math.round(timeoutMs / 100) / 10}秒内没有完成回答`,
    unreachable: '无法连接语言模型服务',
    'model-error': '语言模型服务出错',
    'stream-interrupted': '语言模型的回答中途中断',
    'empty-output': '语言模型没有给出回答',
    'model-abstained': '语言模型认为所给条目不能回答这个问题',
    'no-verified-claim': '语言模型的回答中没有能与所引条目核对一致的内容',
  };
  return `${why[reason]}，以下为摘录式回答（原文摘录）。`;
}

/**
 * Tells an unreachable endpoint from other model errors. Errors arrive wrapped differently by
 * the OpenAI SDK, LangChain and the runtime's fetch, so the name, message and cause are all read.
 */
export function classifyModelError(error: unknown, timedOut: boolean): Extract<FallbackReason, 'timeout' | 'unreachable' | 'model-error'> {
  if (timedOut) return 'timeout';
  const e = error as { name?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } } | undefined;
  const text = [e?.name, e?.message, e?.cause?.code, e?.cause?.message].filter((x) => typeof x === 'string').join(' ');
  return /APIConnectionError|Connection error|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|fetch failed/i.test(text) ? 'unreachable' : 'model-error';
}

/** A short description of an error for the log: never the request or the passages. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`.slice(0, 300);
  return String(error).slice(0, 300);
}
