/**
 * The follow-up tracker's words and shapes: recommendations addressed to a State (concluding observations of a
 * treaty body, UPR recommendations), each with a dated log of evidence and status, per place when several cities
 * track the same recommendation.
 */

export const FOLLOW_UP_STATUSES = ['no action', 'in progress', 'partly implemented', 'implemented', 'regressed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export function isFollowUpStatus(value: unknown): value is FollowUpStatus {
  return typeof value === 'string' && (FOLLOW_UP_STATUSES as readonly string[]).includes(value);
}

/** The place a log entry speaks for when nobody names one: the State as a whole. */
export const WHOLE_STATE = '';

export const FOLLOW_UP_LIMITS = {
  items: 500,
  itemsPerImport: 300,
  textChars: 8000,
  topicChars: 200,
  symbolChars: 100,
  paragraphChars: 40,
  stateChars: 100,
  placeChars: 100,
  noteChars: 4000,
  urlChars: 2000,
  logEntriesPerItem: 1000,
  pasteChars: 200_000,
} as const;

export interface FollowUpLogEntry {
  id: string;
  itemId: string;
  /** A city, county or region; '' for the State as a whole. */
  place: string;
  status: FollowUpStatus;
  /** What was found: the evidence, in the writer's words. */
  note: string;
  evidenceUrl: string | null;
  /** The day the evidence is from (YYYY-MM-DD). */
  observedOn: string;
  authorId: string;
  authorName: string;
  createdAt: string;
}

export interface FollowUpItem {
  id: string;
  /** The coalition that tracks it (its members read it), or null for one person's own tracker. */
  coalitionId: string | null;
  ownerUserId: string;
  /** The State the recommendation is addressed to. */
  state: string;
  /** CERD, CEDAW, UPR, ... */
  mechanism: string;
  /** CERD/C/USA/CO/10-12, A/HRC/46/15 */
  documentSymbol: string;
  /** "21" for a treaty body's paragraph, "26.45" for a UPR recommendation. */
  paragraph: string;
  /** The heading it came under ("Racial profiling"), or ''. */
  topic: string;
  text: string;
  /** The date by which the committee asked for information on it (YYYY-MM-DD), or null. */
  followUpDue: string | null;
  createdByName: string;
  createdAt: string;
}

export interface FollowUpItemWithLog extends FollowUpItem {
  log: FollowUpLogEntry[];
}

/** "CERD/C/USA/CO/10-12 para 21" (a UPR recommendation: "A/HRC/46/15 rec. 26.45"). */
export function paragraphSymbol(item: Pick<FollowUpItem, 'documentSymbol' | 'paragraph'>): string {
  const kind = /\d+\.\d+/.test(item.paragraph) ? 'rec.' : 'para';
  return item.documentSymbol ? `${item.documentSymbol} ${kind} ${item.paragraph}` : `${kind} ${item.paragraph}`;
}

/** The latest status per place (by the day observed, then by when it was written). */
export function statusByPlace(log: FollowUpLogEntry[]): Map<string, FollowUpLogEntry> {
  const latest = new Map<string, FollowUpLogEntry>();
  for (const entry of log) {
    const seen = latest.get(entry.place);
    if (!seen || entry.observedOn > seen.observedOn || (entry.observedOn === seen.observedOn && entry.createdAt > seen.createdAt)) {
      latest.set(entry.place, entry);
    }
  }
  return latest;
}

/** By State, document and paragraph in reading order (21 before 105, 26.2 before 26.10), then as stored. */
export function compareItems(a: FollowUpItem, b: FollowUpItem): number {
  const x = [a.state, a.documentSymbol, a.paragraph];
  const y = [b.state, b.documentSymbol, b.paragraph];
  for (let k = 0; k < x.length; k++) {
    const c = x[k]!.localeCompare(y[k]!, 'en', { numeric: true });
    if (c !== 0) return c;
  }
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}
