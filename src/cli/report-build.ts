import type { BuildResult } from '../vector-index/index-store.node.js';

/** The ingest summary: one line first, then what changed since the last index. */
export function reportBuild(result: BuildResult): string {
  const { manifest, changes, embedded, reused } = result;
  const lines = [
    `ingest: ${manifest.documents.length} documents, ${manifest.passageCount} passages (${embedded} embedded, ${reused} reused); ` +
      `added ${changes.added.length}, removed ${changes.removed.length}, changed ${changes.changed.length}, unchanged ${changes.unchanged.length}`,
  ];
  for (const id of changes.added) lines.push(`  + document ${id}`);
  for (const id of changes.removed) lines.push(`  - document ${id}`);
  for (const c of changes.changed) {
    lines.push(`  ~ document ${c.docId} 《${c.title}》`);
    for (const id of c.added) lines.push(`      + ${id}`);
    for (const id of c.removed) lines.push(`      - ${id}`);
    for (const e of c.edited) lines.push(`      ~ ${e.id} ${e.label}: ${e.diff}`);
  }
  return lines.join('\n');
}
