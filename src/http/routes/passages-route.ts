import { Hono } from 'hono';
import { compressBody } from '../middleware/compress-body/index.js';
import type { Corpus } from '../../core/corpus.js';
import { ApiError } from '../api-error.js';
import type { AppEnv } from '../app-types.js';
import { passagePage, type PassageInContext } from '../pages/passage-page.js';

export type { PassageInContext };

const MAX_QUOTE_CHARS = 1000;

/**
 * `GET /api/passages/:id`: one passage with its document and the points before and after it,
 * so a citation can be read in context. Browsers following the widget's link get the same as a page
 * (`?quote=` marks the quoted sentence there).
 */
export function passagesRoute(corpus: Corpus): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/passages/:id', compressBody(), (c) => {
    const id = c.req.param('id');
    const passage = corpus.passage(id);
    if (!passage) {
      throw new ApiError(404, 'passage_not_found', `No passage has the id ${JSON.stringify(id.slice(0, 200))}; use an id from an answer's citations[].id (encode "#" as %23).`);
    }
    const { contentHash: _hash, sourceFile: _file, ...document } = corpus.document(passage.docId);
    const body: PassageInContext = { passage, document, neighbours: corpus.neighbours(id) };
    if (prefersHtml(c.req.header('accept'))) {
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
      // The widget's link names the quoted sentence, so the page can mark it.
      return c.html(passagePage(body, c.req.query('quote')?.slice(0, MAX_QUOTE_CHARS) || undefined));
    }
    return c.json(body);
  });
  return app;
}

/** A browser navigating to the link asks for HTML first; API clients ask for JSON or anything. */
function prefersHtml(accept: string | undefined): boolean {
  if (!accept) return false;
  const html = accept.indexOf('text/html');
  const json = accept.indexOf('application/json');
  return html >= 0 && (json < 0 || html < json);
}
