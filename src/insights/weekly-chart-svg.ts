import type { GapReport } from './gap-report.js';

export const TIER_COLOURS = { high: '#2e7d32', low: '#f9a825', declined: '#c62828' } as const;
const TIER_NAMES = { high: '已回答', low: '低置信', declined: '未能回答' } as const;

/** Questions per week by tier as stacked bars, drawn by hand (no library, no CDN); scales to its box. */
export function weeklyChartSvg(weekly: GapReport['weekly']): string {
  const width = 640;
  const height = 220;
  const left = 36;
  const bottom = 28;
  const top = 24;
  const max = Math.max(1, ...weekly.map((w) => w.high + w.low + w.declined));
  const slot = (width - left - 8) / Math.max(1, weekly.length);
  const bar = Math.max(4, slot * 0.7);
  const scale = (height - top - bottom) / max;
  const parts: string[] = [];
  weekly.forEach((w, i) => {
    let y = height - bottom;
    const x = left + i * slot + (slot - bar) / 2;
    for (const tier of ['high', 'low', 'declined'] as const) {
      const h = w[tier] * scale;
      if (h > 0)
        parts.push(
          `<rect x="${x.toFixed(1)}" y="${(y - h).toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${TIER_COLOURS[tier]}"><title>${w.weekStart} ${TIER_NAMES[tier]} ${w[tier]}</title></rect>`,
        );
      y -= h;
    }
    if (weekly.length <= 14 || i % Math.ceil(weekly.length / 14) === 0)
      parts.push(`<text x="${(x + bar / 2).toFixed(1)}" y="${height - 10}" font-size="11" text-anchor="middle">${w.weekStart.slice(5)}</text>`);
  });
  const legend = (['high', 'low', 'declined'] as const)
    .map((tier, i) => `<rect x="${left + i * 90}" y="4" width="10" height="10" fill="${TIER_COLOURS[tier]}"/><text x="${left + i * 90 + 14}" y="13" font-size="11">${TIER_NAMES[tier]}</text>`)
    .join('');
  const axis = `<line x1="${left}" y1="${height - bottom}" x2="${width - 8}" y2="${height - bottom}" stroke="#888"/><text x="${left - 6}" y="${top + 4}" font-size="11" text-anchor="end">${max}</text><text x="${left - 6}" y="${height - bottom}" font-size="11" text-anchor="end">0</text>`;
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="每周问题数（按回答结果）" width="100%" preserveAspectRatio="xMidYMid meet">${legend}${axis}${parts.join('')}</svg>`;
}
