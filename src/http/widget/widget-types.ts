import type { AnswerSlot } from '../../core/types.js';

/** The parts of the service's Answer JSON the widget reads. */
export interface WidgetCitation {
  id: string;
  title: string;
  docNumber: string;
  label: string;
  date: string;
  text: string;
  quote?: string;
  /** `（扫描件识别，请核对原文）` when the passage was read from a scan that OCR was unsure of. */
  ocrNote?: string;
}

export interface WidgetAnswer {
  answerId: string;
  question: string;
  answer: string;
  abstained: boolean;
  citations: WidgetCitation[];
  /** `extractive`, `llm`, …; sent back with feedback so a reviewer knows which composer answered. */
  mode?: string;
  /** `low`: the documents do not answer directly; the quote is only possibly relevant. */
  confidence?: 'high' | 'low';
  /** What was asked and the documents do not give (a figure, a date, a responsible body, a method, a place). */
  missing?: AnswerSlot;
  /** The question actually searched when a follow-up was read with the conversation's topic. */
  rewrittenQuestion?: string;
  /** Closest passages when abstaining (not evidence); offered in the 👎 form. */
  nearest?: WidgetCitation[];
  retrievedIds?: string[];
}

interface WidgetPoint {
  id: string;
  label: string;
  text: string;
}

/** What `GET /api/passages/:id` returns, as far as the widget reads it. */
export interface WidgetPassage {
  passage: WidgetPoint;
  document: { title: string; docNumber?: string; date?: string };
  neighbours?: { before: WidgetPoint[]; after: WidgetPoint[] };
}

export interface WidgetTurn {
  question: string;
  answer: string;
  citations: Array<{ id: string }>;
}

export interface WidgetOptions {
  endpoint: string;
  title: string;
  apiKey?: string;
}
