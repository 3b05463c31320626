import { describe, expect, it } from 'vitest';
import { TtlCache } from '../../src/slack/ttl-cache.js';

describe('TtlCache', () => {
  it('seen() marks and reports in one step', () => {
    const cache = new TtlCache<true>({ maxEntries: 10, ttlMs: 1000, now: () => 0 });
    expect(cache.seen('Ev1')).toBe(false);
    expect(cache.seen('Ev1')).toBe(true);
    expect(cache.seen('Ev2')).toBe(false);
  });

  it('forgets entries once their time is up', () => {
    let now = 0;
    const cache = new TtlCache<string>({ maxEntries: 10, ttlMs: 1000, now: () => now });
    cache.set('a', 'x');
    now = 999;
    expect(cache.get('a')).toBe('x');
    now = 1000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the oldest entry when full, so memory stays bounded', () => {
    const cache = new TtlCache<number>({ maxEntries: 3, ttlMs: 1000, now: () => 0 });
    for (let i = 0; i < 5; i++) cache.set(`k${i}`, i);
    expect(cache.size).toBe(3);
    expect(['k0', 'k1', 'k2', 'k3', 'k4'].map((k) => cache.get(k))).toEqual([undefined, undefined, 2, 3, 4]);
  });

  it('setting a key again makes it the newest', () => {
    const cache = new TtlCache<number>({ maxEntries: 2, ttlMs: 1000, now: () => 0 });
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('a', 3);
    cache.set('c', 4);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([3, undefined, 4]);
  });
});
