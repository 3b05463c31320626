import { html } from 'hono/html';
import type { Passage, PolicyDocument } from '../../core/types.js';

/** One passage with its document and the points around it: the JSON of `GET /api/passages/:id`, and this page. */
export interface PassageInContext {
  passage: Passage;
  document: Omit<PolicyDocument, 'contentHash' | 'sourceFile'>;
  neighbours: { before: Passage[]; after: Passage[] };
}

/**
 * A cited passage in context as a page; every value goes through `html`'s escaping, never raw.
 * Each point carries its passage id as `id`, so the widget's link (`…#<id>`) lands on it; the
 * cited point says so in words (not by colour alone), and `quote`, when it is a sentence of that
 * point, is marked.
 */
export function passagePage({ passage, document, neighbours }: PassageInContext, quote?: string) {
  const text = (p: Passage, cited: boolean) => {
    const at = cited && quote ? p.text.indexOf(quote) : -1;
    if (at < 0) return html`${p.text}`;
    return html`${p.text.slice(0, at)}<mark>${quote}</mark>${p.text.slice(at + quote!.length)}`;
  };
  const point = (p: Passage, cited: boolean) => html`<section class="${cited ? 'cited' : 'near'}" id="${p.id}"${cited ? html` aria-labelledby="cited-label"` : ''}>
  ${cited ? html`<p class="cited-label" id="cited-label">引用的条目</p>` : ''}
  <h2>${p.label}</h2>
  <p>${text(p, cited)}</p>
</section>`;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${document.title} · ${passage.label}</title>
<style>
  body { font-family: system-ui, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.7; color: #1f2933; }
  header p { color: #52606d; margin: .2rem 0; }
  section { border-left: 4px solid #9aa5b1; padding: .2rem 1rem; margin: 1rem 0; scroll-margin-top: 1rem; }
  section.cited { border-left: 6px solid #1f6feb; background: #f0f6ff; }
  .cited-label { display: inline-block; margin: .4rem 0 0; padding: 0 .5rem; border-radius: 4px; background: #1450b8; color: #fff; font-size: .85rem; font-weight: 600; }
  mark { background: #ffe58f; color: inherit; padding: 0 .1em; }
  h2 { font-size: 1rem; margin: .4rem 0; }
</style>
</head>
<body>
<header>
  <h1>${document.title}</h1>
  <p>${document.docNumber} · ${document.issuer} · ${document.date}</p>
</header>
<main>
${neighbours.before.map((p) => point(p, false))}
${point(passage, true)}
${neighbours.after.map((p) => point(p, false))}
</main>
</body>
</html>`;
}
