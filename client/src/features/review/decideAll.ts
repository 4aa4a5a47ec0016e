/**
 * Accepting or rejecting every open suggestion of the report (or of a list of them) at once, each applied as a
 * single accept does (shared/discussion/suggestions.ts `applySuggestion`): one change to the text, one to the
 * discussion, with an undo that takes the text back and reopens them. A suggestion whose text changed since it
 * was made (or was deleted) is skipped and counted: a person decides it.
 */
import * as Y from 'yjs';
import { i18n } from '../../i18n/i18n.ts';
import { allSectionBodies } from '../../../../shared/report/layout.ts';
import { decideSuggestion, reopenSuggestion, type Author, type SuggestionInfo } from '../../../../shared/discussion/layout.ts';
import { applySuggestion } from '../../../../shared/discussion/suggestions.ts';

/** The origin of the text changes of "Accept all" (tracked by its own undo). */
export const ACCEPT_ALL_ORIGIN = Symbol('rightsdraft.acceptAll');

export interface DecideAllResult {
  decided: string[];
  /** Open suggestions left for a person to decide (their text changed since, or is gone). */
  needsDecision: string[];
  /** Take it back: the text as before (for accepting) and the suggestions open again. */
  undo: () => void;
  /** Let go of the undo (once it can no longer be offered). */
  dispose: () => void;
}

export function acceptAll(content: Y.Doc, discussion: Y.Doc, me: Author, suggestions: SuggestionInfo[], discussionOrigin?: unknown): DecideAllResult {
  const open = suggestions.filter((s) => s.status === 'open');
  const undoManager = new Y.UndoManager(
    allSectionBodies(content).map((b) => b.body),
    { trackedOrigins: new Set([ACCEPT_ALL_ORIGIN]), captureTimeout: 0 },
  );
  const decided: string[] = [];
  const needsDecision: string[] = [];
  // One transaction: co-authors receive one change, and the undo below takes back all of it.
  content.transact(() => {
    // Each against the text as the ones before left it: one that overlaps an applied one is now stale, and skipped.
    for (const s of open) (applySuggestion(content, s, ACCEPT_ALL_ORIGIN) ? decided : needsDecision).push(s.id);
  }, ACCEPT_ALL_ORIGIN);
  discussion.transact(() => {
    for (const id of decided) decideSuggestion(discussion, id, 'accepted', me, discussionOrigin);
  }, discussionOrigin);
  return {
    decided,
    needsDecision,
    undo: () => {
      undoManager.undo();
      undoManager.destroy();
      reopen(discussion, decided, me, discussionOrigin);
    },
    dispose: () => undoManager.destroy(),
  };
}

export function rejectAll(discussion: Y.Doc, me: Author, suggestions: SuggestionInfo[], discussionOrigin?: unknown): DecideAllResult {
  const decided = suggestions.filter((s) => s.status === 'open').map((s) => s.id);
  discussion.transact(() => {
    for (const id of decided) decideSuggestion(discussion, id, 'rejected', me, discussionOrigin);
  }, discussionOrigin);
  return { decided, needsDecision: [], undo: () => reopen(discussion, decided, me, discussionOrigin), dispose: () => undefined };
}

function reopen(discussion: Y.Doc, ids: string[], me: Author, origin: unknown): void {
  discussion.transact(() => {
    for (const id of ids) reopenSuggestion(discussion, id, me, origin);
  }, origin);
}

/** "3 accepted, 1 needs a decision". */
export function decideAllMessage(verb: 'accepted' | 'rejected', decided: number, needsDecision: number): string {
  return i18n.t('reviewUi.decideAll.result', { verb, decided, needsDecision });
}
