import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedReranker {
  url: string;
  /** Bodies received, parsed. */
  requests: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * A rerank server on 127.0.0.1 speaking TEI's `/rerank` or, under `/v1`, the Cohere/Jina shape of
 * vLLM and Xinference. It scores each text by whether it contains `favour` (1) or not (a small
 * score falling with its position), so tests know which passage a working reranker puts first.
 * `behaviour` makes it fail in the ways real servers do, or reverse the order it was sent.
 */
export async function startScriptedReranker(favour: string, behaviour: 'ok' | 'error' | 'hang' | 'garbage' | 'reverse' = 'ok'): Promise<ScriptedReranker> {
  const requests: Array<Record<string, unknown>> = [];
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as { query: string; texts?: string[]; documents?: string[] };
      requests.push(body);
      if (behaviour === 'hang') return; // never answers; the client's timeout must end it
      if (behaviour === 'error') return void res.writeHead(503).end('overloaded');
      if (behaviour === 'garbage') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"unexpected":true}');
      const texts = body.texts ?? body.documents ?? [];
      // `reverse`: the last text sent scores highest (the fused order turned upside down).
      const score = (t: string, index: number) => (behaviour === 'reverse' ? index : t.includes(favour) ? 1 : 0.1 / (index + 1));
      const scored = texts.map((t, index) => ({ index, score: score(t, index) })).sort((a, b) => b.score - a.score);
      const payload = req.url?.startsWith('/v1/') ? { results: scored.map((s) => ({ index: s.index, relevance_score: s.score })) } : scored;
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(payload));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
