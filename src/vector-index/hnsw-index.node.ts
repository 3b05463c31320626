import type { VectorIndex } from '../core/types.js';
import { DataError, InvariantError } from '../core/errors.js';

type HnswStore = import('@langchain/community/vectorstores/hnswlib').HNSWLib;

/** Search breadth; the corpus is small, so a wide beam costs little and keeps recall exact in practice. */
const EF_SEARCH = 128;

/**
 * HNSW index (hnswlib-node through LangChain's HNSWLib), cosine space. LangChain saves the
 * index with its arguments (space, dimensions); `load` checks them against what the caller expects.
 * Each stored document carries only the passage id: the passages live in corpus.json.
 */
export class HnswIndex implements VectorIndex {
  private constructor(private readonly store: HnswStore) {}

  static async build(entries: ReadonlyArray<{ id: string; vector: number[] }>, dimensions: number): Promise<HnswIndex> {
    const { HNSWLib } = await import('@langchain/community/vectorstores/hnswlib');
    const { Document } = await import('@langchain/core/documents');
    const store = new HNSWLib(noEmbeddings, { space: 'cosine', numDimensions: dimensions });
    await store.addVectors(
      entries.map((e) => e.vector),
      entries.map((e) => new Document({ pageContent: e.id, metadata: { id: e.id } })),
    );
    return new HnswIndex(store);
  }

  static async load(directory: string, dimensions: number): Promise<HnswIndex> {
    const { HNSWLib } = await import('@langchain/community/vectorstores/hnswlib');
    const store = await HNSWLib.load(directory, noEmbeddings);
    if (store.args.space !== 'cosine' || store.args.numDimensions !== dimensions) {
      throw new DataError(`HNSW index in ${directory} has space=${store.args.space}, dimensions=${store.args.numDimensions}; expected cosine, ${dimensions}.`, 'npm run ingest');
    }
    store.index.setEf(EF_SEARCH);
    return new HnswIndex(store);
  }

  /** Live entries (removed ones stay in the graph, marked deleted, until the next full build). */
  get size(): number {
    return this.documents().size;
  }

  /** The ids of the live entries. */
  ids(): Set<string> {
    return new Set([...this.documents().values()].map((doc) => String(doc.metadata.id)));
  }

  /** Entries removed but still in the graph: a reason to build afresh once they are many. */
  get deleted(): number {
    return this.store.index.getCurrentCount() - this.size;
  }

  /**
   * Changes the index in place: `remove` ids are marked deleted (hnswlib skips them in searches),
   * `add` entries are inserted. Cost follows the size of the change, not of the index.
   */
  async update(remove: Iterable<string>, add: ReadonlyArray<{ id: string; vector: number[] }>): Promise<void> {
    const { Document } = await import('@langchain/core/documents');
    const docs = this.documents();
    const labelOf = new Map([...docs].map(([label, doc]) => [String(doc.metadata.id), label]));
    for (const id of remove) {
      const label = labelOf.get(id);
      if (label === undefined) continue;
      this.store.index.markDelete(Number(label));
      docs.delete(label);
    }
    if (add.length > 0) {
      await this.store.addVectors(
        add.map((e) => e.vector),
        add.map((e) => new Document({ pageContent: e.id, metadata: { id: e.id } })),
      );
    }
  }

  /** LangChain's docstore: hnswlib label -> the document holding the entry's id. */
  private documents(): Map<string, { metadata: Record<string, unknown> }> {
    return (this.store.docstore as unknown as { _docs: Map<string, { metadata: Record<string, unknown> }> })._docs;
  }

  async save(directory: string): Promise<void> {
    await this.store.save(directory);
  }

  async search(vector: number[], k: number): Promise<Array<{ id: string; score: number }>> {
    const limit = Math.min(k, this.size);
    if (limit === 0) return [];
    const hits = await this.store.similaritySearchVectorWithScore(vector, limit);
    // hnswlib's cosine space returns a distance: 1 - cosine similarity.
    return hits.map(([doc, distance]) => ({ id: String(doc.metadata.id), score: 1 - distance }));
  }
}

/** HNSWLib wants an Embeddings object; vectors are always computed by the caller here. */
const noEmbeddings = {
  embedDocuments: async () => {
    throw new InvariantError('HnswIndex stores precomputed vectors only');
  },
  embedQuery: async () => {
    throw new InvariantError('HnswIndex stores precomputed vectors only');
  },
} as unknown as ConstructorParameters<typeof import('@langchain/community/vectorstores/hnswlib').HNSWLib>[0];
