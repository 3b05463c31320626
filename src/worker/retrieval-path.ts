/** Which retrieval path a Worker isolate answers with right now, and why. */
export type RetrievalPathMode = 'hybrid' | 'lexical';

export interface RetrievalPathStatus {
  mode: RetrievalPathMode;
  /** Whether the AI and VECTORIZE bindings are configured at all. */
  denseConfigured: boolean;
  /** Why the path is lexical: bindings absent, or the last binding failure. */
  reason?: string;
  /** When a failed dense path is tried again (ms since the epoch). */
  retryAt?: number;
}

/**
 * The dense path's health: unverified until its first use, then hybrid, or lexical after a
 * failure until `retryMs` has passed (so one outage does not cost every request a timeout).
 */
export class RetrievalPath {
  private state: 'unverified' | 'ok' | 'failed' = 'unverified';
  private reason: string | undefined;
  private retryAt = 0;

  constructor(private readonly options: { denseConfigured: boolean; unconfiguredReason?: string; clock: () => number; retryMs?: number }) {}

  /** Whether the next request should try the dense path; `verified` tells whether it was already checked. */
  shouldTryDense(): { tryDense: boolean; verified: boolean } {
    if (!this.options.denseConfigured) return { tryDense: false, verified: false };
    if (this.state === 'failed' && this.options.clock() < this.retryAt) return { tryDense: false, verified: false };
    return { tryDense: true, verified: this.state === 'ok' };
  }

  succeeded(): void {
    this.state = 'ok';
    this.reason = undefined;
  }

  failed(reason: string): void {
    this.state = 'failed';
    this.reason = reason;
    this.retryAt = this.options.clock() + (this.options.retryMs ?? 60_000);
  }

  status(): RetrievalPathStatus {
    if (!this.options.denseConfigured) {
      return { mode: 'lexical', denseConfigured: false, reason: this.options.unconfiguredReason ?? 'the AI and VECTORIZE bindings are not configured' };
    }
    if (this.state === 'failed') return { mode: 'lexical', denseConfigured: true, reason: this.reason!, retryAt: this.retryAt };
    return { mode: 'hybrid', denseConfigured: true };
  }
}
