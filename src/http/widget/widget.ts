import { ChatWidget } from './chat-widget.js';

/**
 * Entry of `/widget.js`. One tag on any page:
 * `<script src="https://host/widget.js" data-endpoint="https://host" data-title="政策问答" defer></script>`.
 * `data-endpoint` defaults to the script's own origin; `data-api-key` is sent as a bearer key
 * (visible to anyone who reads the page, so issue the widget its own key). Any element of the
 * page with `data-policydesk-question="…"` asks that question when clicked.
 */
function mount(script: HTMLScriptElement | null): void {
  if (!script || document.querySelector('policydesk-widget')) return;
  const endpoint = (script.dataset.endpoint || new URL(script.src, location.href).origin).replace(/\/+$/, '');
  const host = document.createElement('policydesk-widget');
  document.body.append(host);
  const widget = new ChatWidget(host, { endpoint, title: script.dataset.title || '政策问答', ...(script.dataset.apiKey ? { apiKey: script.dataset.apiKey } : {}) });
  document.addEventListener('click', (event) => {
    const source = (event.target as Element | null)?.closest?.('[data-policydesk-question]');
    const question = source?.getAttribute('data-policydesk-question')?.trim();
    if (!question) return;
    event.preventDefault();
    widget.ask(question);
  });
}

// currentScript is only set while this runs, so read it now; mount once there is a body.
const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="widget.js"]');
if (document.body) mount(script);
else document.addEventListener('DOMContentLoaded', () => mount(script), { once: true });
