import type { GapGroup, GapReport } from './gap-report.js';
import { weeklyChartSvg } from './weekly-chart-svg.js';

const TREND = { new: '新', up: '↑', down: '↓', same: '=' } as const;
const MISSING = { figure: '数字', date: '日期', who: '责任主体', list: '清单' } as Record<string, string>;

/** gaps.html: one self-contained page (inline CSS and SVG), readable from 360 px phones to desktops. */
export function renderGapHtml(report: GapReport): string {
  const p = report.period;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PolicyDesk 问答缺口报告 ${esc(p.since.slice(0, 10))} – ${esc(p.until.slice(0, 10))}</title>
<style>
  :root { color-scheme: light; font-family: system-ui, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; line-height: 1.55; color: #1b1b1b; }
  body { margin: 0 auto; max-width: 1100px; padding: 16px; }
  h1 { font-size: 1.4rem; margin: 0 0 4px; }
  h2 { font-size: 1.15rem; margin: 28px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
  .meta { color: #555; font-size: .9rem; }
  .summary { background: #f4f7fb; border-left: 4px solid #1565c0; padding: 10px 14px; }
  .summary p { margin: 4px 0; }
  .totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 8px; margin: 12px 0; }
  .totals div { background: #fafafa; border: 1px solid #e3e3e3; border-radius: 6px; padding: 8px; }
  .totals b { display: block; font-size: 1.3rem; }
  .groups { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
  .group { border: 1px solid #e0e0e0; border-radius: 8px; padding: 10px 12px; overflow-wrap: anywhere; }
  .group h3 { font-size: 1rem; margin: 0 0 6px; }
  .group ul { margin: 6px 0; padding-left: 1.2em; }
  .tag { display: inline-block; font-size: .8rem; background: #eee; border-radius: 4px; padding: 0 6px; margin-right: 4px; }
  .trend-new, .trend-up { background: #fdecea; color: #b71c1c; }
  table { border-collapse: collapse; width: 100%; font-size: .92rem; }
  th, td { text-align: left; border-bottom: 1px solid #eee; padding: 6px 4px; vertical-align: top; overflow-wrap: anywhere; }
  @media (max-width: 600px) { body { padding: 10px; } table, thead, tbody, tr, th, td { display: block; } thead { display: none; } tr { border-bottom: 1px solid #ddd; padding: 6px 0; } td { border: none; padding: 2px 0; } }
</style>
</head>
<body>
<h1>问答缺口报告</h1>
<p class="meta">${esc(p.since.slice(0, 10))} 至 ${esc(p.until.slice(0, 10))}（上期自 ${esc(p.previousSince.slice(0, 10))}）· 生成于 ${esc(report.generatedAt.slice(0, 16).replace('T', ' '))} UTC · ${report.groupedBy === 'meaning' ? `按语义分组，阈值 cosine ≥ ${report.threshold}` : '按检索到的最接近条文分组（未按语义）'}</p>
<section class="summary" aria-label="本期要点">${report.summary.map((s) => `<p>${esc(s)}</p>`).join('')}</section>
<div class="totals">
  <div><b>${report.totals.questions}</b>问题</div>
  <div><b>${report.totals.high}</b>已回答</div>
  <div><b>${report.totals.low}</b>低置信</div>
  <div><b>${report.totals.declined}</b>未能回答</div>
  <div><b>${report.totals.down}</b>👎</div>
</div>
<h2>每周问题数</h2>
${weeklyChartSvg(report.weekly)}
<h2>未能回答的问题（${report.groupedBy === 'meaning' ? '按主题分组' : '按最接近的条文分组'}，${report.groups.length} 组）</h2>
<div class="groups">${report.groups.map(groupCard).join('\n')}</div>
<h2>被问最多并已回答的条文（请保持最新）</h2>
<table><thead><tr><th>文件</th><th>发文单位</th><th>回答次数</th><th>条文（次数）</th></tr></thead><tbody>
${report.mostAsked.map((d) => `<tr><td>${esc(d.title)}</td><td>${esc(d.owner)}</td><td>${d.answered}</td><td>${d.points.map((pt) => `${esc(pt.passageId.split('#')[1] ?? pt.passageId)}（${pt.count}）`).join('、')}</td></tr>`).join('\n')}
</tbody></table>
<h2>本期无人问及的文件（${report.unasked.length}）</h2>
<ul>${report.unasked.map((d) => `<li>${esc(d.title)} <span class="meta">${esc(d.owner)}</span></li>`).join('')}</ul>
</body>
</html>
`;
}

function groupCard(g: GapGroup, i: number): string {
  const missing = Object.entries(g.missing).map(([k, n]) => `<span class="tag">缺${esc(MISSING[k] ?? k)} ${n}</span>`);
  return `<article class="group">
<h3>#${i + 1} · ${g.size} 次 <span class="tag trend-${g.trend}" title="上期 ${g.previousSize} 次">${TREND[g.trend]} 上期 ${g.previousSize}</span></h3>
<ul>${g.questions.map((q) => `<li>${esc(q)}</li>`).join('')}</ul>
<div><span class="tag">未能回答 ${g.tiers.declined}</span><span class="tag">低置信 ${g.tiers.low}</span><span class="tag">👎 ${g.tiers.down}</span>${missing.join('')}</div>
<p class="meta">最接近：${g.nearest ? `${esc(g.nearest.title)}（${esc(g.nearest.docNumber)}）${esc(g.nearest.passageId.split('#')[1] ?? '')}` : '无'}<br>发文单位：${esc(g.owner ?? '—')}<br>首次 ${esc(g.firstSeen.slice(0, 10))} · 最近 ${esc(g.lastSeen.slice(0, 10))}</p>
</article>`;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
