import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config.js';
import { createAnswerer } from '../../src/answer/llm/create-answerer.js';
import { LlmAnswerer } from '../../src/answer/llm/llm-answerer.js';
import { loadPrompts } from '../../src/answer/llm/load-prompts.node.js';
import { llmFixture, MODEL, PROMPTS_DIR, RecordingLogger, type LlmFixture } from './llm-fixture.js';

let fx: LlmFixture;
beforeAll(async () => {
  fx = await llmFixture();
});
afterAll(() => fx.server.close());

describe('createAnswerer', () => {
  it('is the extractive composer when no LLM is configured', () => {
    expect(createAnswerer(parseConfig({}), fx.pipeline, new RecordingLogger(), undefined)).toBe(fx.pipeline.extractive);
    expect(createAnswerer(parseConfig({ LLM_BASE_URL: fx.server.baseURL }), fx.pipeline, new RecordingLogger(), fx.prompts)).toBe(fx.pipeline.extractive);
  });

  it('is the LLM composer, talking to LLM_BASE_URL with LLM_MODEL and LLM_API_KEY, when configured', async () => {
    const config = parseConfig({ LLM_BASE_URL: fx.server.baseURL, LLM_MODEL: MODEL, LLM_API_KEY: 'sk-test', LLM_TIMEOUT_MS: '5000' });
    const answerer = createAnswerer(config, fx.pipeline, new RecordingLogger(), fx.prompts);
    expect(answerer).toBeInstanceOf(LlmAnswerer);
    fx.server.script(() => ({ kind: 'text', content: '未在现有文件中找到。' }));
    fx.server.requests.length = 0;
    const answer = await answerer.answer('区域性医疗中心按多少人口配置一家？');
    expect(fx.server.requests).toHaveLength(1);
    expect(fx.server.requests[0]!.body.model).toBe(MODEL);
    expect(answer.mode).toBe('extractive');
  });

  it('refuses to start an LLM composer without its prompts', () => {
    const config = parseConfig({ LLM_BASE_URL: fx.server.baseURL, LLM_MODEL: MODEL });
    expect(() => createAnswerer(config, fx.pipeline, new RecordingLogger(), undefined)).toThrow(/loadPrompts/);
  });
});

describe('loadPrompts', () => {
  it('loads the Chinese system prompt and the user template from prompts/', async () => {
    const prompts = await loadPrompts(PROMPTS_DIR);
    expect(prompts.system).toContain('未在现有文件中找到');
    expect(prompts.system).toContain('「');
    for (const p of ['{{passages}}', '{{history}}', '{{question}}']) expect(prompts.user).toContain(p);
  });

  it('names the file that is missing', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prompts-'));
    await writeFile(join(dir, 'answer.system.md'), '规则');
    await expect(loadPrompts(dir)).rejects.toThrow(join(dir, 'answer.user.md'));
  });

  it('rejects a user template without a placeholder it needs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'prompts-'));
    await writeFile(join(dir, 'answer.system.md'), '规则');
    await writeFile(join(dir, 'answer.user.md'), '{{passages}}\n{{history}}\n问题：');
    await expect(loadPrompts(dir)).rejects.toThrow(/\{\{question\}\}/);
  });
});
