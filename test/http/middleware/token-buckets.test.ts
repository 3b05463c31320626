import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../../src/http/middleware/rate-limit/token-buckets.js';

describe('TokenBuckets', () => {
  it('allows a burst of perMinute, then one request per 60/perMinute seconds', () => {
    let now = 0;
    const buckets = new TokenBuckets(6, () => now);
    const results = Array.from({ length: 7 }, () => buckets.take('a'));
    expect(results.slice(0, 6).every((r) => r.allowed)).toBe(true);
    expect(results[6]).toEqual({ allowed: false, retryAfterMs: 10_000 });
    now += 9_999;
    expect(buckets.take('a').allowed).toBe(false);
    now += 1;
    expect(buckets.take('a')).toEqual({ allowed: true, remaining: 0 });
  });

  it('refills no higher than the limit after a long idle time', () => {
    let now = 0;
    const buckets = new TokenBuckets(2, () => now);
    buckets.take('a');
    now += 3_600_000;
    expect(buckets.take('a')).toEqual({ allowed: true, remaining: 1 });
    expect(buckets.take('a')).toEqual({ allowed: true, remaining: 0 });
    expect(buckets.take('a').allowed).toBe(false);
  });

  it('keeps clients apart', () => {
    const buckets = new TokenBuckets(1, () => 0);
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
    expect(buckets.take('b').allowed).toBe(true);
  });

  it('stays bounded: idle, refilled clients are dropped once the cap is reached, busy ones are kept', () => {
    let now = 0;
    const buckets = new TokenBuckets(60, () => now, 3);
    buckets.take('idle-1');
    buckets.take('idle-2');
    for (let i = 0; i < 60; i++) buckets.take('busy');
    now += 1_000;
    buckets.take('new');
    expect(buckets.size).toBe(2);
    expect(buckets.take('busy').allowed).toBe(true);
    expect(buckets.take('busy').allowed).toBe(false);
  });
});
