import type { BaseMessage } from '@langchain/core/messages';

/** What the composer needs of a chat model; LangChain's ChatOpenAI has this shape. */
export interface ChatModel {
  invoke(messages: BaseMessage[], options?: { signal?: AbortSignal }): Promise<{ content: unknown }>;
  stream(messages: BaseMessage[], options?: { signal?: AbortSignal }): Promise<AsyncIterable<{ content: unknown }>>;
}

/** Makes (or returns the already made) chat model; may fail, e.g. when the package cannot load. */
export type ChatModelFactory = () => Promise<ChatModel>;

export interface OpenAiCompatibleSettings {
  /** e.g. `http://127.0.0.1:8000/v1` (vLLM), `https://api.deepseek.com/v1`. */
  baseURL: string;
  model: string;
  apiKey?: string;
  /**
   * Retries on 429/5xx. Default 0: the extractive fallback answers at once, and a retry with
   * back-off would spend most of the timeout before the user sees anything.
   */
  maxRetries?: number;
}

/**
 * A factory for `ChatOpenAI` pointed at any OpenAI-compatible endpoint. `@langchain/openai` is
 * imported on first use, so deployments without an LLM never load it.
 */
export function openAiCompatibleChatModel(settings: OpenAiCompatibleSettings): ChatModelFactory {
  let made: Promise<ChatModel> | undefined;
  return () =>
    (made ??= import('@langchain/openai')
      .then(
        ({ ChatOpenAI }): ChatModel =>
          new ChatOpenAI({
            model: settings.model,
            // Local servers (vLLM, Ollama) need no key, but the client refuses to start without one.
            apiKey: settings.apiKey ?? 'not-needed',
            configuration: { baseURL: settings.baseURL },
            maxRetries: settings.maxRetries ?? 0,
            temperature: 0,
          }),
      )
      .catch((error: unknown) => {
        made = undefined;
        throw error;
      }));
}

/** The text of a message's content, whether a string or a list of content blocks. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((block: unknown) => (typeof block === 'string' ? block : block && typeof block === 'object' && 'text' in block && typeof block.text === 'string' ? block.text : '')).join('');
}
