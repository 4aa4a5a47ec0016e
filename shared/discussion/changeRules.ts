/**
 * Who may change what in a report's discussion document. Reviewers and editors write this document, so the
 * role check alone would let anyone with a role rewrite or erase another person's comment, put words under
 * someone else's name, or (as a reviewer) accept a suggestion. The server applies each incoming change to a
 * copy first and checks what it changed against these rules; a change that breaks one is refused whole.
 *
 * - Threads: a new one carries its writer's id and account name, as does its first comment. Only `status`, `resolvedBy`,
 *   `resolvedAt` change afterwards (any writer may resolve or reopen; `resolvedBy` is the one resolving), and
 *   comments are only added. Only owners remove a thread or a comment.
 * - Comments: a new one carries its writer's id; body, mentions, edit time and the deleted mark change only by
 *   their author (owners may delete one, to moderate).
 * - Suggestions: a new one is open and carries its writer's id; its author revises or withdraws it while open;
 *   editors and owners accept or reject (decidedBy is the one deciding). One of a kind beyond the text
 *   (structure.ts) must be one that module writes: a known kind, block and mark, a safe link, no stray fields;
 *   its kind and those fields never change.
 * - Identity: every field that names a person (authorId, authorName, resolvedBy, decidedBy) names the writer
 *   when it is set, and never changes otherwise. A comment id is held by one comment: a comment under an id that
 *   exists already (inserted before or after it, or in its place) is refused, as is a thread, comment list,
 *   comment or suggestion replaced by a copy under the same id (what a later `set` of the same map key does).
 *   A new thread, comment or suggestion has only the fields the layout writes.
 */
import type { Role } from '../api/roles.ts';
import { atLeast } from '../api/roles.ts';
import { COMMENT_FIELDS, SUGGESTION_FIELDS, THREAD_FIELDS } from './layout.ts';
import { refuseSuggestionShape } from './structure.ts';

/** The discussion as plain data, as `discussionDataOf` in layout.ts reads it. */
export interface DiscussionData {
  threads: Record<string, Record<string, unknown>>;
  suggestions: Record<string, Record<string, unknown>>;
  /**
   * The Yjs items holding each part ("threads/<id>", "threads/<id>/comments", "threads/<id>/comments/<commentId>",
   * "suggestions/<id>"); when both sides have them, a part held by an item it was not held by before was replaced.
   */
  items?: Record<string, string[]>;
}

export interface DiscussionActor {
  id: string;
  role: Role;
  /** The account's name: new threads, comments and suggestions must carry it as their author's name. */
  name: string;
}

const THREAD_MUTABLE = new Set(['status', 'resolvedBy', 'resolvedAt', 'comments']);
const COMMENT_MUTABLE = new Set(['body', 'mentions', 'editedAt', 'deleted']);
const SUGGESTION_REVISABLE = new Set(['start', 'end', 'originalText', 'insertText']);
const SUGGESTION_DECISION = new Set(['status', 'decidedBy', 'decidedAt']);

const isUnset = (v: unknown): boolean => v === null || v === undefined;

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return a.length === b.length && a.every((v, i) => v === b[i]);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => same(v, b[i]));
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return false;
}

/** Keys whose values differ between two records. */
function changedKeys(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !same(before[k], after[k]));
}

const asComments = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((c): c is Record<string, unknown> => !!c && typeof c === 'object' && !Array.isArray(c)) : [];

function groupById(comments: Record<string, unknown>[]): Map<unknown, Record<string, unknown>[]> {
  const groups = new Map<unknown, Record<string, unknown>[]>();
  for (const c of comments) {
    const group = groups.get(c.id);
    if (group) group.push(c);
    else groups.set(c.id, [c]);
  }
  return groups;
}

/** The first field of a new part that the layout does not write, if any. */
const unknownField = (part: Record<string, unknown>, fields: ReadonlySet<string>): string | undefined => Object.keys(part).find((k) => !fields.has(k));

function checkComments(before: unknown, after: unknown, actor: DiscussionActor, where: string): string | null {
  const old = groupById(asComments(before));
  const now = groupById(asComments(after));
  for (const [id, olds] of old) {
    const nexts = now.get(id) ?? [];
    // A comment id is held by one comment: another under it would be shown as that comment's author's words.
    if (nexts.length > olds.length) return `${where}: comment ${String(id)} appears twice`;
    // Comments sharing an id before this rule existed are compared in order; the last ones are the removed ones.
    for (let i = 0; i < olds.length; i++) {
      const c = olds[i]!;
      const next = nexts[i];
      if (!next) {
        if (actor.role !== 'owner') return `${where}: only the report's owners remove a comment`;
        continue;
      }
      const changed = changedKeys(c, next);
      if (changed.some((k) => !COMMENT_MUTABLE.has(k))) return `${where}: a comment's ${changed.find((k) => !COMMENT_MUTABLE.has(k))} cannot change`;
      if (changed.length === 0) continue;
      const moderating = actor.role === 'owner' && changed.every((k) => k === 'deleted' || k === 'body' || k === 'mentions') && next.deleted === true;
      if (c.authorId !== actor.id && !moderating) return `${where}: only its author edits or deletes a comment`;
    }
  }
  for (const [id, nexts] of now) {
    if (old.has(id)) continue;
    if (typeof id !== 'string' || id === '') return `${where}: a new comment needs an id`;
    if (nexts.length > 1) return `${where}: comment ${id} appears twice`;
    const c = nexts[0]!;
    if (c.authorId !== actor.id || c.authorName !== actor.name) return `${where}: a new comment must be written under your own account`;
    const extra = unknownField(c, COMMENT_FIELDS);
    if (extra) return `${where}: a comment has no field ${extra}`;
  }
  return null;
}

/** A part of the discussion held by a Yjs item it was not held by before: replaced by a copy, not edited. */
function replacedPart(before: DiscussionData, after: DiscussionData): string | null {
  if (!before.items || !after.items) return null;
  for (const [part, held] of Object.entries(after.items)) {
    const was = before.items[part];
    if (was && held.some((item) => !was.includes(item))) return `${part}: replaced by a copy under the same id`;
  }
  return null;
}

function checkThreads(before: DiscussionData['threads'], after: DiscussionData['threads'], actor: DiscussionActor): string | null {
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[id];
    const now = after[id];
    const where = `thread ${id}`;
    if (old && !now) {
      if (actor.role !== 'owner') return `${where}: only the report's owners remove a thread`;
      continue;
    }
    if (!now) continue;
    if (!old) {
      if (now.authorId !== actor.id || now.authorName !== actor.name) return `${where}: a new thread must be started under your own account`;
      if (now.status === 'resolved' ? now.resolvedBy !== actor.id : !isUnset(now.resolvedBy) && now.resolvedBy !== actor.id) return `${where}: resolved under another name`;
      const extra = unknownField(now, THREAD_FIELDS);
      if (extra) return `${where}: a thread has no field ${extra}`;
      const problem = checkComments([], now.comments, actor, where);
      if (problem) return problem;
      continue;
    }
    const changed = changedKeys(old, now);
    const fixed = changed.find((k) => !THREAD_MUTABLE.has(k));
    if (fixed) return `${where}: a thread's ${fixed} cannot change`;
    if (changed.includes('resolvedBy') && now.resolvedBy !== null && now.resolvedBy !== undefined && now.resolvedBy !== actor.id) {
      return `${where}: resolved under another name`;
    }
    if (changed.includes('comments')) {
      const problem = checkComments(old.comments, now.comments, actor, where);
      if (problem) return problem;
    }
  }
  return null;
}

function checkSuggestions(before: DiscussionData['suggestions'], after: DiscussionData['suggestions'], actor: DiscussionActor): string | null {
  const decides = atLeast(actor.role, 'editor');
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[id];
    const now = after[id];
    const where = `suggestion ${id}`;
    if (old && !now) {
      const withdrawn = old.authorId === actor.id && old.status === 'open';
      if (!withdrawn && actor.role !== 'owner') return `${where}: only its author withdraws an open suggestion`;
      continue;
    }
    if (!now) continue;
    if (!old) {
      if (now.authorId !== actor.id || now.authorName !== actor.name) return `${where}: a new suggestion must be made under your own account`;
      if (now.status !== 'open' && !(decides && now.decidedBy === actor.id)) return `${where}: a new suggestion starts open`;
      if (!isUnset(now.decidedBy) && now.decidedBy !== actor.id) return `${where}: decided under another name`;
      const extra = unknownField(now, SUGGESTION_FIELDS);
      if (extra) return `${where}: a suggestion has no field ${extra}`;
      const shape = refuseSuggestionShape(now);
      if (shape) return `${where}: ${shape}`;
      continue;
    }
    const changed = changedKeys(old, now);
    if (changed.length === 0) continue;
    const revising = changed.every((k) => SUGGESTION_REVISABLE.has(k));
    const deciding = changed.every((k) => SUGGESTION_DECISION.has(k));
    if (revising) {
      if (old.authorId !== actor.id || old.status !== 'open') return `${where}: only its author revises an open suggestion`;
      const shape = refuseSuggestionShape(now);
      if (shape) return `${where}: ${shape}`;
    } else if (deciding) {
      if (!decides) return `${where}: only editors and owners accept or reject a suggestion`;
      if (now.decidedBy !== actor.id) return `${where}: decided under another name`;
    } else {
      return `${where}: ${changed.filter((k) => !SUGGESTION_REVISABLE.has(k) && !SUGGESTION_DECISION.has(k)).join(', ') || 'this change'} cannot change`;
    }
  }
  return null;
}

/** Why this change may not be made by `actor`, or null when it may. */
export function refuseDiscussionChange(before: DiscussionData, after: DiscussionData, actor: DiscussionActor): string | null {
  if (actor.role === 'viewer') return 'viewers do not write the discussion';
  return replacedPart(before, after) ?? checkThreads(before.threads, after.threads, actor) ?? checkSuggestions(before.suggestions, after.suggestions, actor);
}
