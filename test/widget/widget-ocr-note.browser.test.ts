import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipeline } from '../../src/answer/create-pipeline.js';
import { OCR_UNSURE_NOTE } from '../../src/core/corpus.js';
import { startSeedServer, type SeedServer } from '../http/support/start-seed-server.js';
import { ocrUnsureCorpus, UNSURE_QUESTION } from '../support/ocr-unsure-corpus.js';
import { openDemoAt, useChromium } from './support/browser.js';

/** The widget, in Chromium, shows （扫描件识别，请核对原文） on a citation read unsurely from a scan, and on no other. */
let server: SeedServer;
const chromium = useChromium();

beforeAll(async () => {
  server = await startSeedServer({ pipeline: createPipeline({ corpus: ocrUnsureCorpus().corpus }) });
});
afterAll(async () => {
  await server?.close();
});

async function askInWidget(question: string) {
  const page = await openDemoAt(await chromium.newPage(), server.url, { open: true });
  const widget = page.locator('policydesk-widget');
  await page.getByLabel('输入您的问题').fill(question);
  await page.getByLabel('输入您的问题').press('Enter');
  const source = widget.locator('.sources .chip').first();
  await source.waitFor();
  return { widget, source };
}

describe('the scan note in the widget', () => {
  it('the source chip carries the note, and the opened citation shows it above its details', async () => {
    const { widget, source } = await askInWidget(UNSURE_QUESTION);
    expect(await source.textContent()).toBe(`[1] 沪卫医〔2023〕32号 第一部分第5条${OCR_UNSURE_NOTE}`);
    await source.click();
    expect(await widget.locator('.detail .ocr-note').textContent()).toBe(OCR_UNSURE_NOTE);
  });

  it('a point read from text has no note', async () => {
    const { widget, source } = await askInWidget('沪卫医〔2023〕32号第4条');
    expect(await source.textContent()).toBe('[1] 沪卫医〔2023〕32号 第一部分第4条');
    await source.click();
    expect(await widget.locator('.detail .ocr-note').count()).toBe(0);
  });
});
