/**
 * ProseMirror positions <-> the shared "linear offsets" of a section body (shared/discussion/anchors.ts).
 *
 * Anchors are made and resolved in linear offsets on the Y.XmlFragment, exactly as the server and the
 * suggestion code do; the editor only needs to know where each Yjs text run sits in its own document. That is
 * computed from the fragment alone: the binding mirrors it node for node, a text run is as long in both, an
 * element takes one position on each side of its content, and a leaf (hardBreak) takes one. A mapping derived
 * from ProseMirror's own document could not tell an empty paragraph that once held text (its Yjs text run
 * survives, empty, and counts as a line) from a new one.
 */
import * as Y from 'yjs';
import { linearize, locate, type Linear } from '../../../../shared/discussion/anchors.ts';

export interface PositionMap {
  lin: Linear;
  /** ProseMirror position of the first character of each text run. */
  textStarts: Map<Y.XmlText, number>;
  /** Runs in document order with their ProseMirror start, for the reverse lookup. */
  runs: { text: Y.XmlText; at: number; pm: number; length: number }[];
}

/** `isLeaf(nodeName)`: true for nodes without content (hardBreak, horizontalRule), from the editor schema. */
export function buildPositionMap(fragment: Y.XmlFragment, isLeaf: (nodeName: string) => boolean): PositionMap {
  const textStarts = new Map<Y.XmlText, number>();
  const walk = (type: Y.XmlFragment | Y.XmlElement, contentStart: number): number => {
    let pos = contentStart;
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        textStarts.set(child, pos);
        pos += child.length;
      } else if (child instanceof Y.XmlElement) {
        pos = isLeaf(child.nodeName) ? pos + 1 : walk(child, pos + 1) + 1;
      }
    }
    return pos;
  };
  walk(fragment, 0);
  const lin = linearize(fragment);
  const runs = lin.runs.map((r) => ({ text: r.text, at: r.at, pm: textStarts.get(r.text) ?? -1, length: r.text.length }));
  return { lin, textStarts, runs };
}

/** The ProseMirror position of a linear offset, or null outside the text. */
export function linearToPm(map: PositionMap, offset: number, preferEnd: boolean): number | null {
  const at = locate(map.lin, offset, preferEnd);
  if (!at) return null;
  const start = map.textStarts.get(at.text);
  return start === undefined ? null : start + at.index;
}

/**
 * The linear offset of a ProseMirror position. A position outside any text (an empty paragraph, beside a
 * hard break) snaps forward to the next text for a range start, backward to the previous for a range end.
 */
export function pmToLinear(map: PositionMap, pos: number, side: 'start' | 'end'): number | null {
  let before: number | null = null;
  let after: number | null = null;
  for (const run of map.runs) {
    if (run.pm < 0) continue;
    if (pos >= run.pm && pos <= run.pm + run.length) return run.at + (pos - run.pm);
    if (run.pm + run.length < pos) before = run.at + run.length;
    else if (run.pm > pos && after === null) after = run.at;
  }
  return side === 'start' ? (after ?? before) : (before ?? after);
}

/** A ProseMirror range for a linear range, or null when either end has no place in the text. */
export function linearRangeToPm(map: PositionMap, start: number, end: number): { from: number; to: number } | null {
  const from = linearToPm(map, start, false);
  const to = start === end ? from : linearToPm(map, end, true);
  if (from === null || to === null || to < from) return null;
  return { from, to };
}
