import type { ApiClient } from './api-client.js';
import { el } from './el.js';
import type { WidgetCitation, WidgetPassage } from './widget-types.js';

export interface PassageLinkDeps {
  endpoint: string;
  api: ApiClient;
  /** With an API key a plain link would open a 401 page: the passage is fetched with the key and shown in the widget. */
  apiKey?: string;
}

/** The passage page's address: the fragment lands on the point, `quote` marks the quoted sentence. */
export function passageUrl(endpoint: string, c: Pick<WidgetCitation, 'id' | 'quote'>): string {
  const id = encodeURIComponent(c.id);
  const quote = c.quote ? `?quote=${encodeURIComponent(c.quote.slice(0, 500))}` : '';
  return `${endpoint}/api/passages/${id}${quote}#${id}`;
}

/** "在原文中查看上下文" (or another text): a link to the passage page, or an in-widget view when a key is needed. */
export function passageLink(c: WidgetCitation, deps: PassageLinkDeps, text = '在原文中查看上下文'): HTMLElement {
  if (!deps.apiKey) {
    return el('a', { class: 'context-link', text, attrs: { href: passageUrl(deps.endpoint, c), target: '_blank', rel: 'noopener noreferrer' } });
  }
  const view = el('div', { class: 'context', attrs: { hidden: '' } });
  const button = el('button', { class: 'context-link link-button', text, attrs: { type: 'button', 'aria-expanded': 'false' } });
  button.addEventListener('click', async () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    view.hidden = !open;
    if (!open || view.childElementCount > 0) return;
    view.append(el('p', { class: 'context-status', text: '正在载入原文…', attrs: { role: 'status' } }));
    try {
      view.replaceChildren(...contextView(await deps.api.passage(c.id), c.quote));
    } catch (error) {
      view.replaceChildren(el('p', { class: 'context-status', text: `原文载入失败：${(error as Error).message}`, attrs: { role: 'alert' } }));
    }
    view.scrollIntoView({ block: 'nearest' });
  });
  return el('span', { class: 'context-wrap' }, [button, view]);
}

/** The point and its neighbours, the cited one labelled (not by colour alone) and its quote marked. */
function contextView(p: WidgetPassage, quote: string | undefined): Node[] {
  const point = (q: { label: string; text: string }, cited: boolean) => {
    const text = el('p', { class: 'context-text' });
    const at = cited && quote ? q.text.indexOf(quote) : -1;
    if (at >= 0) text.append(q.text.slice(0, at), el('mark', { text: quote! }), q.text.slice(at + quote!.length));
    else text.append(q.text);
    return el('section', { class: cited ? 'context-point cited' : 'context-point' }, [el('h4', { text: cited ? `${q.label}（引用的条目）` : q.label }), text]);
  };
  return [
    el('h3', { class: 'context-title', text: `《${p.document.title}》${p.document.docNumber ? ` ${p.document.docNumber}` : ''}` }),
    ...(p.neighbours?.before ?? []).map((q) => point(q, false)),
    point(p.passage, true),
    ...(p.neighbours?.after ?? []).map((q) => point(q, false)),
  ];
}
