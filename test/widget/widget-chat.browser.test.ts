import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answerer } from '../../src/answer/types.js';
import { JsonlFeedbackStore } from '../../src/store/jsonl-feedback-store.node.js';
import { CORPUS_QUESTION } from '../http/support/app-harness.js';
import { startSeedServer, type SeedServer } from '../http/support/start-seed-server.js';
import { launchChromium, partials, recordStreaming, screenshot, watchPage } from './support/browser.js';

/** The real answerer with a pause before each text delta, so the stream is visible in the page. */
const paced = (real: Answerer): Answerer => ({
  answer: (q, o) => real.answer(q, o),
  async *stream(q, o) {
    for await (const event of real.stream(q, o)) {
      if (event.type === 'delta') await new Promise((resolve) => setTimeout(resolve, 60));
      yield event;
    }
  },
});

let server: SeedServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let dataDir: string;
let seen: ReturnType<typeof watchPage>;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'policydesk-widget-'));
  server = await startSeedServer({ feedback: await JsonlFeedbackStore.open(join(dataDir, 'feedback.jsonl')), answerer: paced });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  page = await context.newPage();
  seen = watchPage(page);
  await page.goto(`${server.url}/`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await server?.feedback.close();
  await rm(dataDir, { recursive: true, force: true });
});

const widget = () => page.locator('policydesk-widget');
const bot = () => widget().locator('.msg.bot');

describe('the widget on the demo page, in Chromium, against the real pipeline', () => {
  it('opens from its floating button as a labelled dialog with the input focused', async () => {
    const launcher = page.getByRole('button', { name: '打开政策问答' });
    await expect.poll(() => launcher.getAttribute('aria-expanded')).toBe('false');
    await launcher.click();
    const dialog = page.getByRole('dialog', { name: '政策问答' });
    expect(await dialog.isVisible()).toBe(true);
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByLabel('输入您的问题').evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
  });

  it('renders its Chinese UI in a Simplified Chinese font (not missing-glyph boxes)', async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    type DomNode = { nodeId: number; nodeName: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
    const find = (node: DomNode): DomNode | undefined => {
      if (node.nodeName === 'H2' && node.attributes?.includes('pd-title')) return node;
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const hit = find(child);
        if (hit) return hit;
      }
      return undefined;
    };
    const title = find(root as DomNode);
    expect(title, 'the widget title is in the shadow root').toBeDefined();
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: title!.nodeId });
    const cjk = fonts.filter((f) => /CJK|SC|Hei|Han|Song|WenQuanYi/i.test(f.familyName));
    expect(
      cjk.reduce((n, f) => n + f.glyphCount, 0),
      `fonts used: ${JSON.stringify(fonts)}; see test/widget/support/find-chromium.ts`,
    ).toBe(4);
  });

  it('streams the answer to a corpus question, then shows it with citation chips', async () => {
    await recordStreaming(page);
    const input = page.getByLabel('输入您的问题');
    await input.fill(CORPUS_QUESTION);
    const response = page.waitForResponse((r) => r.url().endsWith('/api/chat'));
    await input.press('Enter');
    expect((await response).headers()['content-type']).toBe('text/event-stream');
    const chip = widget().locator('.answer-text .chip').first();
    await chip.waitFor();
    const final = (await bot().nth(1).locator('.answer-text').textContent())!;
    expect(final).toContain('30-50万人口配置一家区域性医疗中心[1]');
    // Seen part-way: some text shown that was a strict prefix of the final answer.
    const shown = await partials(page);
    expect(shown.some((p) => p.length > 0 && p.length < final.length && final.startsWith(p))).toBe(true);
    expect(await widget().locator('.msg.user .text').first().textContent()).toBe(CORPUS_QUESTION);
    await screenshot(page, 'desktop-answer');
  });

  it('a chip opens the quoted passage with document, number, point and date, and links to it in context', async () => {
    const chip = page.getByRole('button', { name: '出处 [1] 沪卫发〔2023〕2号 第二部分第8条：《2023年上海市卫生健康工作要点》', exact: true });
    await chip.click();
    expect(await chip.getAttribute('aria-expanded')).toBe('true');
    const detail = widget().locator('.detail').first();
    expect(await detail.isVisible()).toBe(true);
    expect(await detail.locator('.quote').textContent()).toContain('实现每30-50万人口配置一家区域性医疗中心');
    const meta = await detail.locator('.meta').textContent();
    for (const part of ['《2023年上海市卫生健康工作要点》', '沪卫发〔2023〕2号', '第二部分第8条', '2023-02-21']) expect(meta).toContain(part);
    await screenshot(page, 'desktop-citation');

    const link = detail.getByRole('link', { name: '在原文中查看上下文' });
    expect(await link.getAttribute('href')).toMatch(new RegExp(`^${server.url}/api/passages/2023-shanghai-health-work-priorities%232\\.8\\?quote=[^#]+#2023-shanghai-health-work-priorities%232\\.8$`));
    const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await popup.waitForLoadState();
    expect(await popup.locator('section.cited').textContent()).toContain('30-50万人口');
    expect(await popup.locator('section.near').count()).toBeGreaterThan(0);
    await popup.close();

    await chip.click();
    expect(await detail.isVisible()).toBe(false);
  });

  it('sends the history with a follow-up question', async () => {
    const input = page.getByLabel('输入您的问题');
    await input.fill('这条是哪个文件里的？');
    const request = page.waitForRequest((r) => r.url().endsWith('/api/chat'));
    await page.getByRole('button', { name: '发送问题' }).click();
    const body = (await request).postDataJSON();
    expect(body.question).toBe('这条是哪个文件里的？');
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({ question: CORPUS_QUESTION, citations: [{ id: '2023-shanghai-health-work-priorities#2.8' }] });
    await bot().nth(2).locator('.feedback').waitFor();
    const answer = await bot().nth(2).locator('.answer-text').textContent();
    expect(answer).toContain('《2023年上海市卫生健康工作要点》');
    expect(answer).toContain('第二部分第8条');
  });

  it('stores 👎 with the passage it should have cited and a comment, and 👍, in the feedback store', async () => {
    const firstAnswer = bot().nth(1);
    await firstAnswer.getByRole('button', { name: '没有帮助' }).click();
    const pick = firstAnswer.getByRole('combobox', { name: '应该引用的条目（可选）' });
    // The cited passage at once, then the other ranked passages as their labels arrive from /api/passages/:id.
    await expect.poll(() => pick.locator('option').count()).toBeGreaterThan(2);
    const options = await pick.locator('option').evaluateAll((os) => os.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent! })));
    expect(options[1]).toEqual({ value: '2023-shanghai-health-work-priorities#2.8', text: '《2023年上海市卫生健康工作要点》第二部分第8条' });
    const other = options[2]!;
    expect(other.text).toMatch(/^《.+》.+/);
    await pick.selectOption(other.value);
    await firstAnswer.getByRole('textbox', { name: '补充说明（可选）' }).fill('应该同时引用这一条');
    await firstAnswer.getByRole('button', { name: '提交反馈' }).click();
    await firstAnswer.getByRole('status').filter({ hasText: '谢谢反馈' }).waitFor();
    await bot().nth(2).getByRole('button', { name: '有帮助', exact: true }).click();
    await bot().nth(2).getByRole('status').waitFor();

    const stored = await server.feedback.list();
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({ question: CORPUS_QUESTION, rating: 'down', comment: '应该同时引用这一条', expectedPassageId: other.value });
    expect(stored[1]).toMatchObject({ question: '这条是哪个文件里的？', rating: 'up' });
    expect(stored[1]).not.toHaveProperty('comment');
    expect(stored[0]!.answerId).not.toBe(stored[1]!.answerId);
    await screenshot(page, 'desktop-feedback');
  });

  it('is keyboard usable: Esc closes and gives focus back to the button; Enter on it opens again', async () => {
    await page.getByLabel('输入您的问题').focus();
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog', { name: '政策问答' }).isVisible()).toBe(false);
    const launcher = page.getByRole('button', { name: '打开政策问答' });
    expect(await launcher.evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(await launcher.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('dialog', { name: '政策问答' }).isVisible()).toBe(true);
    // Tab order inside the panel runs from the input to the send button.
    await page.keyboard.press('Tab');
    expect(await page.getByRole('button', { name: '发送问题' }).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement)).toBe(true);
    expect(seen.errors).toEqual([]);
  });
});
