/** The kinds of source file ingest reads. */
export type SourceFormat = 'txt' | 'pdf' | 'docx' | 'html' | 'image';

/** Images are page scans, read by OCR. */
const BY_EXTENSION: Record<string, SourceFormat> = { txt: 'txt', pdf: 'pdf', docx: 'docx', html: 'html', htm: 'html', png: 'image', jpg: 'image', jpeg: 'image', tif: 'image', tiff: 'image' };

/** The extensions ingest reads, lower case; `.TXT`, `.Pdf` and so on are read too. */
export const SOURCE_EXTENSIONS = Object.keys(BY_EXTENSION);

/** The format of a source file by its extension, case ignored; undefined for files ingest does not read. */
export function sourceFormat(fileName: string): SourceFormat | undefined {
  const ext = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}
