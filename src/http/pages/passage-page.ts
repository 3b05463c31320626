import { html } from 'hono/html';
import type { Passage } from '../../core/types.js';
import type { PassageInContext } from '../routes/passages-route.js';

/** A cited passage in context as a page; every value goes through `html`'s escaping, never raw. */
export function passagePage({ passage, document, neighbours }: PassageInContext) {
  const point = (p: Passage, cited: boolean) => html`<section class="${cited ? 'cited' : 'near'}" id="${p.id}">
  <h2>${p.label}</h2>
  <p>${p.text}</p>
</section>`;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${document.title} · ${passage.label}</title>
<style>
  body { font-family: system-ui, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.7; color: #1f2933; }
  header p { color: #52606d; margin: .2rem 0; }
  section { border-left: 4px solid #d9e2ec; padding: .2rem 1rem; margin: 1rem 0; }
  section.cited { border-color: #1f6feb; background: #f0f6ff; }
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
