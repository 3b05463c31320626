import type { Config } from '../../core/config.js';
import type { Pipeline } from '../create-pipeline.js';
import type { Answerer } from '../types.js';
import type { AnswerPrompts } from './answer-prompts.js';
import { openAiCompatibleChatModel, type ChatModelFactory } from './chat-model.js';
import { LlmAnswerer, type AnswerLogger } from './llm-answerer.js';
import { ConfigError } from '../../core/errors.js';

export type LlmConfig = Pick<Config, 'LLM_BASE_URL' | 'LLM_MODEL' | 'LLM_API_KEY' | 'LLM_TIMEOUT_MS'>;

/** True when the configuration names an LLM endpoint and model. */
export function llmConfigured(config: LlmConfig): config is LlmConfig & { LLM_BASE_URL: string; LLM_MODEL: string } {
  return Boolean(config.LLM_BASE_URL && config.LLM_MODEL);
}

/**
 * The answerer every channel uses: the LLM composer (falling back to extractive) when
 * `LLM_BASE_URL` and `LLM_MODEL` are set, else the extractive composer itself. Portable: the
 * prompt templates are passed in (Node: `loadPrompts()`; a Worker bundles them as text).
 */
export function createAnswerer(
  config: LlmConfig,
  pipeline: Pick<Pipeline, 'retriever' | 'corpus' | 'extractive'>,
  logger: AnswerLogger,
  prompts: AnswerPrompts | undefined,
  chatModel?: ChatModelFactory,
): Answerer {
  if (!llmConfigured(config)) return pipeline.extractive;
  if (!prompts) throw new ConfigError('LLM_BASE_URL and LLM_MODEL are set but no prompt templates were passed: load them from prompts/ with loadPrompts().');
  return new LlmAnswerer({
    retriever: pipeline.retriever,
    corpus: pipeline.corpus,
    extractive: pipeline.extractive,
    chatModel: chatModel ?? openAiCompatibleChatModel({ baseURL: config.LLM_BASE_URL, model: config.LLM_MODEL, ...(config.LLM_API_KEY ? { apiKey: config.LLM_API_KEY } : {}) }),
    prompts,
    timeoutMs: config.LLM_TIMEOUT_MS,
    logger,
  });
}
