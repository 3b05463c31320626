import { createApiClient, WidgetRequestError, type ApiClient } from './api-client.js';
import { el } from './el.js';
import { feedbackRow } from './feedback-row.js';
import { fitHistory } from './fit-history.js';
import { renderAnswer } from './render-answer.js';
import { WIDGET_CSS } from './widget-styles.js';
import type { WidgetOptions, WidgetTurn } from './widget-types.js';

const MAX_QUESTION = 2000;

/** The floating button and chat panel, mounted in a shadow root so page and widget styles never mix. */
export class ChatWidget {
  private readonly api: ApiClient;
  private readonly launcher: HTMLButtonElement;
  private readonly panel: HTMLElement;
  private readonly log: HTMLElement;
  private readonly input: HTMLTextAreaElement;
  private readonly send: HTMLButtonElement;
  private readonly history: WidgetTurn[] = [];
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
    this.log = el('div', { class: 'log', attrs: { role: 'log', 'aria-live': 'polite', 'aria-label': '对话记录' } }, [
      el('div', { class: 'msg bot', text: '您好！请输入关于上海卫生健康政策文件的问题，回答会附上原文出处。' }),
    ]);
    this.input = el('textarea', {
      attrs: { id: 'pd-input', maxlength: String(MAX_QUESTION), rows: '2', placeholder: '请输入您的问题' },
      on: { keydown: (e) => this.onInputKey(e as KeyboardEvent) },
    });
    this.send = el('button', { class: 'send', text: '发送', attrs: { type: 'submit' } });
    const form = el('form', { class: 'form', on: { submit: (e) => this.onSubmit(e) } }, [
      el('label', { class: 'visually-hidden', text: '输入您的问题', attrs: { for: 'pd-input' } }),
      this.input,
      this.send,
    ]);
    this.panel = el('section', { class: 'panel', attrs: { id: 'pd-panel', role: 'dialog', 'aria-labelledby': titleId, hidden: '' } }, [
      el('div', { class: 'header' }, [
        el('h2', { text: options.title, attrs: { id: titleId } }),
        el('button', { class: 'close', text: '✕', attrs: { type: 'button', 'aria-label': '关闭' }, on: { click: () => this.close() } }),
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

  private toggle(): void {
    if (this.panel.hidden) this.open();
    else this.close();
  }

  private onInputKey(event: KeyboardEvent): void {
    // Enter sends; Shift+Enter and IME composition (choosing Chinese characters) do not.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.send.click();
    }
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (this.inFlight) {
      this.inFlight.abort();
      return;
    }
    const question = this.input.value.trim();
    if (!question) return;
    this.input.value = '';
    void this.ask(question, fitHistory(question, this.history));
  }

  private async ask(question: string, history: WidgetTurn[]): Promise<void> {
    this.append(el('div', { class: 'msg user', text: question }));
    const bubble = this.append(el('div', { class: 'msg bot', attrs: { 'aria-busy': 'true' } }));
    const streaming = el('p', { class: 'answer-text streaming' });
    bubble.append(streaming);
    const controller = new AbortController();
    this.setBusy(controller);
    try {
      const answer = await this.api.chat(question, history, { onDelta: (text) => streaming.append(text), onCitations: () => {} }, controller.signal);
      bubble.replaceChildren(renderAnswer(answer, this.options.endpoint), feedbackRow(answer, { api: this.api, showError: (error, retry) => this.showError(error, retry) }));
      bubble.removeAttribute('aria-busy');
      this.history.push({ question, answer: answer.answer, citations: answer.citations.map((c) => ({ id: c.id })) });
    } catch (error) {
      bubble.remove();
      if (controller.signal.aborted) this.append(el('div', { class: 'msg bot', text: '已停止回答。' }));
      else this.showError(error, () => this.ask(question, history));
    } finally {
      this.setBusy(undefined);
      this.scroll();
    }
  }

  private setBusy(controller: AbortController | undefined): void {
    this.inFlight = controller;
    this.send.textContent = controller ? '停止' : '发送';
    this.send.setAttribute('aria-label', controller ? '停止回答' : '发送问题');
  }

  private showError(error: unknown, retry: () => void): void {
    const message = error instanceof WidgetRequestError ? error.message : '出了点问题，请重试。';
    const box = this.append(el('div', { class: 'msg error', attrs: { role: 'alert' } }, [el('span', { text: message })]));
    box.append(
      el('button', {
        text: '重试',
        attrs: { type: 'button' },
        on: {
          click: () => {
            box.remove();
            retry();
          },
        },
      }),
    );
  }

  private append<T extends HTMLElement>(node: T): T {
    this.log.append(node);
    this.scroll();
    return node;
  }

  private scroll(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }
}
