import { describe, expect, it } from 'vitest';
import { seedCorpus } from '../support/seed-pipeline.js';
import { harness } from './support/app-harness.js';

const ID = '2023-shanghai-health-work-priorities#2.8';

describe('GET /api/passages/:id', () => {
  it('returns the passage with its document and its neighbours in the same document', async () => {
    const { app } = await harness();
    const res = await app.request(`/api/passages/${encodeURIComponent(ID)}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.passage.id).toBe(ID);
    expect(body.passage.label).toBe('第二部分第8条');
    expect(body.passage.text).toContain('30-50万人口');
    expect(body.document).toMatchObject({ docNumber: '沪卫发〔2023〕2号', title: '2023年上海市卫生健康工作要点', date: '2023-02-21' });
    expect(body.document.contentHash).toBeUndefined();
    const corpus = seedCorpus();
    const expected = corpus.neighbours(ID);
    expect(body.neighbours.before.map((p: { id: string }) => p.id)).toEqual(expected.before.map((p) => p.id));
    expect(body.neighbours.after.map((p: { id: string }) => p.id)).toEqual(expected.after.map((p) => p.id));
    for (const p of [...body.neighbours.before, ...body.neighbours.after]) expect(p.docId).toBe(body.passage.docId);
  });

  it('404 for an unknown id, saying where ids come from', async () => {
    const { app } = await harness();
    const res = await app.request('/api/passages/2023-shanghai-health-work-priorities%2399.99');
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.code).toBe('passage_not_found');
    expect(body.error.message).toContain('citations[].id');
  });

  it('serves a page to a browser following the link, with the cited point marked and text escaped', async () => {
    const { app } = await harness();
    const res = await app.request(`/api/passages/${encodeURIComponent(ID)}`, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await res.text();
    // The id lets the widget's link (…#<id>) land on the point; the point says in words that it is the cited one.
    expect(page).toContain('<section class="cited" id="2023-shanghai-health-work-priorities#2.8" aria-labelledby="cited-label">');
    expect(page).toContain('<p class="cited-label" id="cited-label">引用的条目</p>');
    expect(page).toContain('沪卫发〔2023〕2号');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toContain('<mark>');
  });

  it('marks the quoted sentence when the link names it, and only text that is in the point', async () => {
    const { app } = await harness();
    const html = { Accept: 'text/html' };
    const quote = '实现每30-50万人口配置一家区域性医疗中心';
    const marked = await (await app.request(`/api/passages/${encodeURIComponent(ID)}?quote=${encodeURIComponent(quote)}`, { headers: html })).text();
    expect(marked).toContain(`<mark>${quote}</mark>`);
    const foreign = await (await app.request(`/api/passages/${encodeURIComponent(ID)}?quote=${encodeURIComponent('<b>不在原文</b>')}`, { headers: html })).text();
    expect(foreign).not.toContain('<mark>');
    expect(foreign).not.toContain('<b>');
  });
});
