import type { Baseline } from './compare-baseline.js';

/** A self-contained HTML page for an eval report. */
export function renderHtmlReport(report: unknown, _baseline?: Baseline): string {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><meta charset="utf-8"><title>PolicyDesk eval</title><pre>${escape(JSON.stringify(report, null, 2))}</pre>`;
}
