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
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** Cleans, reads the metadata of, and chunks one source document. Pure: no I/O. */
export function parseDocument(fileName: string, raw: string, options?: ChunkOptions): ParsedDocument {
  const lines = cleanLines(raw);
  const meta = parseMetadata(lines, fileName);
  const id = documentIdFromFileName(fileName);
  const { bodyStart, bodyEnd, ...fields } = meta;
  return {
    document: { id, ...fields, sourceFile: fileName.replace(/^.*[\\/]/, '') },
    passages: chunkDocument(id, lines.slice(bodyStart, bodyEnd), options),
  };
}
