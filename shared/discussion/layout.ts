/**
 * THE layout of a report's discussion document (`<reportId>/discussion`): comment threads and suggested
 * changes. Reviewers may write this document but not the content one, which is how the server enforces
 * roles without reading updates. Everything else goes through these functions.
 *
 * ```
 * Y.Map "threads"      <threadId> -> Y.Map
 *                         sectionId, start, end (encoded relative positions into the section body), quote,
 *                         authorId, authorName, createdAt, status: 'open' | 'resolved', resolvedBy, resolvedAt,
 *                         comments: Y.Array<Y.Map { id, authorId, authorName, body, mentions: string[],
 *                                                   createdAt, editedAt, deleted }>
 * Y.Map "suggestions"  <suggestionId> -> Y.Map
 *                         sectionId, start, end, originalText, insertText, authorId, authorName, createdAt,
 *                         status: 'open' | 'accepted' | 'rejected', decidedBy, decidedAt,
 *                         kind, block, mark, markAction, href (only on changes beyond the text: structure.ts)
 * ```
 * A text suggestion (no `kind`) is an insertion (empty range, insertText), a deletion (range, no insertText) or a
 * replacement. The other kinds (a new or deleted paragraph, list item or table row, a footnote, formatting) are
 * described in structure.ts, which also applies them.
 */
import * as Y from 'yjs';
import { newUuid } from '../api/uuid.ts';
import type { Anchor } from './anchors.ts';
import type { DiscussionData } from './changeRules.ts';
import { readChange, writeChange, type SuggestionChange } from './structure.ts';

export interface Author {
  id: string;
  name: string;
}

export interface CommentInfo {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export type ThreadStatus = 'open' | 'resolved';

export interface ThreadInfo {
  id: string;
  sectionId: string;
  anchor: Anchor;
  quote: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  status: ThreadStatus;
  resolvedBy: string | null;
  resolvedAt: string | null;
  comments: CommentInfo[];
}

export type SuggestionStatus = 'open' | 'accepted' | 'rejected';

export interface SuggestionInfo {
  id: string;
  sectionId: string;
  anchor: Anchor;
  originalText: string;
  insertText: string;
  authorId: string;
  authorName: string;
  createdAt: string;
  status: SuggestionStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  /** What the suggestion changes: the text (most), or structure or formatting (structure.ts). */
  change: SuggestionChange;
}

type YMapAny = Y.Map<unknown>;

function threadsMap(doc: Y.Doc): Y.Map<YMapAny> {
  return doc.getMap('threads') as Y.Map<YMapAny>;
}

function suggestionsMap(doc: Y.Doc): Y.Map<YMapAny> {
  return doc.getMap('suggestions') as Y.Map<YMapAny>;
}

const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const bytes = (v: unknown): Uint8Array => (v instanceof Uint8Array ? v : new Uint8Array());

function readComment(m: YMapAny): CommentInfo {
  const mentions = m.get('mentions');
  return {
    id: str(m.get('id')),
    authorId: str(m.get('authorId')),
    authorName: str(m.get('authorName')),
    body: str(m.get('body')),
    mentions: Array.isArray(mentions) ? mentions.filter((x): x is string => typeof x === 'string') : [],
    createdAt: str(m.get('createdAt')),
    editedAt: strOrNull(m.get('editedAt')),
    deleted: m.get('deleted') === true,
  };
}

function readThread(id: string, m: YMapAny): ThreadInfo {
  const comments = m.get('comments');
  return {
    id,
    sectionId: str(m.get('sectionId')),
    anchor: { start: bytes(m.get('start')), end: bytes(m.get('end')) },
    quote: str(m.get('quote')),
    authorId: str(m.get('authorId')),
    authorName: str(m.get('authorName')),
    createdAt: str(m.get('createdAt')),
    status: m.get('status') === 'resolved' ? 'resolved' : 'open',
    resolvedBy: strOrNull(m.get('resolvedBy')),
    resolvedAt: strOrNull(m.get('resolvedAt')),
    comments: comments instanceof Y.Array ? comments.toArray().filter((c): c is YMapAny => c instanceof Y.Map).map(readComment) : [],
  };
}

function newComment(author: Author, body: string, mentions: string[]): YMapAny {
  const c: YMapAny = new Y.Map();
  c.set('id', newUuid());
  c.set('authorId', author.id);
  c.set('authorName', author.name);
  c.set('body', body);
  c.set('mentions', mentions);
  c.set('createdAt', new Date().toISOString());
  c.set('deleted', false);
  return c;
}

export interface NewThread {
  sectionId: string;
  anchor: Anchor;
  quote: string;
  body: string;
  mentions?: string[];
}

export function createThread(doc: Y.Doc, author: Author, t: NewThread, origin?: unknown): string {
  const id = newUuid();
  doc.transact(() => {
    const m: YMapAny = new Y.Map();
    m.set('sectionId', t.sectionId);
    m.set('start', t.anchor.start);
    m.set('end', t.anchor.end);
    m.set('quote', t.quote);
    m.set('authorId', author.id);
    m.set('authorName', author.name);
    m.set('createdAt', new Date().toISOString());
    m.set('status', 'open');
    const comments = new Y.Array<YMapAny>();
    comments.push([newComment(author, t.body, t.mentions ?? [])]);
    m.set('comments', comments);
    threadsMap(doc).set(id, m);
  }, origin);
  return id;
}

function threadMap(doc: Y.Doc, threadId: string): YMapAny | null {
  const m = threadsMap(doc).get(threadId);
  return m instanceof Y.Map ? m : null;
}

export function reply(doc: Y.Doc, threadId: string, author: Author, body: string, mentions: string[] = [], origin?: unknown): string | null {
  const m = threadMap(doc, threadId);
  const comments = m?.get('comments');
  if (!(comments instanceof Y.Array)) return null;
  const c = newComment(author, body, mentions);
  doc.transact(() => comments.push([c]), origin);
  return str(c.get('id'));
}

function commentMap(doc: Y.Doc, threadId: string, commentId: string): YMapAny | null {
  const comments = threadMap(doc, threadId)?.get('comments');
  if (!(comments instanceof Y.Array)) return null;
  return (comments.toArray() as unknown[]).find((c): c is YMapAny => c instanceof Y.Map && c.get('id') === commentId) ?? null;
}

/** Edit one's own comment; returns false for someone else's (the UI hides the action; this is a second guard). */
export function editComment(doc: Y.Doc, threadId: string, commentId: string, by: Author, body: string, mentions: string[] = [], origin?: unknown): boolean {
  const c = commentMap(doc, threadId, commentId);
  if (!c || c.get('authorId') !== by.id || c.get('deleted') === true) return false;
  doc.transact(() => {
    c.set('body', body);
    c.set('mentions', mentions);
    c.set('editedAt', new Date().toISOString());
  }, origin);
  return true;
}

/** Delete one's own comment: its text goes, a marker stays so the replies still read in order. */
export function deleteComment(doc: Y.Doc, threadId: string, commentId: string, by: Author, origin?: unknown): boolean {
  const c = commentMap(doc, threadId, commentId);
  if (!c || c.get('authorId') !== by.id) return false;
  doc.transact(() => {
    c.set('body', '');
    c.set('mentions', []);
    c.set('deleted', true);
  }, origin);
  return true;
}

export function setThreadStatus(doc: Y.Doc, threadId: string, status: ThreadStatus, by: Author, origin?: unknown): void {
  const m = threadMap(doc, threadId);
  if (!m) return;
  doc.transact(() => {
    m.set('status', status);
    m.set('resolvedBy', status === 'resolved' ? by.id : null);
    m.set('resolvedAt', status === 'resolved' ? new Date().toISOString() : null);
  }, origin);
}

/** The fields each part of the discussion has, as this module writes them; a new part with any other is refused. */
export const THREAD_FIELDS: ReadonlySet<string> = new Set([
  'sectionId', 'start', 'end', 'quote', 'authorId', 'authorName', 'createdAt', 'status', 'resolvedBy', 'resolvedAt', 'comments',
]);
export const COMMENT_FIELDS: ReadonlySet<string> = new Set(['id', 'authorId', 'authorName', 'body', 'mentions', 'createdAt', 'editedAt', 'deleted']);
export const SUGGESTION_FIELDS: ReadonlySet<string> = new Set([
  'sectionId', 'start', 'end', 'originalText', 'insertText', 'authorId', 'authorName', 'createdAt', 'status', 'decidedBy', 'decidedAt',
  'kind', 'block', 'mark', 'markAction', 'href',
]);

/** The whole discussion as plain data, for the server's check of who changed what (see changeRules.ts). */
export function discussionData(doc: Y.Doc): DiscussionData {
  return discussionDataOf(doc, { threads: new Set(threadsMap(doc).keys()), suggestions: new Set(suggestionsMap(doc).keys()) });
}

/**
 * Make `doc`'s two maps Y.Maps now. A document filled from an update holds them as plain shared types until they
 * are first read, and reading them then swaps in new objects: a transaction applied before that would name types
 * that `touchedBy` no longer recognises. Call this on a copy before applying changes to it.
 */
export function openDiscussion(doc: Y.Doc): void {
  threadsMap(doc);
  suggestionsMap(doc);
}

/** Thread and suggestion ids, e.g. those a transaction touched. */
export interface DiscussionKeys {
  threads: Set<string>;
  suggestions: Set<string>;
}

/** Which Yjs item holds a part of the discussion ("client:clock"): a part replaced by a copy gets a new one. */
const itemId = (type: { _item: Y.Item | null }): string => (type._item ? `${type._item.id.client}:${type._item.id.clock}` : '');

/**
 * Only the given threads and suggestions as plain data (those absent are left out, as deleted ones are), read
 * as the rest of this module reads them: a thread or suggestion is a Y.Map and a comment a Y.Map in the thread's
 * Y.Array, anything else is not shown and is left out here too. `items` names the Yjs item of each part (the
 * thread, its comment list, each comment by id, the suggestion), so that a part replaced by a copy under the same
 * id (a later `set` of the same key, or a comment deleted and inserted again) is told apart from an edit.
 */
export function discussionDataOf(doc: Y.Doc, keys: DiscussionKeys): DiscussionData {
  const items: Record<string, string[]> = {};
  const threads: DiscussionData['threads'] = {};
  for (const id of keys.threads) {
    const thread = threadsMap(doc).get(id);
    if (!(thread instanceof Y.Map)) continue;
    const data: Record<string, unknown> = {};
    thread.forEach((value, key) => {
      if (key !== 'comments') data[key] = value instanceof Y.AbstractType ? value.toJSON() : value;
    });
    items[`threads/${id}`] = [itemId(thread)];
    const list = thread.get('comments');
    const comments: Record<string, unknown>[] = [];
    if (list instanceof Y.Array) {
      items[`threads/${id}/comments`] = [itemId(list)];
      for (const c of list.toArray() as unknown[]) {
        if (!(c instanceof Y.Map)) continue;
        const comment = c.toJSON() as Record<string, unknown>;
        comments.push(comment);
        (items[`threads/${id}/comments/${String(comment.id)}`] ??= []).push(itemId(c));
      }
    }
    data.comments = comments;
    threads[id] = data;
  }
  const suggestions: DiscussionData['suggestions'] = {};
  for (const id of keys.suggestions) {
    const suggestion = suggestionsMap(doc).get(id);
    if (!(suggestion instanceof Y.Map)) continue;
    suggestions[id] = suggestion.toJSON() as Record<string, unknown>;
    items[`suggestions/${id}`] = [itemId(suggestion)];
  }
  return { threads, suggestions, items };
}

/**
 * The threads and suggestions a transaction on `doc` changed, added or removed (at any depth inside them), and
 * whether it wrote anywhere else: another root type, or list content in the two maps. Nothing reads such data,
 * so a client has no reason to write it (the server refuses it rather than store it for ever).
 */
export function touchedBy(doc: Y.Doc, transaction: Y.Transaction): DiscussionKeys & { elsewhere: boolean } {
  type AnyType = Y.AbstractType<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const threads = new Set<string>();
  const suggestions = new Set<string>();
  let elsewhere = false;
  const roots = new Map<AnyType, Set<string>>([
    [threadsMap(doc), threads],
    [suggestionsMap(doc), suggestions],
  ]);
  for (const [type, keys] of transaction.changed) {
    const direct = roots.get(type);
    if (direct) {
      for (const key of keys) {
        if (key !== null) direct.add(key);
        else elsewhere = true;
      }
      continue;
    }
    // Walk up from a nested type (a comment in a thread's comment list) to the thread or suggestion holding it.
    let item = type._item;
    while (item && !roots.has(item.parent as AnyType)) item = (item.parent as AnyType)._item;
    if (item?.parentSub) roots.get(item.parent as AnyType)!.add(item.parentSub);
    else elsewhere = true;
  }
  return { threads, suggestions, elsewhere };
}

export function listThreads(doc: Y.Doc): ThreadInfo[] {
  const out: ThreadInfo[] = [];
  threadsMap(doc).forEach((m, id) => {
    if (m instanceof Y.Map) out.push(readThread(id, m));
  });
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

/** Open threads in which `userId` is mentioned and has not replied since: the "needs my attention" list. */
export function threadsNeedingAttention(doc: Y.Doc, userId: string): ThreadInfo[] {
  return listThreads(doc).filter((t) => {
    if (t.status !== 'open') return false;
    const lastMention = t.comments.map((c, i) => (!c.deleted && c.mentions.includes(userId) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    if (lastMention < 0) return false;
    return !t.comments.slice(lastMention + 1).some((c) => c.authorId === userId);
  });
}

export interface NewSuggestion {
  sectionId: string;
  anchor: Anchor;
  originalText: string;
  insertText: string;
  /** Absent for a change of the text. */
  change?: SuggestionChange;
}

export function createSuggestion(doc: Y.Doc, author: Author, s: NewSuggestion, origin?: unknown): string {
  const id = newUuid();
  doc.transact(() => {
    const m: YMapAny = new Y.Map();
    m.set('sectionId', s.sectionId);
    m.set('start', s.anchor.start);
    m.set('end', s.anchor.end);
    m.set('originalText', s.originalText);
    m.set('insertText', s.insertText);
    m.set('authorId', author.id);
    m.set('authorName', author.name);
    m.set('createdAt', new Date().toISOString());
    m.set('status', 'open');
    if (s.change) writeChange(m, s.change);
    suggestionsMap(doc).set(id, m);
  }, origin);
  return id;
}

function readSuggestion(id: string, m: YMapAny): SuggestionInfo {
  const status = m.get('status');
  return {
    id,
    sectionId: str(m.get('sectionId')),
    anchor: { start: bytes(m.get('start')), end: bytes(m.get('end')) },
    originalText: str(m.get('originalText')),
    insertText: str(m.get('insertText')),
    authorId: str(m.get('authorId')),
    authorName: str(m.get('authorName')),
    createdAt: str(m.get('createdAt')),
    status: status === 'accepted' || status === 'rejected' ? status : 'open',
    decidedBy: strOrNull(m.get('decidedBy')),
    decidedAt: strOrNull(m.get('decidedAt')),
    change: readChange(m),
  };
}

export function listSuggestions(doc: Y.Doc): SuggestionInfo[] {
  const out: SuggestionInfo[] = [];
  suggestionsMap(doc).forEach((m, id) => {
    if (m instanceof Y.Map) out.push(readSuggestion(id, m));
  });
  return out.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

export function getSuggestion(doc: Y.Doc, id: string): SuggestionInfo | null {
  const m = suggestionsMap(doc).get(id);
  return m instanceof Y.Map ? readSuggestion(id, m) : null;
}

/**
 * Change one's own open suggestion: suggesting mode grows it as the person types. Returns false for someone
 * else's or a decided one.
 */
export function reviseSuggestion(
  doc: Y.Doc,
  id: string,
  by: Author,
  s: Pick<NewSuggestion, 'anchor' | 'originalText' | 'insertText'>,
  origin?: unknown,
): boolean {
  const m = suggestionsMap(doc).get(id);
  if (!(m instanceof Y.Map) || m.get('authorId') !== by.id || m.get('status') !== 'open') return false;
  doc.transact(() => {
    m.set('start', s.anchor.start);
    m.set('end', s.anchor.end);
    m.set('originalText', s.originalText);
    m.set('insertText', s.insertText);
  }, origin);
  return true;
}

/** Take back one's own open suggestion (its author typed it and erased it again): it is removed. */
export function withdrawSuggestion(doc: Y.Doc, id: string, by: Author, origin?: unknown): boolean {
  const m = suggestionsMap(doc).get(id);
  if (!(m instanceof Y.Map) || m.get('authorId') !== by.id || m.get('status') !== 'open') return false;
  doc.transact(() => suggestionsMap(doc).delete(id), origin);
  return true;
}

export function decideSuggestion(doc: Y.Doc, id: string, status: 'accepted' | 'rejected', by: Author, origin?: unknown): void {
  const m = suggestionsMap(doc).get(id);
  if (!(m instanceof Y.Map)) return;
  doc.transact(() => {
    m.set('status', status);
    m.set('decidedBy', by.id);
    m.set('decidedAt', new Date().toISOString());
  }, origin);
}

/** Open a decided suggestion again (undoing "Accept all"): the decision's fields only, under the same person. */
export function reopenSuggestion(doc: Y.Doc, id: string, by: Author, origin?: unknown): void {
  const m = suggestionsMap(doc).get(id);
  if (!(m instanceof Y.Map)) return;
  doc.transact(() => {
    m.set('status', 'open');
    m.set('decidedBy', by.id);
    m.set('decidedAt', new Date().toISOString());
  }, origin);
}
