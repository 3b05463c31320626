import type { GapReport } from './gap-report.js';

/** Groups the digest lists: enough to act on, few enough to read in a channel. */
export const DIGEST_GROUPS = 5;

/** How the Worker's digest groups, in its own words (the Node report groups by meaning). */
export const NEAREST_POINT_NOTE =
  '分组方式：按每个问题检索到的最接近条文分组（Cloudflare Worker 上没有本地嵌入模型，未按语义分组）：问同一条文附近不同事情的问题会在同一组，同一件事的不同问法可能分在几组。按语义分组的完整报告由 Node 服务的 `npm run report:gaps` 生成。';

const TREND = { new: '新', up: '↑', down: '↓', same: '=' } as const;

/** The weekly Slack digest (Block Kit): the summary, the largest groups with counts and owners, a link to the full report. */
export function gapDigestMessage(report: GapReport, options: { reportUrl?: string } = {}): { text: string; blocks: unknown[] } {
  const period = `${report.period.since.slice(0, 10)} – ${report.period.until.slice(0, 10)}`;
  const text = `问答缺口周报 ${period}：${report.totals.questions} 个问题，${report.totals.declined} 个未能回答，${report.totals.low} 个低置信，${report.totals.down} 个 👎。`;
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: `问答缺口周报 ${period}`.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: report.summary.map(escapeMrkdwn).join('\n').slice(0, 3000) } },
  ];
  const top = report.groups.slice(0, DIGEST_GROUPS);
  if (top.length > 0) blocks.push({ type: 'divider' });
  top.forEach((g, i) => {
    const nearest = g.nearest ? `《${escapeMrkdwn(g.nearest.title)}》${escapeMrkdwn(g.nearest.passageId.split('#')[1] ?? '')}` : '无相关文件';
    const lines = [
      `*${i + 1}. ${g.size} 次* (${TREND[g.trend]} 上期 ${g.previousSize})  ${g.questions.map((q) => `「${escapeMrkdwn(q)}」`).join(' ')}`,
      `最接近：${nearest} · 发文单位：${escapeMrkdwn(g.owner ?? '—')}`,
    ];
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n').slice(0, 3000) } });
  });
  // Said in the message itself, so nobody reads the Worker's coarser groups as topics.
  if (report.groupedBy === 'nearest-point') blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: NEAREST_POINT_NOTE }] });
  const more = report.groups.length - top.length;
  const footer = [more > 0 ? `另有 ${more} 组` : '', options.reportUrl ? `<${options.reportUrl}|完整报告>` : ''].filter(Boolean).join(' · ');
  if (footer) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: footer }] });
  return { text, blocks };
}

function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
