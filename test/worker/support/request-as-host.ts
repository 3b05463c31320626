import { request } from 'node:http';

/**
 * A request to `wrangler dev` addressed to another hostname, as Cloudflare routes a deployed
 * Worker's traffic: wrangler passes the Host header on, so the Worker sees `https?://host/...` as
 * `request.url`. (fetch() cannot set Host, hence node:http.)
 */
export function requestAsHost(url: string, host: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: { ...init.headers, host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}
