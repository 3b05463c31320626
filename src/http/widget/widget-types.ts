/** The parts of the service's Answer JSON the widget reads. */
export interface WidgetCitation {
  id: string;
  title: string;
  docNumber: string;
  label: string;
  date: string;
  text: string;
  quote?: string;
}

export interface WidgetAnswer {
  answerId: string;
  question: string;
  answer: string;
  abstained: boolean;
  citations: WidgetCitation[];
  /** Closest passages when abstaining (not evidence); offered in the 👎 form. */
  nearest?: WidgetCitation[];
  retrievedIds?: string[];
}

/** What `GET /api/passages/:id` returns, as far as the widget reads it. */
export interface WidgetPassage {
  passage: { id: string; label: string };
  document: { title: string };
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
