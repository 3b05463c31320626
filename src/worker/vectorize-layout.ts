/**
 * How PolicyDesk lays out its Vectorize index. Shared by the Worker (which queries it) and
 * `npm run sync:vectorize` (which fills it), so both agree on ids, namespaces and the model.
 */

/** The one model whose vectors the Vectorize index holds; the Worker embeds questions with it too. */
export const WORKERS_AI_EMBEDDING_MODEL = '@cf/baai/bge-m3';
export const WORKERS_AI_EMBEDDING_DIMENSIONS = 1024;

/** Passage vectors live in their own namespace so queries never return the manifest record. */
export const PASSAGE_NAMESPACE = 'passages';
export const MANIFEST_NAMESPACE = 'policydesk-manifest';
/** A record whose metadata says which model, corpus and chunker filled the index. */
export const MANIFEST_VECTOR_ID = 'policydesk:manifest';

/** Vectorize returns at most this many matches when neither values nor metadata are requested. */
export const VECTORIZE_MAX_TOP_K = 100;

/**
 * The Vectorize id of a passage. Passage ids can exceed Vectorize's 64-byte id limit
 * (`2021-shanghai-public-hospital-high-quality-development-plan#5.3.2`), so the id is the
 * first 128 bits of SHA-256 in hex. Web Crypto only: runs in Node and in workerd.
 */
export async function vectorIdFor(passageId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(passageId));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}
