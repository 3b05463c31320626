/** The folder under DATA_DIR that `report:gaps` writes by default and `GET /admin/gaps` serves from. */
export const GAPS_FOLDER = 'gaps';

/** What `report:gaps` writes as gaps.json, and what the HTML, the CSV and the Slack digest are drawn from. */
export interface GapReport {
  generatedAt: string;
  /** The period reported, [since, until), and the previous one of the same length (for trends). */
  period: { since: string; until: string; previousSince: string };
  /**
   * How the questions were grouped: by meaning with the local embedding model (`report:gaps`), or
   * by the passage retrieval found nearest to each (the Worker's weekly digest: no local model there).
   */
  groupedBy: 'meaning' | 'nearest-point';
  /** Cosine threshold the questions were grouped with (src/insights/data/gap-grouping.json); null when grouped by nearest point. */
  threshold: number | null;
  /** What matters most this period, in three sentences. */
  summary: string[];
  totals: { questions: number; high: number; low: number; declined: number; down: number };
  /** Questions per week by tier (weeks start on Monday, UTC). */
  weekly: Array<{ weekStart: string; high: number; low: number; declined: number }>;
  /** Declined, low-confidence and 👎 questions grouped (by topic, or by nearest point), largest first. */
  groups: GapGroup[];
  /** Per document, the points that answered most (keep them current). */
  mostAsked: Array<{ docId: string; title: string; owner: string; answered: number; points: Array<{ passageId: string; count: number }> }>;
  /** Documents no question in the period cited or came near. */
  unasked: Array<{ docId: string; title: string; owner: string }>;
}

export interface GapGroup {
  /** Questions in the group this period (repeats counted). */
  size: number;
  /** The same topic's questions in the previous period. */
  previousSize: number;
  trend: 'new' | 'up' | 'down' | 'same';
  /** Three representative questions (nearest the group's centre, distinct). */
  questions: string[];
  /** Every distinct question of the group this period (what eval candidates are made from). */
  allQuestions: string[];
  tiers: { low: number; declined: number; down: number };
  /** What the answers said was missing, when they did. */
  missing: Record<string, number>;
  /** The passage staff were probably looking for: the one retrieval most often found nearest. */
  nearest: { passageId: string; docId: string; title: string; docNumber: string } | null;
  /** The nearest document's issuing body. */
  owner: string | null;
  firstSeen: string;
  lastSeen: string;
}
