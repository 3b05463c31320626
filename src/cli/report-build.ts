import { OCR_UNSURE_NOTE } from '../core/corpus.js';
import type { BuildResult } from '../ingest/build-index.node.js';
import { DIFF_NOTATION } from '../ingest/diff-corpus.js';
import { LOW_CONFIDENCE } from '../ingest/ocr/ocr-line.js';

/** The ingest summary: one line first, then what changed since the last index. */
export function reportBuild(result: BuildResult): string {
  const { manifest, changes, embedded, reused, problems } = result;
  const refused = problems.filter((p) => p.severity === 'error');
  const lines = [
    `ingest: ${manifest.documents.length} documents, ${manifest.passageCount} passages (${embedded} embedded, ${reused} reused); ` +
      `added ${changes.added.length}, removed ${changes.removed.length}, changed ${changes.changed.length}, unchanged ${changes.unchanged.length}` +
      (refused.length > 0 ? `; ${refused.length} file(s) REFUSED: ${refused.map((p) => p.fileName).join(', ')}` : ''),
  ];
  const named = (id: string) => (changes.named[id] ? `${changes.named[id].docNumber}《${changes.named[id].title}》 (${id})` : id);
  for (const id of changes.added) lines.push(`  + document ${named(id)}`);
  for (const id of changes.removed) lines.push(`  - document ${named(id)}`);
  for (const c of changes.changed) {
    lines.push(`  ~ document ${c.docId} 《${c.title}》${c.cause === 'chunking' ? ' (same file, cleaned or chunked differently by this code)' : ''}`);
    for (const id of c.added) lines.push(`      + ${id}`);
    for (const id of c.removed) lines.push(`      - ${id}`);
    for (const e of c.edited) lines.push(`      ~ ${e.id} ${e.label}: ${e.diff}`);
  }
  if (changes.changed.some((c) => c.edited.length > 0)) lines.push(`  (${DIFF_NOTATION})`);
  if (refused.length > 0) lines.push('refused (not ingested; fix each file and run `npm run ingest` again):');
  for (const p of refused) {
    const kept = p.keptPrevious ? ` Until then the version indexed before (${p.keptPrevious.docNumber}, ${p.keptPrevious.date}) is still served.` : '';
    lines.push(`  ✗ ${p.fileName}: ${p.reason}. ${p.fix}.${kept}`);
  }
  for (const p of problems.filter((p) => p.severity === 'warning')) lines.push(`  ! ${p.fileName}: ${p.reason}. ${p.fix}.`);
  if (result.ocr.length > 0) lines.push(`read by OCR (lines below ${LOW_CONFIDENCE} confidence: passages made mostly of them are cited with ${OCR_UNSURE_NOTE}):`);
  for (const o of result.ocr) {
    lines.push(`  ◧ ${o.fileName}: ${o.pages} page(s) OCR'd, ${o.lines} lines, mean confidence ${o.meanConfidence.toFixed(3)}, ${o.lowLines.length} line(s) below ${LOW_CONFIDENCE}`);
  }
  return lines.join('\n');
}
