import { describe, expect, it } from 'vitest';
import { harness } from './support/app-harness.js';

const REPORT = '<!doctype html><html lang="zh-CN"><title>问答缺口报告</title></html>';
const get = (key?: string): RequestInit => ({ headers: key ? { Authorization: `Bearer ${key}` } : {} });

describe('GET /admin/gaps', () => {
  it('does not exist without ADMIN_KEYS, even for an API key', async () => {
    const { app } = await harness({ env: { API_KEYS: 'api-1' }, gapReport: async () => REPORT });
    const res = await app.request('/admin/gaps', get('api-1'));
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain('ADMIN_KEYS');
  });

  it.each([
    ['no key', undefined],
    ['an API_KEYS key', 'api-1'],
    ['a wrong key', 'admin-2'],
  ])('refuses %s with 401', async (_name, key) => {
    const { app } = await harness({ env: { API_KEYS: 'api-1', ADMIN_KEYS: 'admin-1' }, gapReport: async () => REPORT });
    const res = await app.request('/admin/gaps', get(key));
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('问答缺口报告');
  });

  it('serves the latest report to an admin key, not cached, scripts and fetches forbidden', async () => {
    const { app } = await harness({ env: { ADMIN_KEYS: 'admin-0,admin-1' }, gapReport: async () => REPORT });
    const res = await app.request('/admin/gaps', get('admin-1'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await res.text()).toBe(REPORT);
  });

  it('says which command writes the report when there is none yet', async () => {
    const { app } = await harness({ env: { ADMIN_KEYS: 'admin-1' }, gapReport: async () => undefined });
    const res = await app.request('/admin/gaps', get('admin-1'));
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toContain('npm run report:gaps');
  });
});
