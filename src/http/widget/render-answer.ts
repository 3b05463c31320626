import { el } from './el.js';
import { passageLink, type PassageLinkDeps } from './passage-link.js';
import type { WidgetAnswer, WidgetCitation } from './widget-types.js';

let detailCount = 0;

/**
 * The finished answer: how a follow-up was read, a label when the documents answer only
 * indirectly, its text with each `[n]` marker as a chip button, a row of source chips, and one
 * detail area that shows the chosen citation's quote, document, number, point and date.
 * A declined answer lists the nearest points as links (not as evidence).
 */
/** The label of a low-confidence answer: the decision could not tell whether the nearest point answers. */
export const LOW_LABEL = '仅供参考：无法确定文件是否直接回答了这个问题';
/** The label when the documents cover the topic but not what was asked. */
export const MISSING_LABELS = {
  figure: '文件未给出所问的数字',
  date: '文件未给出所问的时间',
  who: '文件未写明所问的单位',
  list: '文件未列出所问的条目',
  method: '文件未给出所问的计算方法或评定标准',
  place: '文件未给出所问的地点',
  consequence: '文件未写明所问的处理或处罚',
  procedure: '文件未写明所问的办理流程或材料',
  stage: '文件未写明所问的进展阶段',
  name: '文件未给出所问的名称',
  meaning: '文件未说明所问的含义或做法',
} as const;

export function renderAnswer(answer: WidgetAnswer, deps: PassageLinkDeps): HTMLElement {
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
    if (citation) {
      detail.append(...citationDetail(citation, open + 1, deps));
      // An inline chip may sit far above the detail: bring the detail into view so the click shows something.
      detail.scrollIntoView({ block: 'nearest' });
    }
  };
  const chip = (index: number, text: string, label: string) => {
    const button = el('button', { class: 'chip', text, attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': detailId, 'aria-label': label } });
    button.dataset.index = String(index);
    button.addEventListener('click', () => toggle(index));
    chips.push(button);
    return button;
  };
  const describe = (c: WidgetCitation) => `《${c.title}》${c.docNumber} ${c.label}${c.ocrNote ?? ''}`;

  const body = el('div', { class: `answer${answer.abstained ? ' abstained' : ''}${answer.confidence === 'low' ? ' low-confidence' : ''}` });
  if (answer.rewrittenQuestion && answer.rewrittenQuestion !== answer.question) {
    body.append(el('p', { class: 'rewritten', text: `按上文理解为：${answer.rewrittenQuestion}` }));
  }
  if (answer.confidence === 'low' && !answer.abstained) {
    body.append(el('p', { class: 'low-label', text: answer.missing ? MISSING_LABELS[answer.missing] : LOW_LABEL }));
  }
  const text = el('p', { class: 'answer-text' });
  for (const part of answer.answer.split(/(\[\d+\])/)) {
    const marker = /^\[(\d+)\]$/.exec(part);
    const citation = marker ? answer.citations[Number(marker[1]) - 1] : undefined;
    // Each label starts from the chip's visible text (WCAG 2.5.3) and says which chip it is.
    if (marker && citation) text.append(chip(Number(marker[1]) - 1, part, `正文中的出处 ${part}：${describe(citation)}，展开引文`));
    else if (part) text.append(part);
  }
  body.append(text);
  if (answer.citations.length > 0) {
    const sources = el('div', { class: 'sources', attrs: { role: 'group', 'aria-label': '出处' } }, [el('span', { class: 'sources-label', text: '出处' })]);
    answer.citations.forEach((c, i) => {
      const visible = `[${i + 1}] ${c.docNumber} ${c.label}${c.ocrNote ?? ''}`;
      sources.append(chip(i, visible, `出处 ${visible}：《${c.title}》`));
    });
    body.append(sources, detail);
  }
  if (answer.abstained && answer.nearest && answer.nearest.length > 0) {
    const list = el('ul', { class: 'nearest-list' });
    for (const c of answer.nearest) list.append(el('li', {}, [passageLink(c, deps, describe(c))]));
    body.append(el('div', { class: 'nearest' }, [el('p', { class: 'nearest-label', text: '最接近的条目（不是答案，仅供查阅）：' }), list]));
  }
  return body;
}

function citationDetail(c: WidgetCitation, n: number, deps: PassageLinkDeps): Node[] {
  return [
    el('blockquote', { class: 'quote', text: c.quote ?? c.text }),
    ...(c.ocrNote ? [el('p', { class: 'ocr-note', text: c.ocrNote })] : []),
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
    el('div', { class: 'detail-foot' }, [el('span', { text: `出处 ${n} · ` }), passageLink(c, deps)]),
  ];
}
