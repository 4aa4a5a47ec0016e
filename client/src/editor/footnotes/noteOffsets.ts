/**
 * How many footnotes come before a section, so its editor can number its own notes on from there: notes are
 * numbered in document order across the whole report (as `numberFootnotes` and the exporters do), but only one
 * section's editor is open at a time. Counted straight from the Yjs types, so no section has to be converted.
 */
import * as Y from 'yjs';
import { getSectionBody, listSections } from '../../../../shared/report/layout.ts';
import { FOOTNOTE_NODE } from '../../../../shared/schema/footnote.ts';

/** Footnote elements anywhere in a section body. */
export function countFootnotes(body: Y.XmlFragment): number {
  let count = 0;
  const walker = body.createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === FOOTNOTE_NODE);
  for (let next = walker.next(); !next.done; next = walker.next()) count++;
  return count;
}

/** Notes in the sections shown before the one whose body is `body`; 0 when the body is not (or no longer) a section's. */
export function notesBefore(doc: Y.Doc, body: Y.XmlFragment): number {
  let total = 0;
  for (const section of listSections(doc)) {
    const other = getSectionBody(doc, section.id);
    if (other === body) return total;
    if (other) total += countFootnotes(other);
  }
  return 0;
}

/**
 * Calls `onChange` with `notesBefore(doc, body)` now and whenever it may have changed: a section added, moved or
 * deleted, or a note added or removed in another section (by anyone). Edits inside `body` itself cannot change
 * it, so typing in the open section costs nothing; other changes are counted once per animation frame at most.
 */
export class NoteOffsetTracker {
  private offset = -1;
  private scheduled: number | null = null;
  private readonly stop: () => void;
  private readonly handleTransaction: (tr: Y.Transaction) => void;

  constructor(
    private readonly body: Y.XmlFragment,
    private readonly onChange: (offset: number) => void,
    private readonly schedule: (run: () => void) => number = (run) => requestAnimationFrame(run),
    private readonly cancel: (handle: number) => void = (handle) => cancelAnimationFrame(handle),
  ) {
    const doc = body.doc;
    if (!doc) throw new Error('NoteOffsetTracker needs a section body that belongs to a document');
    this.handleTransaction = (tr) => {
      if (this.touchesOtherThanBody(tr)) this.recountSoon();
    };
    doc.on('afterTransaction', this.handleTransaction);
    this.stop = () => doc.off('afterTransaction', this.handleTransaction);
    this.recount();
  }

  /** The last offset reported. */
  get current(): number {
    return Math.max(0, this.offset);
  }

  destroy(): void {
    if (this.scheduled !== null) this.cancel(this.scheduled);
    this.scheduled = null;
    this.stop();
  }

  /**
   * Whether a transaction may have changed the notes before the open body: it changed an element or map outside it
   * (a note added or removed, the outline). Text typed elsewhere changes only Y.XmlText, which holds no notes, so
   * co-authors typing in other sections cost nothing here however long the report is.
   */
  private touchesOtherThanBody(tr: Y.Transaction): boolean {
    for (const type of tr.changed.keys()) {
      if (type instanceof Y.XmlText) continue;
      if (!this.isInsideBody(type)) return true;
    }
    return false;
  }

  private isInsideBody(type: Y.AbstractType<any>): boolean {
    let t: Y.AbstractType<any> | null = type;
    while (t) {
      if (t === this.body) return true;
      t = t.parent;
    }
    return false;
  }

  private recountSoon(): void {
    if (this.scheduled !== null) return;
    this.scheduled = this.schedule(() => {
      this.scheduled = null;
      this.recount();
    });
  }

  private recount(): void {
    const doc = this.body.doc;
    if (!doc) return;
    const next = notesBefore(doc, this.body);
    if (next === this.offset) return;
    this.offset = next;
    this.onChange(next);
  }
}
