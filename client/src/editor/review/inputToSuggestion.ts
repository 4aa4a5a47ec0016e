/**
 * Suggesting mode: what an edit the user attempted becomes in the discussion document. Pure, over linear
 * offsets (see positions.ts), so the rules are unit-tested without a browser:
 *
 * - typed or pasted text over a selection: a replacement of the selection;
 * - typed text at a caret: an insertion, and further typing at the same caret extends it;
 * - Backspace/Delete on a selection: a deletion of it;
 * - Backspace/Delete at a caret: a deletion of one character, and repeating it grows that deletion;
 *   Backspace right after one's own typing takes back the last typed character instead.
 *
 * Line breaks cannot be suggested (a suggestion applies inside the text), so typing across or deleting a
 * block boundary is refused rather than turned into something that would apply differently.
 */

export type EditIntent =
  | { kind: 'text'; from: number; to: number; text: string }
  | { kind: 'delete'; from: number; to: number; direction: 'backward' | 'forward' };

/** The user's suggestion that the caret is still at the end of (the one being typed), resolved now. */
export interface ActiveSuggestion {
  id: string;
  start: number;
  end: number;
  originalText: string;
  insertText: string;
}

export type SuggestionPlan =
  | { op: 'create'; start: number; end: number; originalText: string; insertText: string; caret: number }
  | { op: 'revise'; id: string; start: number; end: number; originalText: string; insertText: string; caret: number }
  | { op: 'withdraw'; id: string; caret: number }
  | { op: 'none'; reason: 'line-break' | 'nothing' };

/** Suggested text is inline: line breaks inside pasted text become spaces, those around it go. */
export function inlineText(text: string): string {
  return text.replace(/^[\r\n]+|[\r\n]+$/g, '').replace(/\s*[\r\n]+\s*/g, ' ');
}

export function planSuggestion(text: string, intent: EditIntent, active: ActiveSuggestion | null): SuggestionPlan {
  const from = Math.max(0, Math.min(intent.from, intent.to));
  const to = Math.min(text.length, Math.max(intent.from, intent.to));
  const caret = from === to;

  if (intent.kind === 'text') {
    const typed = inlineText(intent.text);
    if (!typed) return { op: 'none', reason: 'nothing' };
    if (caret && active && (active.originalText === '' ? active.start === from : active.end === from || active.start === from)) {
      return { op: 'revise', id: active.id, start: active.start, end: active.end, originalText: active.originalText, insertText: active.insertText + typed, caret: active.originalText ? active.end : from };
    }
    if (caret) return { op: 'create', start: from, end: from, originalText: '', insertText: typed, caret: from };
    return { op: 'create', start: from, end: to, originalText: text.slice(from, to), insertText: typed, caret: to };
  }

  if (!caret) {
    return { op: 'create', start: from, end: to, originalText: text.slice(from, to), insertText: '', caret: intent.direction === 'backward' ? from : to };
  }

  if (intent.direction === 'backward') {
    // Taking back one's own typing.
    if (active && active.insertText && (active.originalText === '' ? active.start === from : active.end === from || active.start === from)) {
      const insertText = active.insertText.slice(0, -1);
      if (!insertText && !active.originalText) return { op: 'withdraw', id: active.id, caret: from };
      return { op: 'revise', id: active.id, start: active.start, end: active.end, originalText: active.originalText, insertText, caret: from };
    }
    if (from === 0 || text[from - 1] === '\n') return { op: 'none', reason: 'line-break' };
    if (active && active.originalText && !active.insertText && active.start === from) {
      const start = from - 1;
      return { op: 'revise', id: active.id, start, end: active.end, originalText: text.slice(start, active.end), insertText: '', caret: start };
    }
    return { op: 'create', start: from - 1, end: from, originalText: text.slice(from - 1, from), insertText: '', caret: from - 1 };
  }

  if (from >= text.length || text[from] === '\n') return { op: 'none', reason: 'line-break' };
  if (active && active.originalText && !active.insertText && active.end === from) {
    const end = from + 1;
    return { op: 'revise', id: active.id, start: active.start, end, originalText: text.slice(active.start, end), insertText: '', caret: end };
  }
  return { op: 'create', start: from, end: from + 1, originalText: text.slice(from, from + 1), insertText: '', caret: from + 1 };
}
