import { html } from 'hono/html';

const SAMPLES = ['区域性医疗中心按多少人口配置一家？', '重症床位要占到总床位的多少？', '今年要遴选多少家 IDC 医院？'];

/** `GET /`: a plain host page that embeds the widget with the one script tag a site would use. */
export function demoPage(origin: string) {
  const tag = `<script src="${origin}/widget.js" data-endpoint="${origin}" data-title="政策问答" defer></script>`;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PolicyDesk 政策问答 · 演示页</title>
<style>
  body { font-family: system-ui, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.7; color: #1f2933; }
  code, pre { background: #f0f4f8; border-radius: 4px; }
  pre { padding: .8rem; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
  .sample { font: inherit; color: #1450b8; background: none; border: 0; padding: .1rem 0; min-height: 24px; text-decoration: underline; cursor: pointer; text-align: left; }
  .sample:focus-visible { outline: 3px solid #1450b8; outline-offset: 2px; }
</style>
</head>
<body>
<h1>PolicyDesk 政策问答</h1>
<p>本页演示可嵌入的问答组件：点击右下角的按钮，就上海市卫生健康政策文件提问。每个回答都附有原文引用、文件名称、文号和条目位置；文件中没有的内容，组件会直接说明找不到。</p>
<h2>可以这样问（点击即可提问）</h2>
<ul>
${SAMPLES.map((q) => html`<li><button type="button" class="sample" data-policydesk-question="${q}">${q}</button></li>`)}
</ul>
<h2>嵌入到其他网页</h2>
<p>在页面中加入一行：</p>
<pre><code>${tag}</code></pre>
<p>其他网站的域名需要写进服务的 <code>ALLOWED_ORIGINS</code>。</p>
<script src="/widget.js" data-title="政策问答" defer></script>
</body>
</html>`;
}
