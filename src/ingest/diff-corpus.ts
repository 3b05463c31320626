import type { CorpusData } from '../core/corpus.js';

export interface PassageEdit {
  id: string;
  label: string;
  diff: string;
}

export interface DocumentChange {
  docId: string;
  title: string;
  /** `document`: its source file changed; `chunking`: the same file is cleaned or chunked differently now. */
  cause: 'document' | 'chunking';
  added: string[];
  removed: string[];
  edited: PassageEdit[];
}

export interface CorpusChanges {
  added: string[];
  removed: string[];
  /** 文号 and title of each added and removed document, by id: people know documents by those. */
  named: Record<string, { docNumber: string; title: string }>;
  changed: DocumentChange[];
  unchanged: string[];
}

/** How shortDiff's notation reads, said once wherever diffs are shown. */
export const DIFF_NOTATION = 'in the diffs, [-text-] is text removed and {+text+} text added';

/** A short diff of two texts: the common start and end shortened, the changed middle shown as [-old-]{+new+}. */
export function shortDiff(before: string, after: string, context = 8): string {
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const pre = a.slice(Math.max(0, start - context), start).join('');
  const post = b.slice(b.length - end, b.length - end + context).join('');
  const removed = a.slice(start, a.length - end).join('');
  const added = b.slice(start, b.length - end).join('');
  const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);
  return `${start > context ? '…' : ''}${pre}${removed ? `[-${cut(removed)}-]` : ''}${added ? `{+${cut(added)}+}` : ''}${post}${end > context ? '…' : ''}`;
}

/** What changed between two builds of the corpus, document by document and passage by passage. */
export function diffCorpus(previous: CorpusData | undefined, next: CorpusData): CorpusChanges {
  const before = new Map((previous?.documents ?? []).map((d) => [d.id, d]));
  const after = new Map(next.documents.map((d) => [d.id, d]));
  const changes: CorpusChanges = { added: [], removed: [], named: {}, changed: [], unchanged: [] };
  const name = (d: { id: string; docNumber: string; title: string }) => (changes.named[d.id] = { docNumber: d.docNumber, title: d.title });
  for (const [id, doc] of before) {
    if (after.has(id)) continue;
    changes.removed.push(id);
    name(doc);
  }
  for (const [id, doc] of after) {
    const old = before.get(id);
    if (!old) {
      changes.added.push(id);
      name(doc);
      continue;
    }
    // Passages are compared even when the file is the same: a change of cleaning or chunking shows too.
    const oldPassages = new Map(previous!.passages.filter((p) => p.docId === id).map((p) => [p.id, p]));
    const newPassages = new Map(next.passages.filter((p) => p.docId === id).map((p) => [p.id, p]));
    const change: DocumentChange = { docId: id, title: doc.title, cause: old.contentHash === doc.contentHash ? 'chunking' : 'document', added: [], removed: [], edited: [] };
    for (const pid of oldPassages.keys()) if (!newPassages.has(pid)) change.removed.push(pid);
    for (const [pid, p] of newPassages) {
      const o = oldPassages.get(pid);
      if (!o) change.added.push(pid);
      else if (o.text !== p.text) change.edited.push({ id: pid, label: p.label, diff: shortDiff(o.text, p.text) });
      else if (o.label !== p.label) change.edited.push({ id: pid, label: p.label, diff: `label ${o.label} -> ${p.label}` });
    }
    const same = change.added.length === 0 && change.removed.length === 0 && change.edited.length === 0;
    if (same && change.cause === 'chunking') changes.unchanged.push(id);
    else changes.changed.push(change);
  }
  return changes;
}
