import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A third-party site that embeds the widget: a separate origin on loopback whose CSS tries
 * hard to restyle everything, including class names the widget itself uses.
 */
export const HOSTILE_CSS = `
  * { font-size: 31px !important; color: rgb(255, 0, 0) !important; font-family: serif !important; }
  button { display: none !important; }
  div { background: rgb(0, 255, 0) !important; }
  .panel, .launcher, .msg, .chip, .detail, [role="dialog"] { display: none !important; visibility: hidden !important; }
  policydesk-widget { display: none; }
`;

export interface HostPageServer {
  port: number;
  /** Points the page's script tag at the service (known only once the service is started with this host's origin). */
  embed(widgetUrl: string, endpoint: string, attrs?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startHostPageServer(): Promise<HostPageServer> {
  let page = '';
  const render = (
    widgetUrl: string,
    endpoint: string,
    attrs: Record<string, string> = {},
  ) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>第三方页面</title><style>${HOSTILE_CSS}</style></head>
<body><h1>医院内网</h1><div class="msg" id="host-msg">宿主页面自己的 .msg</div><button class="chip" id="host-chip" style="display:inline-block !important">宿主按钮</button>
<script src="${widgetUrl}" data-endpoint="${endpoint}" data-title="政策问答"${Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('')} defer></script></body></html>`;
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    embed: (widgetUrl, endpoint, attrs) => (page = render(widgetUrl, endpoint, attrs)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
