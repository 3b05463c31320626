import { describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/answer/create-pipeline.js';
import { parseConfig } from '../../src/core/config.js';
import { OCR_UNSURE_NOTE } from '../../src/core/corpus.js';
import { createApp } from '../../src/http/create-app.js';
import { MemoryFeedbackStore } from '../../src/store/memory-feedback-store.js';
import { answerMessage } from '../../src/slack/answer-blocks.js';
import { ocrUnsureCorpus, UNSURE_QUESTION } from '../support/ocr-unsure-corpus.js';
import { postJson } from './support/app-harness.js';

/**
 * A passage read from a scan that OCR was unsure of is cited with （扫描件识别，请核对原文） by
 * the API and in Slack; other passages are not (the widget: widget-ocr-note.browser.test.ts).
 */
const { corpus, flaggedId } = ocrUnsureCorpus();
const pipeline = createPipeline({ corpus });
const app = createApp({
  answerer: pipeline.answerer,
  corpus,
  feedback: new MemoryFeedbackStore(),
  readiness: () => ({ ready: true, checks: {} }),
  config: parseConfig({}),
  logger: { info: () => {}, error: () => {} },
  clock: () => 0,
  clientKey: () => 'client',
});

async function ask(question: string) {
  const res = await app.request('/api/ask', postJson({ question }));
  expect(res.status).toBe(200);
  return res.json();
}

describe('the note on a citation read unsurely from a scan', () => {
  it('POST /api/ask: the flagged passage is cited with ocrNote; another point of the same notice is not', async () => {
    const flagged = await ask(UNSURE_QUESTION);
    expect(flagged.citations[0]).toMatchObject({ id: flaggedId, ocrNote: OCR_UNSURE_NOTE });
    expect(OCR_UNSURE_NOTE).toBe('（扫描件识别，请核对原文）');
    const other = await ask('沪卫医〔2023〕32号第4条');
    expect(other.citations[0].id).not.toBe(flaggedId);
    expect(other.citations[0]).not.toHaveProperty('ocrNote');
  });

  it('Slack: the citation line ends with the note', async () => {
    const answer = await pipeline.answerer.answer(UNSURE_QUESTION, {});
    const blocks = answerMessage(answer).blocks as Array<{ block_id?: string; text?: { text: string } }>;
    const cite = blocks.find((b) => b.block_id?.startsWith('cite:1:'))!;
    expect(cite.text!.text.split('\n')[0]).toMatch(/第一部分第5条 · 2023年\d+月\d+日 （扫描件识别，请核对原文）$/);
  });
});
