import type { Corpus } from '../core/corpus.js';
import type { Baseline, Comparison } from './compare-baseline.js';
import type { EvalCase } from './eval-case.js';
import type { CorpusChangeReport } from './explain-changes.js';
import type { GateVerdict } from './gate-verdict.js';
import type { Metrics } from './metrics.js';
import { loose } from './resolve-gold.js';
import { DIFF_NOTATION } from '../ingest/diff-corpus.js';
import type { CaseResult } from './run-eval.js';

export interface ReportPassage {
  docNumber: string;
  title: string;
  label: string;
  text: string;
}

export interface StaleCase {
  id: string;
  question: string;
  missingAnchors: string[];
  nearest: Array<{ id: string; label: string; overlap: number }>;
}

/** What `npm run eval` writes to evals/reports/<timestamp>.json, and the HTML page is drawn from. */
export interface EvalReport {
  createdAt: string;
  questions: string;
  index?: { model: { id: string }; passageCount: number; builtAt: string };
  systems: Array<{ name: string; description: string; metrics?: Metrics | undefined }>;
  /** Per tag, for the first (full) system. */
  perTag: Record<string, Metrics>;
  stale: StaleCase[];
  comparison?: Comparison | undefined;
  /** PASS or FAIL, why, and the new failures: the first thing the page shows. */
  verdict?: GateVerdict;
  /** What the document changes since the baseline explain, case by case. */
  explained?: CorpusChangeReport;
  /** Case results of the first (full) system. */
  cases: CaseResult[];
  /** What each case expects, by case id: the page shows it beside what came back. */
  expected: Record<string, Pick<EvalCase, 'gold' | 'facts' | 'history'>>;
  /** Passages the page quotes (cited, gold, nearest to a stale anchor), by id. */
  passages: Record<string, ReportPassage>;
}

/** The expectations and passages a report needs beside the case results. */
export function reportDetails(cases: readonly EvalCase[], results: readonly CaseResult[], corpus: Corpus, stale: readonly StaleCase[]): Pick<EvalReport, 'expected' | 'passages'> {
  const ids = new Set([...results.flatMap((r) => [...r.citedIds, ...r.goldPointIds]), ...stale.flatMap((s) => s.nearest.map((n) => n.id))]);
  const passages: Record<string, ReportPassage> = {};
  for (const id of ids) {
    const p = corpus.passage(id);
    if (!p) continue;
    const d = corpus.document(p.docId);
    passages[id] = { docNumber: d.docNumber, title: d.title, label: p.label, text: p.text };
  }
  const expected = Object.fromEntries(cases.map((c) => [c.id, { gold: c.gold, facts: c.facts, ...(c.history ? { history: c.history } : {}) }]));
  return { expected, passages };
}

/** Why a case counts as failing; empty when it passed. Stale cases are reported apart, never as failures. */
export function failureReasons(r: CaseResult, expected?: Pick<EvalCase, 'facts'>): string[] {
  if (r.stale.length > 0) return [];
  if (r.expectAbstain) return r.abstained ? [] : ['answered; should abstain'];
  const reasons: string[] = [];
  if (r.abstained) reasons.push('abstained; should answer');
  if (r.rank === null || r.rank > 5) reasons.push('gold passage not in the top 5');
  else if (r.rank > 1) reasons.push(`gold passage at rank ${r.rank}`);
  if (r.citationPrecision === 0) reasons.push('no cited passage holds the gold anchor');
  if (r.factRecall !== null && r.factRecall < 1) {
    const missing = expected?.facts.filter((f) => !loose(r.answer).includes(loose(f))) ?? [];
    reasons.push(`facts missing${missing.length ? `: ${missing.join('、')}` : ''}`);
  }
  if (r.unverified.length > 0) reasons.push(`${r.unverified.length} claim(s) not verbatim in the cited passage`);
  return reasons;
}

// HTML is built with a tagged template that escapes every interpolated value unless it is
// already Html: forgetting to escape a field is then impossible rather than merely unlikely.
class Html {
  constructor(readonly value: string) {}
}
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const render = (v: unknown): string => (v instanceof Html ? v.value : Array.isArray(v) ? v.map(render).join('') : v === undefined || v === null || v === false ? '' : escapeHtml(String(v)));
function h(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, s, i) => out + render(values[i - 1]) + s));
}

const COLUMNS: Array<[keyof Metrics, string, 'higher' | 'lower']> = [
  ['hit1', 'hit@1', 'higher'],
  ['hit3', 'hit@3', 'higher'],
  ['hit5', 'hit@5', 'higher'],
  ['mrr', 'MRR', 'higher'],
  ['citationPrecision', 'citation precision', 'higher'],
  ['factRecall', 'fact recall', 'higher'],
  ['verifiedQuoteRate', 'verified quotes', 'higher'],
  ['abstentionPrecision', 'abstention P', 'higher'],
  ['abstentionRecall', 'abstention R', 'higher'],
  ['p50Ms', 'p50 ms', 'lower'],
  ['p95Ms', 'p95 ms', 'lower'],
];
const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3));

function systemsTable(systems: EvalReport['systems']): Html {
  const full = systems[0]?.metrics;
  const rows = systems.map((s, i) => {
    const cells = COLUMNS.map(([key, , better]) => {
      const v = s.metrics?.[key];
      if (v === undefined) return h`<td>–</td>`;
      if (i === 0 || !full) return h`<td>${fmt(v)}</td>`;
      const diff = Math.round(((full[key] ?? v) - v) * 1000) / 1000;
      // Ahead means higher for quality metrics and lower for latency.
      const ahead = better === 'higher' ? diff > 0 : diff < 0;
      const cls = diff === 0 ? 'even' : ahead ? 'ahead' : 'behind';
      return h`<td>${fmt(v)}<br><small class="${cls}">full ${diff > 0 ? '+' : ''}${fmt(diff)}</small></td>`;
    });
    return h`<tr><th title="${s.description}">${s.name}<br><small class="desc">${s.description}</small></th><td>${s.metrics?.cases ?? '–'}</td>${cells}</tr>`;
  });
  return h`<table class="metrics"><thead><tr><th>system</th><th>cases</th>${COLUMNS.map(([, label]) => h`<th>${label}</th>`)}</tr></thead><tbody>${rows}</tbody></table>`;
}

type ChartMetric = 'hit1' | 'hit5' | 'mrr' | 'factRecall' | 'abstentionRecall';
const CHART: Array<[ChartMetric, string]> = [
  ['hit1', 'hit@1'],
  ['hit5', 'hit@5'],
  ['mrr', 'MRR'],
  ['factRecall', 'facts'],
  ['abstentionRecall', 'abstention R'],
];
type ChartValues = Partial<Record<ChartMetric, number>>;

/** The chart metrics of a tag recomputed from the baseline's per-case records (cases the baseline holds only). */
function baselineForTag(baseline: Baseline, members: readonly CaseResult[]): ChartValues {
  const old = members.filter((r) => r.stale.length === 0).flatMap((r) => (baseline.cases[r.id] ? [{ r, b: baseline.cases[r.id]! }] : []));
  const answerable = old.filter(({ r }) => !r.expectAbstain);
  const abstain = old.filter(({ r }) => r.expectAbstain);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  if (answerable.length > 0) {
    return {
      hit1: mean(answerable.map(({ b }) => (b.rank === 1 ? 1 : 0))),
      hit5: mean(answerable.map(({ b }) => (b.rank !== null && b.rank <= 5 ? 1 : 0))),
      mrr: mean(answerable.map(({ b }) => (b.rank ? 1 / b.rank : 0))),
      factRecall: mean(answerable.map(({ b }) => b.factRecall ?? 0)),
    };
  }
  return abstain.length > 0 ? { abstentionRecall: mean(abstain.map(({ b }) => (b.abstained ? 1 : 0))) } : {};
}

/** Answerable groups are charted on retrieval and facts; groups of out-of-corpus questions on abstention. */
function chartValues(m: Metrics): ChartValues {
  return m.answerable > 0 ? { hit1: m.hit1, hit5: m.hit5, mrr: m.mrr, factRecall: m.factRecall } : { abstentionRecall: m.abstentionRecall };
}

/** Inline SVG: per tag and metric, a bar for this run and, where the baseline has a value, one for the baseline. */
function tagChart(report: EvalReport, baseline?: Baseline): Html {
  const full = report.systems[0]?.metrics;
  const groups: Array<{ label: string; now: ChartValues; before: ChartValues }> = [];
  if (full) {
    const before: ChartValues = {};
    for (const [k] of CHART) if (baseline?.metrics[k] !== undefined) before[k] = baseline.metrics[k];
    groups.push({ label: 'all cases', now: { hit1: full.hit1, hit5: full.hit5, mrr: full.mrr, factRecall: full.factRecall, abstentionRecall: full.abstentionRecall }, before });
  }
  for (const [tag, m] of Object.entries(report.perTag)) {
    const members = report.cases.filter((r) => `kind:${r.kind}` === tag || r.tags.includes(tag));
    groups.push({ label: `${tag} (${m.cases})`, now: chartValues(m), before: baseline ? baselineForTag(baseline, members) : {} });
  }
  const labelW = 230,
    colW = 150,
    barW = 110,
    rowH = 26,
    top = 40;
  const width = labelW + CHART.length * colW;
  const height = top + groups.length * rowH + 10;
  const parts: Html[] = CHART.map(([, name], j) => h`<text x="${labelW + j * colW}" y="16" class="head">${name}</text>`);
  parts.push(h`<rect x="${labelW}" y="24" width="10" height="7" class="now"/><text x="${labelW + 14}" y="31" class="small">this run</text>`);
  parts.push(h`<rect x="${labelW + 80}" y="24" width="10" height="7" class="base"/><text x="${labelW + 94}" y="31" class="small">baseline${baseline ? '' : ' (none given)'}</text>`);
  groups.forEach((g, i) => {
    const y = top + i * rowH;
    parts.push(h`<text x="0" y="${y + 14}" class="label">${g.label}</text>`);
    CHART.forEach(([key, name], j) => {
      const x = labelW + j * colW;
      const now = g.now[key];
      const before = g.before[key];
      if (now !== undefined)
        parts.push(
          h`<rect x="${x}" y="${y + 3}" width="${(now * barW).toFixed(1)}" height="9" class="now"><title>${g.label} ${name}: ${fmt(now)}</title></rect><text x="${x + barW + 4}" y="${y + 11}" class="small">${now.toFixed(2)}</text>`,
        );
      if (before !== undefined)
        parts.push(
          h`<rect x="${x}" y="${y + 13}" width="${(before * barW).toFixed(1)}" height="9" class="base"><title>${g.label} ${name} baseline: ${fmt(before)}</title></rect><text x="${x + barW + 4}" y="${y + 21}" class="small">${before.toFixed(2)}</text>`,
        );
    });
  });
  return h`<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="metrics per tag against the baseline" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts}</svg>`;
}

function passageBlock(id: string, report: EvalReport, anchors: readonly string[], note = ''): Html {
  const p = report.passages[id];
  if (!p) return h`<li>${note} <code>${id}</code> (not in the corpus)</li>`;
  const holds = anchors.some((a) => loose(p.text).includes(loose(a)));
  return h`<li class="${holds ? 'holds' : ''}">${note} <b>《${p.title}》${p.docNumber} ${p.label}</b> <code>${id}</code>${holds ? h` <span class="ahead">holds the gold anchor</span>` : ''}<blockquote>${p.text}</blockquote></li>`;
}

function failingCase(r: CaseResult, reasons: string[], report: EvalReport): Html {
  const exp = report.expected[r.id];
  const anchors = exp?.gold.map((g) => g.anchor) ?? [];
  const extra = Object.keys(r.extra).length > 0 ? h`<p>extra fields: <code>${JSON.stringify(r.extra)}</code></p>` : '';
  return h`<details class="case"><summary><code>${r.id}</code> [${r.kind}] ${r.question} — <span class="behind">${reasons.join('; ')}</span></summary>
${exp?.history?.length ? h`<p>after: ${exp.history.map((t) => h`<q>${t.question}</q> `)}</p>` : ''}
<h4>expected</h4>${r.expectAbstain ? h`<p>abstain</p>` : h`<ul>${exp?.gold.map((g) => h`<li>${g.doc}: <mark>${g.anchor}</mark>${g.id ? h` <code>${g.id}</code>` : ''}</li>`)}</ul>${exp?.facts.length ? h`<p>facts: ${exp.facts.map((f) => h`<span class="${loose(r.answer).includes(loose(f)) ? 'ahead' : 'behind'}">${f}</span> `)}</p>` : ''}`}
<h4>got (${r.mode}${r.abstained ? ', abstained' : ''}, gold rank ${r.rank ?? '–'})</h4><pre>${r.answer}</pre>
${r.unverified.length ? h`<p>not verbatim: ${r.unverified.map((u) => h`<q>${u}</q> `)}</p>` : ''}
<h4>cited passages</h4>${r.citedIds.length ? h`<ol>${r.citedIds.map((id) => passageBlock(id, report, anchors))}</ol>` : h`<p>none</p>`}
${!r.expectAbstain && r.rank !== 1 ? h`<h4>gold passages</h4><ol>${r.goldPointIds.map((id) => passageBlock(id, report, anchors))}</ol><p>retrieved: ${r.retrievedPointIds.map((id) => h`<code>${id}</code> `)}</p>` : ''}
${extra}</details>`;
}

function verdictSection(v: GateVerdict): Html {
  const status = v.status ?? (v.pass ? 'PASS' : 'FAIL');
  return h`<section class="verdict ${status === 'PASS' ? 'pass' : status === 'FAIL' ? 'fail' : 'ungated'}"><h2>${status}</h2>${v.reasons.length ? h`<ul>${v.reasons.map((r) => h`<li>${r}</li>`)}</ul>` : h`<p>No gated metric moved beyond its tolerance.</p>`}${v.newFailures.length ? h`<p>New failures: ${v.newFailures.map((id) => h`<code>${id}</code> `)}</p>` : ''}</section>`;
}

/** What changed in the documents since the baseline, by 文号 and title. */
function documentsSection(e: CorpusChangeReport): Html {
  const d = e.documents;
  if (!d || d.added.length + d.edited.length + d.removed.length === 0) return h``;
  const items = (mark: string, ds: typeof d.added) => ds.map((x) => h`<li>${mark} ${x.docNumber}《${x.title}》 (${x.date})</li>`);
  return h`<h2>Documents changed since the baseline</h2><ul class="docs">${items('added', d.added)}${items('edited', d.edited)}${items('removed', d.removed)}</ul>`;
}

/** The cases whose answer changed: question, before, after, and why (what the document changes explain). */
function changedCasesSection(c: Comparison, e: CorpusChangeReport | undefined): Html {
  const why = new Map((e?.cases ?? []).map((x) => [x.id, x]));
  const rows = [...c.worse.map((x) => ({ ...x, dir: 'worse' })), ...c.better.map((x) => ({ ...x, dir: 'better' }))];
  if (rows.length === 0) return h``;
  return h`<h2>Cases whose answer changed (${c.worse.length} worse, ${c.better.length} better)</h2><table class="changes"><thead><tr><th>case</th><th>question</th><th>before</th><th>after</th><th>why</th></tr></thead><tbody>${rows.map(
    (x) =>
      h`<tr class="${x.dir === 'worse' ? (why.get(x.id)?.verdict === 'regression' || !why.get(x.id) ? 'behind' : '') : 'ahead'}"><td><code>${x.id}</code><br><small>${x.dir}${why.get(x.id) ? ` · ${why.get(x.id)!.verdict}` : ''}</small></td><td>${x.question}</td><td>${x.before}</td><td>${x.after}</td><td>${why.get(x.id)?.reason ?? ''}</td></tr>`,
  )}</tbody></table>`;
}

function comparisonSection(c: Comparison): Html {
  return h`<h2>Against the baseline</h2>
${c.regressions.length ? h`<ul>${c.regressions.map((r) => h`<li class="behind">REGRESSION ${r.group} ${r.metric}: ${r.baseline} → ${r.now} (tolerance ${r.tolerance})</li>`)}</ul>` : h`<p class="ahead">No gated metric dropped beyond its tolerance.</p>`}
${c.worse.length + c.better.length > 0 ? h`<p>${c.worse.length} worse, ${c.better.length} better: listed with their reasons at the top.</p>` : ''}`;
}

const STYLE = `.verdict{padding:.5rem 1rem;border-radius:6px;margin-bottom:1rem}.verdict h2{margin:.2rem 0}.verdict.pass{background:#dafbe1}.verdict.fail{background:#ffebe9}.verdict.ungated{background:#fff8c5}.wide{overflow-x:auto;max-width:100%}
table.metrics{font-size:.8rem}table.metrics th,table.metrics td{padding:.25rem .35rem}table.metrics small.desc{display:block;max-width:14rem;white-space:normal}table.changes td,table.changes th{text-align:left}table.changes td:nth-child(2){min-width:14rem}
body{max-width:1200px;font-family:system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1b1f24;line-height:1.5}
table{border-collapse:collapse;font-size:.9rem}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:right;vertical-align:top}th:first-child{text-align:left}
small{color:#57606a}td small{white-space:nowrap}.ahead{color:#1a7f37}.behind{color:#cf222e}.even{color:#57606a}svg text{font-size:12px;fill:#1b1f24}svg .small{font-size:10px}svg .head{font-weight:600}
rect.now{fill:#0969da}rect.base{fill:#afb8c1}blockquote{margin:.2rem 0 .6rem;padding-left:.6rem;border-left:3px solid #d0d7de}li.holds blockquote{border-color:#1a7f37}
pre{white-space:pre-wrap;font-family:inherit;background:#f6f8fa;padding:.5rem}details.case{border-top:1px solid #d0d7de;padding:.4rem 0}summary{cursor:pointer}mark{background:#fff8c5}`;

/** A self-contained HTML page for an eval report: no scripts, no external assets; every value escaped. */
export function renderHtmlReport(report: EvalReport, baseline?: Baseline): string {
  const failing = report.cases.map((r) => ({ r, reasons: failureReasons(r, report.expected[r.id]) })).filter((x) => x.reasons.length > 0);
  const kinds = new Map<string, number>();
  for (const r of report.cases) kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  const page = h`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>PolicyDesk eval ${report.createdAt}</title><style>${new Html(STYLE)}</style></head><body>
<h1>PolicyDesk eval</h1>
${report.verdict ? verdictSection(report.verdict) : ''}
${report.explained ? documentsSection(report.explained) : ''}
${report.comparison ? changedCasesSection(report.comparison, report.explained) : ''}
${report.explained?.cases.some((c) => c.reason.includes('[-') || c.reason.includes('{+')) ? h`<p><small>${DIFF_NOTATION}.</small></p>` : ''}
<p>${report.cases.length} cases from <code>${report.questions}</code> (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}), run ${report.createdAt}${report.index ? h`; index of ${report.index.passageCount} passages built ${report.index.builtAt} with ${report.index.model.id}` : ''}.</p>
<h2>Systems</h2><p>Baseline cells show how far the full pipeline is ahead (green) or behind (red).</p><div class="wide">${systemsTable(report.systems)}</div>
<h2>Per tag against the baseline</h2>${tagChart(report, baseline)}
${report.comparison ? comparisonSection(report.comparison) : ''}
${report.explained?.cases.length ? h`<h2>What the document changes explain, case by case</h2><ul>${report.explained.cases.map((c) => h`<li class="${c.verdict === 'regression' ? 'behind' : ''}"><b>${c.verdict}</b> <code>${c.id}</code> ${c.question}: ${c.reason}</li>`)}</ul>` : ''}
<h2>Stale cases (${report.stale.length})</h2><p>Gold anchor no longer found (its point edited or its document removed): each counts as a failure until <code>npm run eval -- --accept</code> retires or re-anchors it, or the case is fixed by hand.</p>
${report.stale.map((s) => h`<div class="case"><p><code>${s.id}</code> ${s.question}</p><p>anchor not found: ${s.missingAnchors.map((a) => h`<mark>${a}</mark> `)}</p><p>nearest passage now:</p><ol>${s.nearest.map((n) => passageBlock(n.id, report, [], `overlap ${n.overlap}:`))}</ol></div>`)}
<h2>Failing cases (${failing.length})</h2>${failing.map(({ r, reasons }) => failingCase(r, reasons, report))}
</body></html>
`;
  return page.value;
}
