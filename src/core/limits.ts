/**
 * The limits and defaults more than one layer relies on, each in one place: the HTTP schemas, the
 * widget, the composers and the eval read them from here.
 */

/** Characters a question may have. */
export const MAX_QUESTION_CHARS = 2000;

/** Earlier turns a request may carry (`POST /api/ask`, `/api/chat`); the widget keeps to it. */
export const MAX_HISTORY_TURNS = 20;

/** Earlier turns a feedback record may carry; the widget sends FEEDBACK_TURNS of them. */
export const MAX_FEEDBACK_TURNS = 5;

/** Earlier turns the widget sends with 👍/👎, and a mined follow-up case keeps. */
export const FEEDBACK_TURNS = 3;

/** Earlier turns the LLM composer puts into its prompt: enough for "第二点呢", little enough for the context. */
export const LLM_PROMPT_TURNS = 3;

/** Milliseconds an LLM answer may take, streaming included, before the extractive composer answers instead. */
export const DEFAULT_LLM_TIMEOUT_MS = 20_000;

/** Points retrieval returns when the caller names no k: what `ask --mode dense|lexical` lists and the LLM composer reads. */
export const DEFAULT_K = 5;

/** Points the extractive composer weighs sentences from: one more than DEFAULT_K, so a second document's point stays in reach. */
export const COMPOSE_K = 6;

/** Points ranked for a list question that its answer may list from: deeper than COMPOSE_K, since a list's points rank below the first few. */
export const LIST_POOL = 20;

/** How long a Workers AI, Vectorize or D1 call may take before the Worker stops waiting (BINDING_TIMEOUT_MS). */
export const DEFAULT_BINDING_TIMEOUT_MS = 2000;
