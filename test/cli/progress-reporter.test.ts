import { describe, expect, test } from 'vitest';
import { progressReporter } from '../../src/cli/progress-reporter.js';

function recorder(isTTY: boolean) {
  const out: string[] = [];
  let clock = 0;
  return { out, tick: (ms: number) => (clock += ms), stream: { isTTY, write: (t: string) => out.push(t) }, now: () => clock };
}

describe('progressReporter', () => {
  test('on a terminal: one bar redrawn in place, with counts and the time left, cleared at the end', () => {
    const r = recorder(true);
    const p = progressReporter(r.stream, { now: r.now });
    p.update({ phase: 'embed', done: 0, total: 4 });
    r.tick(2000);
    p.update({ phase: 'embed', done: 1, total: 4 });
    p.end();
    expect(r.out[1]).toBe('\r\x1b[K[######------------------] embed: 1/4 · ~6 s left');
    expect(r.out.every((t) => t.startsWith('\r\x1b[K') && !t.includes('\n'))).toBe(true);
  });

  test('not on a terminal: a line when a phase or file starts, when it ends, and at most one every interval between', () => {
    const r = recorder(false);
    const p = progressReporter(r.stream, { now: r.now, everyMs: 10_000 });
    p.update({ phase: 'ocr', file: 'a.pdf', done: 1, total: 10 });
    for (let done = 2; done <= 10; done++) {
      r.tick(3000);
      p.update({ phase: 'ocr', file: 'a.pdf', done, total: 10 });
    }
    p.update({ phase: 'ocr', file: 'b.png', done: 1, total: 1 });
    p.end();
    expect(r.out).toEqual(['ocr a.pdf: 1/10\n', 'ocr a.pdf: 5/10 · ~15 s left\n', 'ocr a.pdf: 9/10 · ~3 s left\n', 'ocr a.pdf: 10/10\n', 'ocr b.png: 1/1\n']);
  });
});
