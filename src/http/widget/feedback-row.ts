import type { ApiClient } from './api-client.js';
import { el } from './el.js';
import type { WidgetAnswer } from './widget-types.js';

export interface FeedbackRowDeps {
  api: ApiClient;
  showError(error: unknown, retry: () => void): void;
}

/**
 * 👍 sends at once. 👎 opens a short form: which passage it should have cited (picked from the
 * passages retrieval ranked, so the eval issue can mine it as `expectedPassageId`) and a comment.
 */
export function feedbackRow(answer: WidgetAnswer, deps: FeedbackRowDeps): HTMLElement {
  const row = el('div', { class: 'feedback' }, [el('span', { text: '这个回答有帮助吗？' })]);
  const up = el('button', { text: '👍 有帮助', attrs: { type: 'button', 'aria-label': '有帮助', 'aria-pressed': 'false' } });
  const down = el('button', { text: '👎 没有帮助', attrs: { type: 'button', 'aria-label': '没有帮助', 'aria-pressed': 'false' } });
  const submit = async (rating: 'up' | 'down', extra: { comment?: string; expectedPassageId?: string } = {}) => {
    up.disabled = down.disabled = true;
    (rating === 'up' ? up : down).setAttribute('aria-pressed', 'true');
    try {
      await deps.api.feedback({ question: answer.question, answerId: answer.answerId, rating, ...extra });
      row.replaceChildren(el('span', { class: 'thanks', text: '谢谢反馈！', attrs: { role: 'status' } }));
    } catch (error) {
      up.disabled = down.disabled = false;
      deps.showError(error, () => void submit(rating, extra));
    }
  };
  up.addEventListener('click', () => void submit('up'));
  down.addEventListener('click', () => {
    down.setAttribute('aria-pressed', 'true');
    const pick = passagePicker(answer, deps.api);
    const comment = el('textarea', { attrs: { 'aria-label': '补充说明（可选）', placeholder: '补充说明，例如应该引用哪份文件的哪一条（可选）', maxlength: '2000' } });
    const send = el('button', {
      text: '提交反馈',
      attrs: { type: 'button' },
      on: {
        click: () => {
          const text = comment.value.trim();
          void submit('down', { ...(text ? { comment: text } : {}), ...(pick.value ? { expectedPassageId: pick.value } : {}) });
        },
      },
    });
    row.replaceChildren(el('span', { text: '哪里不对？' }), pick, comment, send);
    pick.focus();
  });
  row.append(up, down);
  return row;
}

/** The passages shown or ranked for this answer; labels of ranked-but-unshown ones are fetched. */
function passagePicker(answer: WidgetAnswer, api: ApiClient): HTMLSelectElement {
  const select = el('select', { attrs: { 'aria-label': '应该引用的条目（可选）' } }, [el('option', { text: '应该引用哪一条？（不确定可不选）', attrs: { value: '' } })]);
  const listed = new Set<string>();
  const add = (id: string, title: string, label: string) => {
    if (listed.has(id)) return;
    listed.add(id);
    select.append(el('option', { text: `《${title}》${label}`, attrs: { value: id } }));
  };
  for (const c of [...(answer.nearest ?? []), ...answer.citations]) add(c.id, c.title, c.label);
  for (const id of (answer.retrievedIds ?? []).slice(0, 5)) {
    if (listed.has(id)) continue;
    api.passage(id).then(
      (p) => add(id, p.document.title, p.passage.label),
      () => {},
    );
  }
  return select;
}
