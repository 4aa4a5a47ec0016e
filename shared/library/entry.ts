/**
 * The library's records as the API, the feed and the browser see them: model texts (resolutions, ordinances,
 * recommendations, policies and practices, proclamations) with their adoption records. Storage keeps the same
 * fields; the feed (docs/LIBRARY-FEED.md) carries the published ones between instances.
 */
import type { PmNode } from '../report/content.ts';

export const LIBRARY_KINDS = ['model-resolution', 'ordinance', 'recommendation', 'policy-practice', 'proclamation'] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

export const LIBRARY_LEVELS = ['city', 'county', 'state-province', 'national'] as const;
export type LibraryLevel = (typeof LIBRARY_LEVELS)[number];

/** `coalition`: its members only; `instance`: everyone signed in here; `published`: anyone, `/library` and the feed. */
export const LIBRARY_VISIBILITIES = ['coalition', 'instance', 'published'] as const;
export type LibraryVisibility = (typeof LIBRARY_VISIBILITIES)[number];

export const ADOPTION_STATUSES = ['proposed', 'adopted', 'implemented', 'repealed'] as const;
export type AdoptionStatus = (typeof ADOPTION_STATUSES)[number];

/** What a coalition writes is shared under this licence unless it says otherwise. */
export const DEFAULT_LICENCE = 'CC BY 4.0';

export const LIBRARY_LIMITS = {
  titleChars: 300,
  /** Plain text of an entry (also the text content is derived into). */
  textChars: 100_000,
  /** The ProseMirror JSON of an entry, serialised. */
  contentBytes: 300_000,
  contentDepth: 12,
  tags: 40,
  languageChars: 35,
  sourceChars: 1000,
  licenceChars: 200,
  adoptionsPerEntry: 200,
  placeChars: 200,
  bodyChars: 200,
  followUpChars: 20_000,
  linkChars: 2000,
  /** Entries one instance holds (its own, imported and subscribed): creating more is refused. */
  entriesPerInstance: 10_000,
  /** Entries one import or one feed may bring. */
  entriesPerBundle: 2000,
  subscriptions: 50,
  /** Search answers. */
  results: 100,
  /** Ids one export may ask for. */
  exportIds: 500,
} as const;

export interface AdoptionRecord {
  id: string;
  place: string;
  /** Who decided it: a city council, a county board, a parliament. */
  body: string;
  /** YYYY-MM-DD. */
  date: string;
  status: AdoptionStatus;
  /** A reference link (http, https or mailto, shared/schema/linkPolicy.ts), or null. */
  link: string | null;
  /** The follow-up policies and practices that came of it. */
  followUp: string;
  recordedAt: string;
}

/** Where an entry came from when another instance wrote it (imported or subscribed). */
export interface LibraryOrigin {
  /** The other instance's public URL as its feed states it. */
  instance: string;
  /** The entry's id there. */
  entryId: string;
  /** The entry's version there when it was last taken. */
  version: number;
}

export interface LibraryEntry {
  id: string;
  kind: LibraryKind;
  title: string;
  /** The text as a ProseMirror document (paragraphs, headings, lists, quotes, bold, italic, links). */
  content: PmNode;
  /** The same as plain text (for search, feeds and readers without an editor). */
  text: string;
  level: LibraryLevel;
  tags: string[];
  /** A BCP 47 tag such as "en" or "es-419". */
  language: string;
  source: string;
  licence: string;
  visibility: LibraryVisibility;
  coalitionId: string | null;
  /** 1 when written, one more at every change of its text or description. */
  version: number;
  writer: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  origin: LibraryOrigin | null;
  /** Kept from a subscription: read-only here, replaced at every poll. */
  subscriptionId: string | null;
  adoptions: AdoptionRecord[];
}

/** What GET /api/library/entries/:id adds for the reader. */
export interface LibraryEntryView extends LibraryEntry {
  /** Whether the reader may change it. */
  canEdit: boolean;
  /** Reports that used it, those the reader may open. */
  usedIn: { reportId: string; title: string; version: number }[];
}

export interface LibrarySearchHit {
  entry: LibraryEntry;
  score: number;
}

export interface LibrarySubscription {
  id: string;
  url: string;
  createdBy: string;
  createdAt: string;
  /** The instance the feed says it comes from, once read. */
  instance: string | null;
  lastPolledAt: string | null;
  lastError: string | null;
  entries: number;
}

export function isLibraryKind(v: unknown): v is LibraryKind {
  return typeof v === 'string' && (LIBRARY_KINDS as readonly string[]).includes(v);
}
export function isLibraryLevel(v: unknown): v is LibraryLevel {
  return typeof v === 'string' && (LIBRARY_LEVELS as readonly string[]).includes(v);
}
export function isLibraryVisibility(v: unknown): v is LibraryVisibility {
  return typeof v === 'string' && (LIBRARY_VISIBILITIES as readonly string[]).includes(v);
}
export function isAdoptionStatus(v: unknown): v is AdoptionStatus {
  return typeof v === 'string' && (ADOPTION_STATUSES as readonly string[]).includes(v);
}
