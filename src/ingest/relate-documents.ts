import type { PolicyDocument } from '../core/types.js';

/** A title with its year taken out: 《2023年上海市医政医管工作要点》 and 《2024年…》 are the same subject. */
const subject = (title: string) => title.replace(/(19|20)\d{2}\s*年度?/g, '').replace(/\s+/g, '');

/**
 * Records, on each document, the newest other document from the same issuer on the same subject
 * (its title but for the year), when one is dated later. Answers then say which is newer.
 */
export function relateDocuments(documents: readonly PolicyDocument[]): PolicyDocument[] {
  return documents.map((doc) => {
    const newer = documents.filter((d) => d.id !== doc.id && d.issuer === doc.issuer && subject(d.title) === subject(doc.title) && d.date > doc.date).sort((a, b) => b.date.localeCompare(a.date))[0];
    const { newerVersion: _drop, ...rest } = doc;
    return newer ? { ...rest, newerVersion: { id: newer.id, docNumber: newer.docNumber, title: newer.title, date: newer.date } } : rest;
  });
}
