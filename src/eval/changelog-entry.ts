import type { AcceptPlan } from './accept-update.js';
import type { DocumentRef } from './explain-changes.js';

/** Metrics the change log shows before and after, per split. */
const SHOWN: Array<[string, string]> = [
  ['answeredCorrectly', 'answered correctly'],
  ['wronglyDeclined', 'wrongly declined'],
  ['factRecall', 'fact recall'],
  ['outOfCorpusConfident', 'out-of-corpus answered with confidence'],
];

export interface ChangelogInput {
  date: string;
  questions: string;
  documents: { added: DocumentRef[]; edited: DocumentRef[]; removed: DocumentRef[] };
  plan: AcceptPlan;
  /** Cases answered from a newer document, worse or better: accepted as they are now. */
  accepted: Array<{ id: string; before: string; after: string; why: string }>;
  /** Cases new since the baseline, recorded as they are now. */
  added: string[];
  before: Record<string, Record<string, number>>;
  after: Record<string, Record<string, number>>;
  retiredDir: string;
  /** Why gated metrics that moved the wrong way were accepted (a code change's trade-off, `--because`), and which. */
  because?: string;
  regressions?: string[];
}

const doc = (d: DocumentRef) => `${d.docNumber}《${d.title}》(${d.date})`;

/** One entry of evals/CHANGELOG.md: what an accepted update changed, newest entries first. */
export function changelogEntry(x: ChangelogInput): string {
  const lines = [`## ${x.date}: accepted update of ${x.questions}`, ''];
  const docs: Array<[string, DocumentRef[]]> = [
    ['added', x.documents.added],
    ['edited', x.documents.edited],
    ['removed', x.documents.removed],
  ];
  if (docs.every(([, ds]) => ds.length === 0)) lines.push('Documents: unchanged.');
  if (x.because !== undefined) {
    lines.push('', `Recorded with regressions of the gated metrics, because: ${x.because}`, '');
    for (const r of x.regressions ?? []) lines.push(`- ${r}`);
  }
  for (const [what, ds] of docs) if (ds.length > 0) lines.push(`Documents ${what}: ${ds.map(doc).join('; ')}.`);
  lines.push('');
  if (x.plan.retired.length > 0) {
    lines.push(`Cases retired to \`${x.retiredDir}/\` (their document was removed): ${x.plan.retired.length}`, '');
    for (const r of x.plan.retired) lines.push(`- \`${r.id}\` (${r.set}), ${r.documents.map((d) => d.docNumber).join('、')}: ${r.question}`);
    lines.push('');
  }
  if (x.plan.reanchored.length > 0) {
    lines.push(`Cases re-anchored on the edited text (their facts still hold): ${x.plan.reanchored.length}`, '');
    for (const r of x.plan.reanchored) for (const ch of r.changes) lines.push(`- \`${r.id}\` (${r.set}), ${ch.doc}${ch.label}: 「${ch.from}」 -> 「${ch.to}」`);
    lines.push('');
  }
  if (x.accepted.length > 0) {
    lines.push(`Cases whose answer changed, accepted: ${x.accepted.length}`, '');
    for (const a of x.accepted) lines.push(`- \`${a.id}\`: ${a.before} -> ${a.after} (${a.why})`);
    lines.push('');
  }
  if (x.added.length > 0) lines.push(`Cases added since the baseline, recorded as they are: ${x.added.length} (${x.added.map((id) => `\`${id}\``).join(', ')})`, '');
  const groups = [...new Set([...Object.keys(x.before), ...Object.keys(x.after)])];
  if (groups.length > 0) {
    lines.push(`| split | ${SHOWN.map(([, label]) => label).join(' | ')} |`, `| --- | ${SHOWN.map(() => '---').join(' | ')} |`);
    const v = (n: number | undefined) => (n === undefined ? '–' : String(n));
    for (const g of groups) lines.push(`| ${g} | ${SHOWN.map(([k]) => `${v(x.before[g]?.[k])} -> ${v(x.after[g]?.[k])}`).join(' | ')} |`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The change log with a new entry on top (below the title), creating it when absent. */
export function prependEntry(existing: string | undefined, entry: string): string {
  const title = '# Eval change log\n\nWhat each `npm run eval -- --accept` accepted: documents, cases retired or re-anchored, metrics before and after. Newest first.\n\n';
  const rest = existing?.startsWith('# ') ? existing.slice(existing.indexOf('\n## ') + 1 || existing.length) : (existing ?? '');
  return `${title}${entry}\n${rest.startsWith('## ') ? rest : ''}`;
}
