import { createApiClient, WidgetRequestError, type ApiClient } from './api-client.js';
import { el } from './el.js';
import { feedbackRow } from './feedback-row.js';
import { fitHistory } from './fit-history.js';
import { FollowScroll } from './follow-scroll.js';
import { renderAnswer } from './render-answer.js';
import { WIDGET_CSS } from './widget-styles.js';
import type { WidgetOptions, WidgetTurn } from './widget-types.js';

/** The service's limit, in code points as it counts them. */
export const MAX_QUESTION = 2000;
const GREETING = '您好！请输入关于上海卫生健康政策文件的问题，回答会附上原文出处。';

/** The floating button and chat panel, mounted in a shadow root so page and widget styles never mix. */
export class ChatWidget {
  private readonly api: ApiClient;
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly log: HTMLElement;
  private readonly scroller: FollowScroll;
  private readonly input: HTMLTextAreaElement;
  private readonly hint: HTMLElement;
  private readonly send: HTMLButtonElement;
  private history: WidgetTurn[] = [];
  private inFlight: AbortController | undefined;

  constructor(
    host: HTMLElement,
    private readonly options: WidgetOptions,
  ) {
    this.api = createApiClient(options.endpoint, options.apiKey);
    const shadow = host.attachShadow({ mode: 'open' });
    const titleId = 'pd-title';
    this.launcher = el('button', {
      class: 'launcher',
      text: '问',
      attrs: { type: 'button', 'aria-label': `打开${options.title}`, 'aria-expanded': 'false', 'aria-controls': 'pd-panel' },
      on: { click: () => this.toggle() },
    });
    this.log = el('div', { class: 'log', attrs: { role: 'log', 'aria-live': 'polite', 'aria-label': '对话记录', tabindex: '0' } }, [botMessage(GREETING)]);
    this.scroller = new FollowScroll(this.log);
    this.input = el('textarea', {
      attrs: { id: 'pd-input', rows: '2', placeholder: '请输入您的问题', 'aria-describedby': 'pd-hint' },
      on: { keydown: (e) => this.onInputKey(e as KeyboardEvent), input: () => this.checkLength() },
    });
    this.hint = el('p', { class: 'hint', attrs: { id: 'pd-hint', role: 'status', 'aria-live': 'polite' } });
    this.send = el('button', { class: 'send', text: '发送', attrs: { type: 'submit', 'aria-label': '发送问题' } });
    const form = el('form', { class: 'form', on: { submit: (e) => this.onSubmit(e) } }, [
      el('label', { class: 'visually-hidden', text: '输入您的问题', attrs: { for: 'pd-input' } }),
      el('div', { class: 'form-row' }, [this.input, this.send]),
      this.hint,
    ]);
    this.panel = el('section', { class: 'panel', attrs: { id: 'pd-panel', role: 'dialog', 'aria-labelledby': titleId, hidden: '' } }, [
      el('div', { class: 'header' }, [
        el('h2', { text: options.title, attrs: { id: titleId } }),
        el('div', { class: 'header-actions' }, [
          el('button', { class: 'new-chat', text: '新对话', attrs: { type: 'button', 'aria-label': '开始新对话' }, on: { click: () => this.newConversation() } }),
          el('button', { class: 'close', text: '✕', attrs: { type: 'button', 'aria-label': '关闭' }, on: { click: () => this.close() } }),
        ]),
      ]),
      this.log,
      form,
    ]);
    this.panel.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') this.close();
    });
    shadow.append(el('style', { text: WIDGET_CSS }), el('div', { class: 'root' }, [this.panel, this.launcher]));
  }

  open(): void {
    this.panel.hidden = false;
    this.launcher.setAttribute('aria-expanded', 'true');
    this.input.focus();
  }

  close(): void {
    if (this.panel.hidden) return;
    this.panel.hidden = true;
    this.launcher.setAttribute('aria-expanded', 'false');
    this.launcher.focus();
  }

  /** Opens the panel and asks `question` (the demo page's sample questions use this). */
  ask(question: string): void {
    this.open();
    if (this.inFlight) {
      this.input.value = question;
      this.say('正在回答上一个问题，完成后请按 Enter 发送。');
      return;
    }
    this.startTurn(question);
  }

  /** Forgets the conversation: the next question is read on its own, with no history. */
  newConversation(): void {
    this.inFlight?.abort();
    this.history = [];
    this.log.replaceChildren(botMessage(GREETING), botMessage('已开始新对话：之前的问答不再作为上下文。'));
    this.say('');
    this.input.focus();
  }

  private toggle(): void {
    if (this.panel.hidden) this.open();
    else this.close();
  }

  private onInputKey(event: KeyboardEvent): void {
    // Enter sends; Shift+Enter and IME composition (choosing Chinese characters) do not.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    // While an answer streams the button reads 停止: Enter must never stop it. The typed question stays.
    if (this.inFlight) this.say('正在回答上一个问题，完成后请按 Enter 发送；要停止回答请点“停止”。');
    else this.submitQuestion();
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.inFlight) this.inFlight.abort();
    else this.submitQuestion();
  }

  private submitQuestion(): void {
    const question = this.input.value.trim();
    if (!question || !this.checkLength()) return;
    this.input.value = '';
    this.startTurn(question);
  }

  /** Says so when the question is over the limit, rather than cutting it silently; false then. */
  private checkLength(): boolean {
    const length = [...this.input.value.trim()].length;
    const over = length > MAX_QUESTION;
    this.input.setAttribute('aria-invalid', String(over));
    if (over) this.say(`问题有 ${length} 字，超过了 ${MAX_QUESTION} 字的上限，请缩短后再发送。`);
    else if (this.hint.dataset.kind === 'length') this.say('');
    if (over) this.hint.dataset.kind = 'length';
    return !over;
  }

  private say(text: string): void {
    this.hint.textContent = text;
    delete this.hint.dataset.kind;
  }

  private startTurn(question: string): void {
    this.say('');
    const asked = el('div', { class: 'msg user' }, [el('span', { class: 'visually-hidden', text: '您的问题：' }), el('span', { class: 'text', text: question })]);
    this.log.append(asked);
    this.scroller.restart();
    void this.answer(question, fitHistory(question, this.history), asked);
  }

  /** Answers into a bubble placed right after `after`; a failure takes the bubble's place, and 重试 runs again there. */
  private async answer(question: string, history: WidgetTurn[], after: HTMLElement): Promise<void> {
    const bubble = el('div', { class: 'msg bot', attrs: { 'aria-busy': 'true' } }, [el('span', { class: 'visually-hidden', text: '回答：' })]);
    const streaming = el('p', { class: 'answer-text streaming' });
    bubble.append(streaming);
    after.after(bubble);
    this.scroller.follow();
    const controller = new AbortController();
    this.setBusy(controller);
    const conversation = this.history;
    try {
      const answer = await this.api.chat(
        question,
        history,
        {
          onDelta: (text) => {
            streaming.append(text);
            this.scroller.follow();
          },
          onCitations: () => {},
        },
        controller.signal,
      );
      const deps = { endpoint: this.options.endpoint, api: this.api, ...(this.options.apiKey ? { apiKey: this.options.apiKey } : {}) };
      bubble.replaceChildren(
        el('span', { class: 'visually-hidden', text: '回答：' }),
        renderAnswer(answer, deps),
        feedbackRow(answer, { api: this.api, history, showError: (error, retry, near) => this.showError(error, retry, near.closest('.msg') ?? bubble) }),
      );
      bubble.removeAttribute('aria-busy');
      // A new conversation started meanwhile: this answer is not part of it.
      if (conversation === this.history) this.history.push({ question, answer: answer.answer, citations: answer.citations.map((c) => ({ id: c.id })) });
      this.scroller.settle(bubble);
    } catch (error) {
      if (controller.signal.aborted) {
        if (bubble.isConnected) bubble.replaceWith(botMessage('已停止回答。'));
      } else {
        const box = this.showError(error, () => void this.answer(question, history, box), bubble);
        bubble.remove();
      }
    } finally {
      if (this.inFlight === controller) this.setBusy(undefined);
    }
  }

  private setBusy(controller: AbortController | undefined): void {
    this.inFlight = controller;
    this.send.textContent = controller ? '停止' : '发送';
    this.send.setAttribute('aria-label', controller ? '停止回答' : '发送问题');
    if (!controller && this.hint.dataset.kind !== 'length') this.say('');
  }

  /** A failure message right after `near` (its question or answer), with 重试 unless retrying cannot help. */
  private showError(error: unknown, retry: () => void, near: Element): HTMLElement {
    const message = error instanceof WidgetRequestError ? error.message : '出了点问题，请重试。';
    const box = el('div', { class: 'msg error', attrs: { role: 'alert' } }, [el('span', { text: message })]);
    if (!(error instanceof WidgetRequestError && error.kind === 'origin')) {
      box.append(
        el('button', {
          text: '重试',
          attrs: { type: 'button' },
          on: {
            click: () => {
              retry();
              box.remove();
            },
          },
        }),
      );
    }
    near.after(box);
    this.scroller.follow();
    return box;
  }
}

function botMessage(text: string): HTMLElement {
  return el('div', { class: 'msg bot' }, [el('span', { class: 'visually-hidden', text: '政策问答：' }), el('span', { class: 'text', text })]);
}
