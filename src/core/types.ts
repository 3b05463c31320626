/** Metadata parsed from the text of one policy document. */
export interface PolicyDocument {
  /** Stable key derived from the seed file name, e.g. `2023-changning-medical-work-plan`. */
  id: string;
  title: string;
  /** 文号, e.g. `沪卫医〔2023〕32号`. */
  docNumber: string;
  issuer: string;
  /** Date of issue, ISO `YYYY-MM-DD`. */
  date: string;
  /** 有效期至, ISO date, when the text states one. */
  validUntil?: string;
  sourceFile: string;
  /** A later document from the same issuer on the same subject (same title but for the year), when the corpus holds one. */
  newerVersion?: { id: string; docNumber: string; title: string; date: string };
  /** SHA-256 of the source bytes; unchanged documents are not re-embedded. */
  contentHash: string;
}

/** notice: the cover letter (印发通知); closing: the clause that says when the document takes effect. */
export type PassageKind = 'notice' | 'preamble' | 'point' | 'paragraph' | 'section' | 'closing';

/** One retrievable unit: a numbered point, a lead-sentence paragraph, a preamble, or a part of one. */
export interface Passage {
  /** Stable across re-ingestion of the same structure, e.g. `2023-changning-medical-work-plan#5.3`. */
  id: string;
  /** The point this passage belongs to (differs from `id` only for parts of a long point). */
  pointId: string;
  docId: string;
  kind: PassageKind;
  /** Heading path, outermost first, e.g. `['二、坚持统筹谋划，…', '7']`. */
  path: string[];
  /** Human label of the point, e.g. `第二部分第7条`. */
  label: string;
  /** Where the passage sits: section (一、 = 1), sub-section (（一） = 1), point number as printed. */
  section?: number;
  sub?: number;
  point?: number;
  /** The point's number marker as printed (`7.`), empty for unnumbered passages. */
  marker: string;
  text: string;
  /** 1-based part index and count when a long point was split. */
  part?: { index: number; count: number };
  /** Position of the passage in its document. */
  order: number;
  /** Read from a scan, mostly from lines OCR was unsure of: its citation asks the reader to check the original. */
  ocrUnsure?: true;
}

/** A passage offered as evidence, with the metadata a reader needs to find it. */
export interface Citation {
  id: string;
  docNumber: string;
  title: string;
  issuer: string;
  date: string;
  path: string[];
  label: string;
  text: string;
  score: number;
  /** Exact sentence(s) of `text` that back the claim (answering layer). */
  quote?: string;
  /** 有效期至, when the document states it. */
  validUntil?: string;
  /** A later document on the same subject from the same issuer. */
  newerVersion?: { docNumber: string; title: string; date: string };
  /** Set when the passage was read from a scan and OCR was unsure of most of it: OCR_UNSURE_NOTE, shown beside the citation. */
  ocrNote?: string;
}

export interface RetrievalResult {
  question: string;
  abstained: boolean;
  /** Why retrieval abstained, in Chinese, for the user. */
  reason?: string;
  citations: Citation[];
  /** Nearest passages even when abstaining (never offered as evidence). */
  nearest: Citation[];
  /** True when the question named the point itself (文号 + 第N条): the first citation is that point. */
  direct?: boolean;
  /** Document groups the question is about (e.g. the city plans and 普陀's), when it names more than one. */
  scopeGroups?: string[][];
  /** What the decision to answer looked at, for calibration and reports. */
  signals?: RetrievalSignals;
  /**
   * `high`: the cited points answer the question. `low`: no point answers it directly; the first
   * is the nearest, offered as possibly relevant. Absent when abstained.
   */
  confidence?: 'high' | 'low';
  /** Passage id -> id of its sentence that best matched the question (`passageId@n`), dense modes. */
  matchedSentences?: Record<string, string>;
  /** What kind of answer the question asks (a figure, a date, a body, a list, yes/no, what). */
  intent?: AnswerIntent;
  /**
   * What was asked and is not in the cited points: the documents cover the topic but give no
   * figure, date, body or list. Set only with `confidence: "low"`.
   */
  missing?: AnswerSlot;
  /**
   * A list question's first LIST_POOL points as ranked (citations are the first k of them): the
   * points of a list may rank below the first k ("天山中医医院今年都要搞些啥": five points of
   * four sections). Only for list questions.
   */
  pool?: Citation[];
  /**
   * A list question whose best point's sentences hold no enumeration (the decision's slot signal
   * 0): the tier the decision gives with the slot held. A list answer composed of several points
   * holds several items, and is decided with this tier. Only for list questions.
   */
  heldTier?: 'high' | 'low';
  /**
   * The first citation leads because it gives what was asked (a figure, a date, each kind's count) where the point
   * scored above it only names the subject: a composer keeps it first.
   */
  ledBySlot?: true;
}

/** What kind of answer a question asks (src/retrieval/question-intent.ts reads it). */
export type AnswerIntent = 'figure' | 'date' | 'who' | 'list' | 'yes-no' | 'what';
/**
 * The kinds of answer a sentence either holds or not: the intents' (figure, date, who, list), and those a
 * what-question may ask (src/retrieval/question-intent.ts `slotAsked`): how a thing is computed or
 * scored (`method`: 怎么算出来的, 按什么方法测算), where it is (`place`: 设在哪儿, 选址在哪个街道), what
 * follows when a rule is not kept (`consequence`: 没开会被咋处罚, 违反了受什么处分), how one applies for
 * or does a thing (`procedure`: 咋申请, 要走啥流程, 要准备啥材料), how far it is to get (`stage`: 要推进到哪一步),
 * what it is called (`name`: 那个频道叫啥) and what a term means or how it works (`meaning`: “穿透式”监管是什么含义).
 * The one list of them: the answer's `missing`, the question log's and the widget's read it.
 */
export const answerSlots = ['figure', 'date', 'who', 'list', 'method', 'place', 'consequence', 'procedure', 'stage', 'name', 'meaning'] as const;
export type AnswerSlot = (typeof answerSlots)[number];

export interface RetrievalSignals {
  /** Cosine of the question and the best point's best-matching sentence (dense modes). */
  sentence?: number;
  /** Cosine of the question and the best point as a whole (dense modes). */
  point?: number;
  /** IDF-weighted share of the question's topic bigrams (everyday words mapped) found in the best point. */
  coverage: number;
  /** Share of the question's words that occur nowhere in the corpus. */
  unknown: number;
  /** Fused score of the first point minus the second's. */
  margin: number;
  /** 1 when the best point holds an answer of the kind asked (a figure, a date, a body, several items) or nothing specific is asked; else 0. */
  slot?: number;
  /** IDF-weighted share of the topic's bigrams in the best point's best single sentence. */
  focus?: number;
  /** The decision model's probability that the first point answers the question. */
  p?: number;
  tier?: 'high' | 'low' | 'decline';
}

/** The embedding interface, as small as LangChain's. */
export interface Embedder {
  readonly modelId: string;
  readonly dimensions: number;
  embedDocuments(texts: string[]): Promise<number[][]>;
  embedQuery(text: string): Promise<number[]>;
}

/** A nearest-neighbour index over passage vectors. */
export interface VectorIndex {
  search(vector: number[], k: number): Promise<Array<{ id: string; score: number }>>;
}
