import type { PolicyDocument } from '../core/types.js';

/** A title with its year taken out: 《2023年上海市医政医管工作要点》 and 《2024年…》 are the same subject. */
const subject = (title: string) => title.replace(/(19|20)\d{2}\s*年度?/g, '').replace(/\s+/g, '');

/** The issuing office's series in a 文号: 沪卫医 of 沪卫医〔2023〕32号. */
const series = (docNumber: string) => docNumber.split(/[〔［[（(]/)[0]!.replace(/\s+/g, '');

type Dated = Pick<PolicyDocument, 'id' | 'issuer' | 'docNumber' | 'title' | 'date'>;

/**
 * Whether `newer` replaces `older`: the same issuer and 文号 series (a district never replaces the
 * city), the same kind of document on the same subject (its title but for the year: 工作要点 of the
 * next year), and a later date.
 */
export function supersedes(newer: Dated, older: Dated): boolean {
  return newer.id !== older.id && newer.issuer === older.issuer && series(newer.docNumber) === series(older.docNumber) && subject(newer.title) === subject(older.title) && newer.date > older.date;
}

/** Why `newer` does not replace `older`, for a person; undefined when it does. */
export function notSuccessorBecause(newer: Dated, older: Dated): string | undefined {
  if (newer.id === older.id) return 'it is the same document';
  if (newer.issuer !== older.issuer) return `another issuer (${newer.issuer}; the gold document is ${older.issuer}'s)`;
  if (series(newer.docNumber) !== series(older.docNumber)) return `another 文号 series (${series(newer.docNumber)}; the gold document is ${series(older.docNumber)})`;
  if (subject(newer.title) !== subject(older.title)) return 'another kind of document (its title but for the year differs)';
  if (newer.date <= older.date) return `not later (${newer.date}, the gold document ${older.date})`;
  return undefined;
}

/**
 * Records, on each document, the newest other document from the same issuer on the same subject
 * (its title but for the year), when one is dated later. Answers then say which is newer.
 */
export function relateDocuments(documents: readonly PolicyDocument[]): PolicyDocument[] {
  return documents.map((doc) => {
    const newer = documents.filter((d) => supersedes(d, doc)).sort((a, b) => b.date.localeCompare(a.date))[0];
    const { newerVersion: _drop, ...rest } = doc;
    return newer ? { ...rest, newerVersion: { id: newer.id, docNumber: newer.docNumber, title: newer.title, date: newer.date } } : rest;
  });
}
