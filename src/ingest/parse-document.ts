import type { Passage, PolicyDocument } from '../core/types.js';
import { chunkDocument, type ChunkOptions } from './chunk-document.js';
import { cleanLines } from './clean-lines.js';
import { parseMetadata } from './parse-metadata.js';

export interface ParsedDocument {
  document: Omit<PolicyDocument, 'contentHash'>;
  passages: Passage[];
}

/** Turns a seed file name into a document key: `2023-changning-medical-work-plan.txt` -> `2023-changning-medical-work-plan`. */
export function documentIdFromFileName(fileName: string): string {
  return fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Cleans, reads the metadata of, and chunks one source document. Pure: no I/O. */
export function parseDocument(fileName: string, raw: string, options?: ChunkOptions): ParsedDocument {
  const lines = cleanLines(raw);
  const meta = parseMetadata(lines, fileName);
  const id = documentIdFromFileName(fileName);
  const { bodyStart, bodyEnd, ...fields } = meta;
  return {
    document: { id, ...fields, sourceFile: fileName.replace(/^.*[\\/]/, '') },
    passages: [noticePassage(id, lines.slice(0, bodyStart)), ...chunkDocument(id, lines.slice(bodyStart, bodyEnd), options)]
      .filter((p): p is Passage => p !== undefined)
      .map((p, order) => ({ ...p, order })),
  };
}

/** The cover notice (印发通知) is a passage too: staff ask when and by whom a plan was issued. */
function noticePassage(docId: string, lines: string[]): Passage | undefined {
  // Header, 文号, title and signature lines stay apart; lines broken mid-sentence join.
  const kept = lines.filter((line) => !/^[—–\-_]{3,}$/.test(line));
  const text = kept.map((line, i) => (i < kept.length - 1 && /(文件|号|通知|[:：]|日|发布[)）])$/.test(line) ? `${line} ` : line)).join('');
  if (text === '') return undefined;
  return { id: `${docId}#notice`, pointId: `${docId}#notice`, docId, kind: 'notice', path: [], label: '印发通知', marker: '', text, order: 0 };
}
