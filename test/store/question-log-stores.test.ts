import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionLogRecord, QuestionLogStore } from '../../src/core/question-log.js';
import { JsonlQuestionLog } from '../../src/store/jsonl-question-log.node.js';
import { MemoryQuestionLog } from '../../src/store/memory-question-log.js';
import { PostgresStore } from '../../src/store/postgres-store.node.js';
import { POSTGRES_MISSING, startPostgres, type TestPostgres } from '../support/start-postgres.js';

if (POSTGRES_MISSING) console.warn(POSTGRES_MISSING);

let dir: string;
let postgres: TestPostgres | undefined;
let databases = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policydesk-questions-'));
  if (!POSTGRES_MISSING) postgres = await startPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
  await rm(dir, { recursive: true, force: true });
});

const record = (i: number, day: number, extra: Partial<QuestionLogRecord> = {}): QuestionLogRecord => ({
  id: `q-${i}`,
  askedAt: new Date(Date.UTC(2026, 2, day, 8, 0, i)).toISOString(),
  channel: (['web', 'api', 'slack'] as const)[i % 3]!,
  question: `第${i}个问题：互联网医院的处方能报销吗？ "引号" \\ ✓`,
  tier: (['high', 'low', 'declined'] as const)[i % 3]!,
  citedIds: i % 3 === 2 ? [] : ['doc#2.8'],
  nearestIds: ['doc#2.8', 'doc#3.1'],
  answerId: `answer-${i}`,
  mode: 'extractive',
  signals: { coverage: 0.5, margin: 0.1, tier: 'low' },
  ...extra,
});

type Opened = { store: QuestionLogStore; reopen: () => Promise<QuestionLogStore>; close: () => Promise<void> };
let files = 0;
const backends: Array<[string, () => Promise<Opened>, boolean]> = [
  [
    'memory',
    async () => {
      const store = new MemoryQuestionLog();
      return { store, reopen: async () => store, close: async () => {} };
    },
    false,
  ],
  [
    'JSONL',
    async () => {
      const path = join(dir, `questions-${++files}.jsonl`);
      const opened: JsonlQuestionLog[] = [await JsonlQuestionLog.open(path)];
      return {
        store: opened[0]!,
        reopen: async () => {
          await opened.at(-1)!.close();
          opened.push(await JsonlQuestionLog.open(path));
          return opened.at(-1)!;
        },
        close: () => opened.at(-1)!.close(),
      };
    },
    false,
  ],
  [
    'PostgreSQL',
    async () => {
      const url = postgres!.createDatabase(`questions_${++databases}`);
      const opened: PostgresStore[] = [await PostgresStore.open(url)];
      return {
        store: opened[0]!.questions,
        reopen: async () => {
          await opened.at(-1)!.close();
          opened.push(await PostgresStore.open(url));
          return opened.at(-1)!.questions;
        },
        close: () => opened.at(-1)!.close(),
      };
    },
    Boolean(POSTGRES_MISSING),
  ],
];

describe.each(backends)('question log in %s', (_name, open, skip) => {
  it.skipIf(skip)('keeps every field, lists from a time on, in time order, across a reopen', async () => {
    const opened = await open();
    const records = [record(1, 3, { missing: 'figure', rewrittenQuestion: '改写后的问题' }), record(2, 1), record(3, 5)];
    for (const r of records) await opened.store.append(r);
    const store = await opened.reopen();
    expect(await store.list()).toEqual([records[1], records[0], records[2]]);
    expect(await store.list({ since: new Date(Date.UTC(2026, 2, 3)).toISOString() })).toEqual([records[0], records[2]]);
    await opened.close();
  });

  it.skipIf(skip)('deleteBefore removes the expired records only, and later appends are kept', async () => {
    const opened = await open();
    for (const r of [record(1, 1), record(2, 10), record(3, 20)]) await opened.store.append(r);
    expect(await opened.store.deleteBefore(new Date(Date.UTC(2026, 2, 10)).toISOString())).toBe(1);
    expect(await opened.store.deleteBefore(new Date(Date.UTC(2026, 2, 10)).toISOString())).toBe(0);
    await opened.store.append(record(4, 21));
    const store = await opened.reopen();
    expect((await store.list()).map((r) => r.id)).toEqual(['q-2', 'q-3', 'q-4']);
    await opened.close();
  });

  it.skipIf(skip)('refuses a record that does not fit the schema, storing nothing', async () => {
    const opened = await open();
    await expect(opened.store.append({ ...record(1, 1), tier: 'maybe' } as unknown as QuestionLogRecord)).rejects.toThrow(/tier/);
    expect(await opened.store.list()).toEqual([]);
    await opened.close();
  });
});

describe('JSONL question log', () => {
  it('appends racing an expiry all land, whole, in the new file', async () => {
    const path = join(dir, 'race.jsonl');
    const store = await JsonlQuestionLog.open(path);
    for (let i = 0; i < 20; i++) await store.append(record(i, 1));
    const writes = Array.from({ length: 30 }, (_, i) => store.append(record(100 + i, 15)));
    const deleted = store.deleteBefore(new Date(Date.UTC(2026, 2, 10)).toISOString());
    await Promise.all([...writes, deleted]);
    expect(await deleted).toBe(20);
    await store.close();
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(30);
    expect(lines.map((l) => JSON.parse(l).id).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `q-${100 + i}`).sort());
  });

  it('group commit: appends wait for their window, go out in one write, and close writes what waits (a clean shutdown loses nothing)', async () => {
    const path = join(dir, 'window.jsonl');
    const store = await JsonlQuestionLog.open(path, { commitWindowMs: 60_000 });
    const acknowledged: number[] = [];
    const writes = [1, 2, 3].map((i) => store.append(record(i, 1)).then(() => acknowledged.push(i)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Within the window nothing is written, and nothing is acknowledged as stored.
    expect([await readFile(path, 'utf8'), acknowledged]).toEqual(['', []]);
    await store.close();
    await Promise.all(writes);
    expect(acknowledged).toEqual([1, 2, 3]);
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['q-1', 'q-2', 'q-3']);
    await expect(store.append(record(4, 1))).rejects.toThrow(/closed/);
  });

  it('group commit: the window closes by itself, and list() sees appends still waiting for theirs', async () => {
    const path = join(dir, 'window-list.jsonl');
    const quick = await JsonlQuestionLog.open(path, { commitWindowMs: 20 });
    await quick.append(record(1, 1));
    expect((await readFile(path, 'utf8')).trim().split('\n')).toHaveLength(1);
    await quick.close();
    const slow = await JsonlQuestionLog.open(path, { commitWindowMs: 60_000 });
    const waiting = slow.append(record(2, 1));
    expect((await slow.list()).map((r) => r.id)).toEqual(['q-1', 'q-2']);
    await waiting;
    await slow.close();
  });

  it('a torn last line (a crash mid-write) is cut at open and the next record is readable', async () => {
    const path = join(dir, 'torn.jsonl');
    const store = await JsonlQuestionLog.open(path);
    await store.append(record(1, 1));
    await store.close();
    await appendFile(path, '{"id":"q-torn","askedAt":"2026-');
    const repaired: number[] = [];
    const reopened = await JsonlQuestionLog.open(path, { onRepair: (bytes) => repaired.push(bytes) });
    await reopened.append(record(2, 2));
    expect((await reopened.list()).map((r) => r.id)).toEqual(['q-1', 'q-2']);
    expect(repaired).toEqual([Buffer.byteLength('{"id":"q-torn","askedAt":"2026-')]);
    await reopened.close();
  });
});
