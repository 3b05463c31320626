import { z } from 'zod';
import type { VectorizeWriter } from './sync-vectorize.js';
import type { AiBinding } from './worker-env.js';
import { UpstreamError } from '../core/errors.js';

export interface CloudflareApiOptions {
  accountId: string;
  apiToken: string;
  /** Injectable so tests never reach the network. */
  fetch?: typeof fetch;
  baseUrl?: string;
}

const envelope = z.object({
  success: z.boolean(),
  errors: z.array(z.object({ code: z.number().optional(), message: z.string() })).default([]),
  result: z.unknown(),
});

const indexInfo = z.object({ config: z.object({ dimensions: z.number(), metric: z.string() }) });
const listPage = z.object({ vectors: z.array(z.object({ id: z.string() })), isTruncated: z.boolean(), nextCursor: z.string().nullish() });

/**
 * The two Cloudflare REST APIs `npm run sync:vectorize` calls from a developer's machine:
 * Workers AI (`/ai/run/{model}`) and Vectorize v2 (`/vectorize/v2/indexes/{name}/…`).
 * Error messages carry Cloudflare's reasons, never the token.
 */
export class CloudflareApi {
  private readonly fetch: typeof fetch;
  private readonly base: string;

  constructor(private readonly options: CloudflareApiOptions) {
    this.fetch = options.fetch ?? ((input, init) => fetch(input, init));
    this.base = `${options.baseUrl ?? 'https://api.cloudflare.com/client/v4'}/accounts/${encodeURIComponent(options.accountId)}`;
  }

  /** Workers AI over REST, shaped like the `env.AI` binding so the same embedder adapter reads it. */
  aiBinding(): AiBinding {
    return { run: (model, inputs) => this.call('POST', `/ai/run/${model}`, JSON.stringify(inputs), 'application/json') };
  }

  vectorize(indexName: string): VectorizeWriter {
    const index = `/vectorize/v2/indexes/${encodeURIComponent(indexName)}`;
    return {
      describe: async () => indexInfo.parse(await this.call('GET', index)).config,
      upsert: async (records) => {
        await this.call('POST', `${index}/upsert`, records.map((r) => JSON.stringify(r)).join('\n'), 'application/x-ndjson');
      },
      deleteByIds: async (ids) => {
        await this.call('POST', `${index}/delete_by_ids`, JSON.stringify({ ids }), 'application/json');
      },
      listIds: async function* (this: CloudflareApi) {
        let cursor: string | null | undefined;
        do {
          const query = new URLSearchParams({ count: '1000', ...(cursor ? { cursor } : {}) });
          const page = listPage.parse(await this.call('GET', `${index}/list?${query}`));
          for (const v of page.vectors) yield v.id;
          cursor = page.isTruncated ? page.nextCursor : undefined;
        } while (cursor);
      }.bind(this),
    };
  }

  private async call(method: string, path: string, body?: string, contentType?: string): Promise<unknown> {
    const response = await this.fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.options.apiToken}`, ...(contentType ? { 'content-type': contentType } : {}) },
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: z.infer<typeof envelope> | undefined;
    try {
      parsed = envelope.parse(JSON.parse(text));
    } catch {
      parsed = undefined;
    }
    if (!response.ok || !parsed?.success) {
      const reasons = parsed?.errors.map((e) => (e.code ? `${e.code}: ${e.message}` : e.message)).join('; ');
      throw new UpstreamError('Cloudflare API', `Cloudflare API ${method} ${path.split('?')[0]} failed with HTTP ${response.status}${reasons ? `: ${reasons}` : ''}`);
    }
    return parsed.result;
  }
}
