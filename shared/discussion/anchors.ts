/**
 * Anchors: a range of a section's text held as two Yjs relative positions, so it follows its text through
 * everyone's concurrent edits (offline ones included) instead of pointing at a fixed offset.
 *
 * Text is addressed here by "linear offsets": the section body flattened to plain text, one "\n" between
 * blocks. The editor converts its own positions with y-tiptap; tools and tests use these offsets.
 */
import * as Y from 'yjs';

export interface Anchor {
  /** Encoded Y.RelativePosition of the first character; it sticks to that character. */
  start: Uint8Array;
  /** Encoded Y.RelativePosition just after the last character; it sticks to the last character (assoc -1). */
  end: Uint8Array;
}

interface Run {
  text: Y.XmlText;
  /** Linear offset of the run's first character. */
  at: number;
}

/** The body as plain text with the linear offset of each text node and of each element. */
export interface Linear {
  text: string;
  runs: Run[];
  starts: Map<object, number>;
  ends: Map<object, number>;
}

const INLINE = new Set(['hardBreak', 'footnote', 'mention']);

export function linearize(fragment: Y.XmlFragment): Linear {
  let text = '';
  const runs: Run[] = [];
  const starts = new Map<object, number>();
  const ends = new Map<object, number>();
  let blocks = 0;
  const walk = (node: Y.XmlFragment | Y.XmlElement | Y.XmlText) => {
    if (node instanceof Y.XmlText) {
      starts.set(node, text.length);
      runs.push({ text: node, at: text.length });
      text += plain(node);
      ends.set(node, text.length);
      return;
    }
    const block = node instanceof Y.XmlElement && !INLINE.has(node.nodeName);
    // A block containing text starts a new line (tables and lists nest blocks; only leaves add lines).
    if (block && hasDirectText(node)) {
      if (blocks > 0) text += '\n';
      blocks++;
    }
    starts.set(node, text.length);
    for (const child of node.toArray()) walk(child as Y.XmlElement | Y.XmlText);
    ends.set(node, text.length);
  };
  walk(fragment);
  return { text, runs, starts, ends };
}

function hasDirectText(el: Y.XmlElement): boolean {
  return el.toArray().some((c) => c instanceof Y.XmlText);
}

/** The characters of a text node, without formatting markup. */
function plain(t: Y.XmlText): string {
  return (t.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : ' ')).join('');
}

/** The text node and offset holding linear offset `offset` (the start of the next run at a boundary). */
export function locate(lin: Linear, offset: number, preferEnd: boolean): { text: Y.XmlText; index: number } | null {
  let best: { text: Y.XmlText; index: number } | null = null;
  for (const run of lin.runs) {
    const len = run.text.length;
    if (offset >= run.at && offset <= run.at + len) {
      best = { text: run.text, index: offset - run.at };
      if (!preferEnd && offset < run.at + len) return best;
      if (preferEnd && offset > run.at) return best;
    }
  }
  return best;
}

/** An anchor on linear offsets [start, end) of a section body. */
export function anchorAt(fragment: Y.XmlFragment, start: number, end: number): Anchor {
  const lin = linearize(fragment);
  const a = locate(lin, start, false);
  const b = locate(lin, end, true);
  if (!a || !b) throw new RangeError(`range ${start}-${end} is outside the text (length ${lin.text.length})`);
  return {
    start: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(a.text, a.index, 0)),
    end: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(b.text, b.index, -1)),
  };
}

/** Linear offset of an absolute Yjs position inside the body, or null when it is not in this body. */
function offsetOf(lin: Linear, fragment: Y.XmlFragment, pos: Y.AbsolutePosition): number | null {
  const type: object = pos.type;
  if (type instanceof Y.XmlText) {
    const at = lin.starts.get(type);
    return at === undefined ? null : at + Math.min(pos.index, type.length);
  }
  if (type === fragment || lin.starts.has(type)) {
    const children = (type as Y.XmlElement).toArray();
    const child = children[pos.index];
    if (child) return lin.starts.get(child) ?? null;
    return lin.ends.get(type) ?? lin.text.length;
  }
  return null;
}

export interface ResolvedAnchor {
  start: number;
  end: number;
  /** The text the anchor covers now. */
  text: string;
  /** All of the anchored text was deleted (or the positions no longer fall inside this body). */
  detached: boolean;
}

function decodeOffset(doc: Y.Doc, fragment: Y.XmlFragment, lin: Linear, bytes: Uint8Array): number | null {
  try {
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), doc);
    return abs ? offsetOf(lin, fragment, abs) : null;
  } catch {
    return null;
  }
}

/** Where a single anchored point (the start of an anchor) is now, as a linear offset, or null. */
export function resolvePoint(doc: Y.Doc, fragment: Y.XmlFragment, position: Uint8Array): number | null {
  return decodeOffset(doc, fragment, linearize(fragment), position);
}

/** Where an anchor's text is now. */
export function resolveAnchor(doc: Y.Doc, fragment: Y.XmlFragment, anchor: Anchor): ResolvedAnchor {
  const lin = linearize(fragment);
  const start = decodeOffset(doc, fragment, lin, anchor.start);
  const end = decodeOffset(doc, fragment, lin, anchor.end);
  if (start === null || end === null || end <= start) {
    const at = start ?? end ?? 0;
    return { start: at, end: at, text: '', detached: true };
  }
  return { start, end, text: lin.text.slice(start, end), detached: false };
}
