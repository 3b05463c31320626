import { el } from './el.js';
import type { WidgetAnswer, WidgetCitation } from './widget-types.js';

let detailCount = 0;

/**
 * The finished answer: its text with each `[n]` marker as a chip button, a row of source chips,
 * and one detail area that shows the chosen citation's quote, document, number, point and date.
 */
export function renderAnswer(answer: WidgetAnswer, endpoint: string): HTMLElement {
  const detailId = `pd-detail-${++detailCount}`;
  const detail = el('div', { class: 'detail', attrs: { id: detailId, hidden: '' } });
  const chips: HTMLButtonElement[] = [];
  let open = -1;

  const toggle = (index: number) => {
    open = open === index ? -1 : index;
    for (const chip of chips) chip.setAttribute('aria-expanded', String(Number(chip.dataset.index) === open));
    detail.replaceChildren();
    detail.hidden = open < 0;
    const citation = answer.citations[open];
    if (citation) detail.append(...citationDetail(citation, open + 1, endpoint));
  };
  const chip = (index: number, text: string, label: string) => {
    const button = el('button', { class: 'chip', text, attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': detailId, 'aria-label': label } });
    button.dataset.index = String(index);
    button.addEventListener('click', () => toggle(index));
    chips.push(button);
    return button;
  };

  const text = el('p', { class: 'answer-text' });
  for (const part of answer.answer.split(/(\[\d+\])/)) {
    const marker = /^\[(\d+)\]$/.exec(part);
    const citation = marker ? answer.citations[Number(marker[1]) - 1] : undefined;
    if (marker && citation) text.append(chip(Number(marker[1]) - 1, part, `出处 ${marker[1]}：${citation.title} ${citation.label}`));
    else if (part) text.append(part);
  }
  const body = el('div', { class: `answer${answer.abstained ? ' abstained' : ''}` }, [text]);
  if (answer.citations.length > 0) {
    const sources = el('div', { class: 'sources', attrs: { role: 'group', 'aria-label': '出处' } }, [el('span', { class: 'sources-label', text: '出处' })]);
    answer.citations.forEach((c, i) => sources.append(chip(i, `[${i + 1}] ${c.docNumber} ${c.label}`, `出处 ${i + 1}：${c.title} ${c.label}`)));
    body.append(sources, detail);
  }
  return body;
}

function citationDetail(c: WidgetCitation, n: number, endpoint: string): Node[] {
  const link = el('a', {
    class: 'context-link',
    text: '在原文中查看上下文',
    attrs: { href: `${endpoint}/api/passages/${encodeURIComponent(c.id)}`, target: '_blank', rel: 'noopener noreferrer' },
  });
  return [
    el('blockquote', { class: 'quote', text: c.quote ?? c.text }),
    el('dl', { class: 'meta' }, [
      el('dt', { text: '文件' }),
      el('dd', { text: `《${c.title}》` }),
      el('dt', { text: '文号' }),
      el('dd', { text: c.docNumber }),
      el('dt', { text: '条目' }),
      el('dd', { text: c.label }),
      el('dt', { text: '日期' }),
      el('dd', { text: c.date }),
    ]),
    el('p', { class: 'detail-foot' }, [el('span', { text: `出处 ${n} · ` }), link]),
  ];
}
