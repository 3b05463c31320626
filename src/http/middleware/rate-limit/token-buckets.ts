/** The outcome of taking one token: allowed, or how long until the next token. */
export type Take = { allowed: true; remaining: number } | { allowed: false; retryAfterMs: number };

/**
 * One token bucket per client: `perMinute` tokens, refilled continuously, so a client may burst
 * up to the limit and then gets one request every `60 / perMinute` seconds. Memory stays bounded:
 * once `maxClients` are tracked, buckets that have refilled completely (idle clients) are dropped.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number,
    private readonly maxClients = 10_000,
  ) {
    this.perMs = perMinute / 60_000;
  }

  take(client: string): Take {
    const now = this.clock();
    const bucket = this.buckets.get(client) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    if (!this.buckets.has(client)) {
      if (this.buckets.size >= this.maxClients) this.sweep(now);
      this.buckets.set(client, bucket);
    }
    if (bucket.tokens < 1) return { allowed: false, retryAfterMs: (1 - bucket.tokens) / this.perMs };
    bucket.tokens -= 1;
    return { allowed: true, remaining: Math.floor(bucket.tokens) };
  }

  /** Whether `client` has a token left, without taking it. */
  peek(client: string): Take {
    const bucket = this.buckets.get(client);
    if (!bucket) return { allowed: true, remaining: this.perMinute };
    const tokens = Math.min(this.perMinute, bucket.tokens + (this.clock() - bucket.at) * this.perMs);
    return tokens < 1 ? { allowed: false, retryAfterMs: (1 - tokens) / this.perMs } : { allowed: true, remaining: Math.floor(tokens) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(now: number): void {
    for (const [client, b] of this.buckets) {
      if (b.tokens + (now - b.at) * this.perMs >= this.perMinute) this.buckets.delete(client);
    }
  }
}
