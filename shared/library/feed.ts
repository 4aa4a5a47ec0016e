/**
 * The library feed, version 1 (docs/LIBRARY-FEED.md): what `GET /library/feed.json` publishes, what
 * `GET /api/library/export` bundles and what `POST /api/library/import` and subscriptions read. Reading is strict
 * about shapes and sizes and lenient about what it does not know (unknown fields are ignored).
 */
import type { PmNode } from '../report/content.ts';
import { checkContent, contentText } from './content.ts';
import {
  ADOPTION_STATUSES,
  isAdoptionStatus,
  LIBRARY_LIMITS,
  type AdoptionRecord,
  type LibraryEntry,
  type LibraryKind,
  type LibraryLevel,
  type LibraryOrigin,
} from './entry.ts';
import { validateAdoption, validateNewEntry } from './validate.ts';

export const FEED_FORMAT = 'rightsdraft-library-feed';
export const FEED_VERSION = 1;

export interface FeedAdoption {
  id: string;
  place: string;
  body: string;
  date: string;
  status: AdoptionRecord['status'];
  link: string | null;
  followUp: string;
}

export interface FeedEntry {
  id: string;
  kind: LibraryKind;
  title: string;
  content: PmNode;
  text: string;
  level: LibraryLevel;
  tags: string[];
  language: string;
  source: string;
  licence: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Where it was first written when not on the publishing instance. */
  origin: LibraryOrigin | null;
  adoptions: FeedAdoption[];
}

export interface LibraryFeed {
  format: typeof FEED_FORMAT;
  version: typeof FEED_VERSION;
  /** The publishing instance's public URL (PUBLIC_URL). */
  instance: string;
  /** The newest change among the entries, or when one was last withdrawn. */
  updatedAt: string;
  entries: FeedEntry[];
}

export function toFeedEntry(e: LibraryEntry): FeedEntry {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    content: e.content,
    text: e.text,
    level: e.level,
    tags: e.tags,
    language: e.language,
    source: e.source,
    licence: e.licence,
    version: e.version,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    origin: e.origin,
    adoptions: e.adoptions.map(({ id, place, body, date, status, link, followUp }) => ({ id, place, body, date, status, link, followUp })),
  };
}

export function buildFeed(instance: string, entries: readonly LibraryEntry[], updatedAt: string): LibraryFeed {
  return { format: FEED_FORMAT, version: FEED_VERSION, instance, updatedAt, entries: entries.map(toFeedEntry) };
}

export type FeedRead = { ok: true; feed: LibraryFeed } | { ok: false; message: string };

const ID = /^[A-Za-z0-9_-]{1,100}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readOrigin(raw: unknown): LibraryOrigin | null {
  if (!isObject(raw)) return null;
  const { instance, entryId, version } = raw;
  if (typeof instance !== 'string' || !/^https?:\/\//.test(instance) || instance.length > 500) return null;
  if (typeof entryId !== 'string' || !ID.test(entryId) || typeof version !== 'number' || !Number.isInteger(version) || version < 1) return null;
  return { instance, entryId, version };
}

function readEntry(raw: unknown, index: number): FeedEntry | string {
  if (!isObject(raw)) return `entry ${index} is not an object`;
  if (typeof raw.id !== 'string' || !ID.test(raw.id)) return `entry ${index} has no valid id`;
  // The same rules as a new entry written here (tags the taxonomy knows, links allowed by the policy).
  const checked = validateNewEntry({ ...raw, visibility: 'instance', coalitionId: null, text: undefined, content: raw.content });
  if (!checked.ok) return `entry ${index}: ${checked.problems[0]!.message}`;
  const content = checkContent(raw.content);
  if (!content.ok) return `entry ${index}: ${content.message}`;
  const version = raw.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return `entry ${index} has no valid version`;
  if (typeof raw.updatedAt !== 'string' || !ISO.test(raw.updatedAt)) return `entry ${index} has no valid updatedAt`;
  const createdAt = typeof raw.createdAt === 'string' && ISO.test(raw.createdAt) ? raw.createdAt : raw.updatedAt;
  const adoptionsRaw = raw.adoptions ?? [];
  if (!Array.isArray(adoptionsRaw) || adoptionsRaw.length > LIBRARY_LIMITS.adoptionsPerEntry) return `entry ${index} has too many adoption records`;
  const adoptions: FeedAdoption[] = [];
  for (const a of adoptionsRaw) {
    const adoption = validateAdoption(a);
    if (!adoption.ok || !isObject(a) || typeof a.id !== 'string' || !ID.test(a.id) || !isAdoptionStatus(a.status)) {
      return `entry ${index} has an invalid adoption record (status one of ${ADOPTION_STATUSES.join(', ')})`;
    }
    adoptions.push({ id: a.id, ...adoption.value });
  }
  const v = checked.value;
  return {
    id: raw.id,
    kind: v.kind,
    title: v.title,
    content: content.content,
    text: contentText(content.content),
    level: v.level,
    tags: v.tags,
    language: v.language,
    source: v.source,
    licence: v.licence,
    version,
    createdAt,
    updatedAt: raw.updatedAt,
    origin: readOrigin(raw.origin),
    adoptions,
  };
}

/** A feed or bundle as received, checked entry by entry; the first problem refuses the whole. */
export function readFeed(raw: unknown): FeedRead {
  if (!isObject(raw) || raw.format !== FEED_FORMAT) return { ok: false, message: `not a library feed (format must be "${FEED_FORMAT}")` };
  if (raw.version !== FEED_VERSION) return { ok: false, message: `feed version ${String(raw.version)} is not one this server reads (${FEED_VERSION})` };
  if (typeof raw.instance !== 'string' || !/^https?:\/\/\S+$/.test(raw.instance) || raw.instance.length > 500) return { ok: false, message: 'the feed does not name its instance' };
  if (!Array.isArray(raw.entries)) return { ok: false, message: 'the feed has no entries list' };
  if (raw.entries.length > LIBRARY_LIMITS.entriesPerBundle) return { ok: false, message: `the feed has more than ${LIBRARY_LIMITS.entriesPerBundle} entries` };
  const entries: FeedEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < raw.entries.length; i++) {
    const e = readEntry(raw.entries[i], i);
    if (typeof e === 'string') return { ok: false, message: e };
    if (seen.has(e.id)) return { ok: false, message: `entry ${i} repeats the id ${e.id}` };
    seen.add(e.id);
    entries.push(e);
  }
  const updatedAt = typeof raw.updatedAt === 'string' && ISO.test(raw.updatedAt) ? raw.updatedAt : new Date(0).toISOString();
  return { ok: true, feed: { format: FEED_FORMAT, version: FEED_VERSION, instance: raw.instance.replace(/\/+$/, ''), updatedAt, entries } };
}

/** Where a feed entry came from: its own origin if it was taken from elsewhere, else the publishing instance. */
export function originOf(feed: LibraryFeed, e: FeedEntry): LibraryOrigin {
  return e.origin ?? { instance: feed.instance, entryId: e.id, version: e.version };
}
