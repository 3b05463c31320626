import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FakeEmbedder } from '../../src/embeddings/fake-embedder.js';
import { buildGapReport } from '../../src/insights/build-gap-report.js';
import { groupByMeaning } from '../../src/insights/group-by-meaning.js';
import { renderGapHtml } from '../../src/insights/render-gap-html.js';
import { seedCorpus } from '../support/seed-pipeline.js';
import { useChromium, watchPage } from '../widget/support/browser.js';
import { writeStaffLog } from './support/write-staff-log.js';

const OUT = join(import.meta.dirname, '../../test-output/gaps');
const chromium = useChromium();

/**
 * gaps.html as an owner opens it, at 360 px (a phone) and 1280 px: nothing wider than the screen,
 * the chart drawn, a question that looks like HTML shown as text. Screenshots in test-output/gaps/.
 * (Fake embeddings: the layout is under test here; the grouping is measured in report-gaps.model.test.ts.)
 */
describe('gaps.html in Chromium', () => {
  it.each([360, 1280])('reads at %i px without horizontal scrolling', async (width) => {
    const now = Date.parse('2026-03-31T00:00:00Z');
    const staff = await writeStaffLog(now);
    staff.questions.push({ ...staff.questions[0]!, id: 'xss', question: '<img src=x onerror=alert(1)>怎么报销？', answerId: 'a-xss' });
    const report = await buildGapReport({
      questions: staff.questions,
      feedback: staff.feedback,
      corpus: seedCorpus(),
      grouping: groupByMeaning(new FakeEmbedder(), 0.06),
      since: new Date(now - 30 * 86_400_000),
      until: new Date(now),
      now: new Date(now),
    });
    const page = await chromium.newPage({ width, height: 800 });
    const seen = watchPage(page);
    await page.setContent(renderGapHtml(report));
    const { scrollWidth, innerWidth, bars } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
      bars: document.querySelectorAll('svg rect').length,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    expect(bars).toBeGreaterThan(3);
    expect(await page.textContent('body')).toContain('<img src=x onerror=alert(1)>');
    expect(seen).toEqual({ errors: [], dialogs: [] });
    mkdirSync(OUT, { recursive: true });
    await page.screenshot({ path: join(OUT, `gaps-${width}.png`), fullPage: true });
  });
});
