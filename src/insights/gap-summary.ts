import type { GapReport } from './gap-report.js';

const TREND = { new: '本期新出现', up: '较上期增加', down: '较上期减少', same: '与上期持平' } as const;

/** The three sentences at the top of the report: the period in numbers, the largest gap, what is relied on. */
export function gapSummary(report: Omit<GapReport, 'summary'>): string[] {
  const t = report.totals;
  const unanswered = t.low + t.declined;
  const first = `本期共 ${t.questions} 个问题，其中 ${t.declined} 个未能回答、${t.low} 个只找到可能相关的条文，另有 ${t.down} 个回答被点了 👎（共 ${unanswered} 个问题文件没有直接写明）。`;
  const top = report.groups[0];
  const second = top
    ? `最大的缺口是「${top.questions[0]}」这类问题（${top.size} 次，${TREND[top.trend]}${top.trend === 'up' || top.trend === 'down' ? `，上期 ${top.previousSize} 次` : ''}），最接近的是${top.nearest ? `《${top.nearest.title}》（${top.owner}）` : '无相关文件'}。`
    : '本期没有未能回答的问题。';
  const most = report.mostAsked[0];
  const third = `${most ? `被问得最多并已回答的是《${most.title}》（${most.answered} 次），请保持其内容最新` : '本期没有已回答的问题'}；${report.unasked.length} 份文件本期无人问及。`;
  return [first, second, third];
}
