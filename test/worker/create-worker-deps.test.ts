import { beforeEach, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/answer/create-pipeline.js';
import type { Answer, AnswerEvent } from '../../src/answer/types.js';
import { InvalidInputError } from '../../src/core/errors.js';
import type { Logger } from '../../src/http/app-types.js';
import { Bm25Index } from '../../src/retrieval/bm25-index.js';
import { Corpus } from '../../src/core/corpus.js';
import { createWorkerDeps, HYBRID_EXPERIMENTAL } from '../../src/worker/create-worker-deps.js';
import { LEXICAL_NOTICE } from '../../src/worker/fallback-answerer.js';
import { syncVectorize } from '../../src/worker/sync-vectorize.js';
import type { WorkerData } from '../../src/worker/worker-data.js';
import { WorkersAiEmbedder } from '../../src/worker/workers-ai-embedder.js';
import { InTestAi, InTestVectorize } from './support/in-test-bindings.js';
import { seedWorkerData } from './support/worker-fixtures.js';

const QUESTION = '区域性医疗中心按多少人口配置一家？';
const OTHER_QUESTION = '发热门诊要储备多少医务人员？';

let data: WorkerData;
let ai: InTestAi;
let vectorize: InTestVectorize;
let now: number;
let logged: Array<Record<string, unknown>>;
const logger: Logger = { info: (e) => logged.push(e), error: (e) => logged.push(e) };

const deps = (env: Record<string, unknown>) => createWorkerDeps({ data, env, logger, clock: () => now, denseRetryMs: 60_000 });
const retrieval = (d: Awaited<ReturnType<typeof deps>>) => (d.readiness().checks as { retrieval: Record<string, unknown> }).retrieval;

/** What BM25 alone answers: the fallback must give exactly this, apart from its id and notice. */
async function lexicalAnswer(question: string) {
  const { answerId: _id, ...rest } = await createPipeline({ corpus: new Corpus(data.corpus), bm25: new Bm25Index(data.bm25) }).answerer.answer(question);
  return rest;
}
const comparable = ({ answerId: _id, notice: _notice, ...rest }: Answer) => rest;

async function collect(events: AsyncIterable<AnswerEvent>): Promise<Answer> {
  let done: Answer | undefined;
  for await (const e of events) if (e.type === 'done') done = e.answer;
  return done!;
}

beforeEach(async () => {
  data = await seedWorkerData();
  ai = new InTestAi();
  vectorize = new InTestVectorize();
  await syncVectorize({ data, embedder: new WorkersAiEmbedder(ai), target: vectorize });
  ai.calls.length = 0;
  now = 1_000_000;
  logged = [];
});

describe('createWorkerDeps', () => {
  it('without bindings: lexical, and /readyz says why', async () => {
    const d = await deps({});
    expect(retrieval(d)).toEqual({ mode: 'lexical', denseConfigured: false, reason: 'the AI and VECTORIZE bindings are not configured' });
    const answer = await d.answerer.answer(QUESTION);
    expect(comparable(answer)).toEqual(await lexicalAnswer(QUESTION));
    expect(answer.notice).toBeUndefined();
  });

  it('with only one binding: lexical, naming the missing one', async () => {
    expect(retrieval(await deps({ AI: ai }))).toMatchObject({ mode: 'lexical', reason: 'the VECTORIZE binding is not configured' });
  });

  it('with both bindings and a matching index: hybrid, embedding the question with Workers AI', async () => {
    const d = await deps({ AI: ai, VECTORIZE: vectorize });
    expect(retrieval(d)).toEqual({ mode: 'hybrid', denseConfigured: true, calibration: HYBRID_EXPERIMENTAL });
    const answer = await d.answerer.answer(QUESTION);
    expect(ai.calls).toEqual([{ model: '@cf/baai/bge-m3', inputs: { text: [QUESTION] } }]);
    expect(answer.question).toBe(QUESTION);
    expect(answer.notice).toBeUndefined();
  });

  it('a repeated question is embedded by Workers AI once per isolate (QUERY_CACHE_SIZE=0 turns that off)', async () => {
    const d = await deps({ AI: ai, VECTORIZE: vectorize });
    const first = await d.answerer.answer(QUESTION);
    const again = await d.answerer.answer(QUESTION);
    expect(ai.calls).toHaveLength(1);
    expect(comparable(again)).toEqual(comparable(first));
    ai.calls.length = 0;
    const uncached = await deps({ AI: ai, VECTORIZE: vectorize, QUERY_CACHE_SIZE: '0' });
    await uncached.answerer.answer(QUESTION);
    await uncached.answerer.answer(QUESTION);
    expect(ai.calls).toHaveLength(2);
  });

  it('reads vars from env: config is parsed from the Worker env', async () => {
    const d = await deps({ ALLOWED_ORIGINS: 'https://intranet.example', RATE_LIMIT_PER_MINUTE: '30' });
    expect(d.config).toMatchObject({ ALLOWED_ORIGINS: ['https://intranet.example'], RATE_LIMIT_PER_MINUTE: 30 });
  });

  it('an AI failure: the answer still comes, lexically, with the reason; /readyz turns lexical', async () => {
    const d = await deps({ AI: ai, VECTORIZE: vectorize });
    await d.answerer.answer(QUESTION);
    ai.failWith = new Error('AiError: 3040: Capacity temporarily exceeded');
    // A question not asked before: a repeated one would not reach Workers AI (its vector is cached).
    const answer = await d.answerer.answer(OTHER_QUESTION);
    expect(comparable(answer)).toEqual(await lexicalAnswer(OTHER_QUESTION));
    expect(answer.notice).toBe(LEXICAL_NOTICE);
    expect(retrieval(d)).toEqual({
      mode: 'lexical',
      denseConfigured: true,
      reason: 'AI: @cf/baai/bge-m3 failed: AiError: 3040: Capacity temporarily exceeded',
      retryAt: now + 60_000,
      calibration: HYBRID_EXPERIMENTAL,
    });
    expect(logged).toContainEqual({ msg: 'dense retrieval failed; answering lexically', reason: expect.stringContaining('3040') });

    // Within the retry window the binding is not called again; after it, hybrid resumes.
    const calls = ai.calls.length;
    await d.answerer.answer(OTHER_QUESTION);
    expect(ai.calls.length).toBe(calls);
    ai.failWith = undefined;
    now += 60_001;
    const again = await d.answerer.answer(OTHER_QUESTION);
    expect(ai.calls.length).toBe(calls + 1);
    expect(again.notice).toBeUndefined();
    expect(retrieval(d)).toMatchObject({ mode: 'hybrid', denseConfigured: true });
  });

  it('a Vectorize failure in a stream: falls back before the first event', async () => {
    const d = await deps({ AI: ai, VECTORIZE: vectorize });
    vectorize.failWith = new Error('VECTOR_QUERY_ERROR (code = 40000): internal error');
    const answer = await collect(d.answerer.stream(QUESTION));
    expect(comparable(answer)).toEqual(await lexicalAnswer(QUESTION));
    expect(answer.notice).toBe(LEXICAL_NOTICE);
    expect(retrieval(d)).toMatchObject({ mode: 'lexical', reason: expect.stringContaining('VECTORIZE: query failed') });
  });

  it('an index filled by another model: lexical from the start, saying which model it holds', async () => {
    const other = new InTestVectorize();
    await other.upsert([...vectorize.records.values()].map((r) => (r.id === 'policydesk:manifest' ? { ...r, metadata: { ...r.metadata, model: '@cf/baai/bge-large-en-v1.5' } } : r)));
    const d = await deps({ AI: ai, VECTORIZE: other });
    expect(retrieval(d)).toMatchObject({ mode: 'lexical', reason: expect.stringContaining('@cf/baai/bge-large-en-v1.5') });
    expect(retrieval(d)).toMatchObject({ reason: expect.stringContaining('npm run sync:vectorize') });
    expect((await d.answerer.answer(QUESTION)).notice).toBe(LEXICAL_NOTICE);
    expect(ai.calls).toHaveLength(0);
  });

  it('an invalid question is the caller’s error, not a reason to fall back', async () => {
    const d = await deps({ AI: ai, VECTORIZE: vectorize });
    await expect(d.answerer.answer('   ')).rejects.toBeInstanceOf(InvalidInputError);
    expect(retrieval(d)).toMatchObject({ mode: 'hybrid' });
  });

  it.each([
    ['Workers AI never answers', () => (ai.hang = true), 'AI: @cf/baai/bge-m3 failed: timed out after 50 ms'],
    ['a Vectorize query never answers', () => (vectorize.hang.query = true), 'VECTORIZE: query failed: timed out after 50 ms'],
  ])('%s: the answer comes lexically once BINDING_TIMEOUT_MS has passed, and /readyz says why', async (_name, stall, reason) => {
    const d = await deps({ AI: ai, VECTORIZE: vectorize, BINDING_TIMEOUT_MS: '50' });
    stall();
    const answer = await d.answerer.answer(OTHER_QUESTION);
    expect(comparable(answer)).toEqual(await lexicalAnswer(OTHER_QUESTION));
    expect(answer.notice).toBe(LEXICAL_NOTICE);
    expect(retrieval(d)).toMatchObject({ mode: 'lexical', reason });
    expect((d.readiness().checks as { bindingTimeoutMs: number }).bindingTimeoutMs).toBe(50);
  });

  it('a Vectorize manifest read that never answers: lexical from the first request', async () => {
    vectorize.hang.getByIds = true;
    const d = await deps({ AI: ai, VECTORIZE: vectorize, BINDING_TIMEOUT_MS: '100' });
    expect(retrieval(d)).toMatchObject({ mode: 'lexical', reason: 'VECTORIZE: reading the manifest failed: timed out after 100 ms' });
    expect((await d.answerer.answer(QUESTION)).notice).toBe(LEXICAL_NOTICE);
  });

  it('BINDING_TIMEOUT_MS defaults to 2000 ms; a value out of range names the variable', async () => {
    expect((await deps({})).readiness().checks).toMatchObject({ bindingTimeoutMs: 2000 });
    await expect(deps({ BINDING_TIMEOUT_MS: '0' })).rejects.toThrow(/BINDING_TIMEOUT_MS/);
  });
});
