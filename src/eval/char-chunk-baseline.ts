import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { Passage, PolicyDocument } from '../core/types.js';
import { cleanLines, joinLines } from '../ingest/clean-lines.js';
import { documentIdFromFileName } from '../ingest/parse-document.js';
import { parseMetadata } from '../ingest/parse-metadata.js';
import { Corpus } from '../core/corpus.js';

/** The fixed-size splitter settings a user would pick from LangChain's docs. */
export const CHAR_CHUNK_SIZE = 500;
export const CHAR_CHUNK_OVERLAP = 50;

export interface SourceText {
  fileName: string;
  raw: string;
  contentHash: string;
}

/**
 * The baseline corpus for the eval: each document's cleaned text (cover notice and body, without
 * the 抄送/印发 end matter, i.e. the same text the numbered-point chunker sees) cut by LangChain's
 * `RecursiveCharacterTextSplitter` into fixed-size chunks. Documents keep their real metadata, so
 * citations and gold resolution work as for the real chunks; only the chunking differs. Portable.
 */
export async function charChunkCorpus(sources: readonly SourceText[], options: { chunkSize?: number; chunkOverlap?: number } = {}): Promise<Corpus> {
  const splitter = new RecursiveCharacterTextSplitter({
    chunkSize: options.chunkSize ?? CHAR_CHUNK_SIZE,
    chunkOverlap: options.chunkOverlap ?? CHAR_CHUNK_OVERLAP,
  });
  const documents: PolicyDocument[] = [];
  const passages: Passage[] = [];
  for (const source of sources) {
    const lines = cleanLines(source.raw);
    const { bodyStart: _start, bodyEnd, ...meta } = parseMetadata(lines, source.fileName);
    const id = documentIdFromFileName(source.fileName);
    documents.push({ id, ...meta, sourceFile: source.fileName.replace(/^.*[\\/]/, ''), contentHash: source.contentHash });
    // Layout lines are PDF line breaks, not paragraphs: joined, the splitter falls back to its
    // character separator, which is what a default setup does with this text.
    const chunks = await splitter.splitText(joinLines(lines.slice(0, bodyEnd)));
    chunks.forEach((text, i) => {
      const chunkId = `${id}#c${i + 1}`;
      passages.push({ id: chunkId, pointId: chunkId, docId: id, kind: 'point', path: [], label: `第${i + 1}块`, marker: '', text, order: i });
    });
  }
  return new Corpus({ documents, passages });
}
