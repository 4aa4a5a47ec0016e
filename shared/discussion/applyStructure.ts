/**
 * Applying an accepted suggestion of a kind beyond the text (structure.ts) to a section body, as Yjs changes
 * the editor's binding shows like anyone else's: a new paragraph, list item or table row after the one it was suggested at,
 * a paragraph, list item or table row removed, a footnote put in at its point, a mark added or removed.
 * The caller has checked that the suggestion is not stale (suggestions.ts) and runs this in one transaction.
 */
import * as Y from 'yjs';
import { linearize, locate, type Linear } from './anchors.ts';
import { decodeRowCells, type SuggestionChange } from './structure.ts';
import { FOOTNOTE_NODE } from '../schema/nodeNames.ts';

type Delta = { insert: unknown; attributes?: Record<string, unknown> }[];

/** The nearest element above `node` (itself excluded) named `name`, or null. */
function ancestorNamed(node: Y.XmlElement, name: string): Y.XmlElement | null {
  let p = node.parent;
  while (p instanceof Y.XmlElement) {
    if (p.nodeName === name) return p;
    p = p.parent;
  }
  return null;
}

function indexIn(parent: Y.XmlElement | Y.XmlFragment, child: Y.XmlElement): number {
  return parent.toArray().indexOf(child);
}

/** Remove `el`, and the list or table it leaves empty. */
function removeElement(el: Y.XmlElement): void {
  const parent = el.parent;
  if (!(parent instanceof Y.XmlElement) && !(parent instanceof Y.XmlFragment)) return;
  parent.delete(indexIn(parent, el), 1);
  if (parent instanceof Y.XmlElement && parent.length === 0 && ['bulletList', 'orderedList', 'table'].includes(parent.nodeName)) removeElement(parent);
}

function textElement(name: string, text: string): Y.XmlElement {
  const el = new Y.XmlElement(name);
  const t = new Y.XmlText();
  if (text) t.insert(0, text);
  el.insert(0, [t]);
  return el;
}

/** The text run at linear offset `at` (its end when `at` is at a run's end). */
const runAt = (lin: Linear, at: number, preferEnd: boolean) => locate(lin, at, preferEnd) ?? locate(lin, at, !preferEnd);

function insertBlock(lin: Linear, at: number, block: 'paragraph' | 'listItem', text: string): boolean {
  const run = runAt(lin, at, true);
  const paragraph = run?.text.parent;
  if (!(paragraph instanceof Y.XmlElement)) return false;
  const item = block === 'listItem' ? ancestorNamed(paragraph, 'listItem') : null;
  const after = item ?? paragraph;
  const parent = after.parent;
  if (!(parent instanceof Y.XmlElement) && !(parent instanceof Y.XmlFragment)) return false;
  // One block per line: Enter while typing a suggested paragraph starts the next one.
  const created = text.split('\n').map((line) => {
    if (!item) return textElement('paragraph', line);
    const li = new Y.XmlElement('listItem');
    li.insert(0, [textElement('paragraph', line)]);
    return li;
  });
  parent.insert(indexIn(parent, after) + 1, created);
  return true;
}

/** The table row whose text ends at linear offset `at` (a new row's anchor), or null when it is gone. */
function rowEndingAt(lin: Linear, at: number): Y.XmlElement | null {
  const paragraph = runAt(lin, at, true)?.text.parent;
  return paragraph instanceof Y.XmlElement ? ancestorNamed(paragraph, 'tableRow') : null;
}

/**
 * Whether a suggested new row (its `insertText`, structure.ts) can go after the row at `at` now: that row is
 * there and has a cell for every suggested cell. When not, the suggestion is stale (suggestions.ts).
 */
export function rowFitsAt(body: Y.XmlFragment, at: number, insertText: string): boolean {
  const row = rowEndingAt(linearize(body), at);
  const cells = decodeRowCells(insertText);
  return !!row && !!cells && cells.length <= row.length;
}

/** A new row after the row at `at`: one body cell per cell of that row (same widths), the suggested texts in order. */
function insertRow(lin: Linear, at: number, insertText: string): boolean {
  const row = rowEndingAt(lin, at);
  const texts = decodeRowCells(insertText);
  const table = row?.parent;
  if (!row || !texts || texts.length > row.length || !(table instanceof Y.XmlElement)) return false;
  const created = new Y.XmlElement('tableRow');
  const cells = row.toArray().map((above, i) => {
    const cell = new Y.XmlElement('tableCell');
    if (above instanceof Y.XmlElement) {
      for (const attr of ['colspan', 'colwidth']) {
        const value = above.getAttribute(attr);
        if (value !== undefined && value !== null) cell.setAttribute(attr, value);
      }
    }
    cell.insert(0, [textElement('paragraph', texts[i] ?? '')]);
    return cell;
  });
  created.insert(0, cells);
  table.insert(indexIn(table, row) + 1, [created]);
  return true;
}

function blockAt(lin: Linear, start: number, block: 'paragraph' | 'listItem' | 'tableRow'): Y.XmlElement | null {
  const run = runAt(lin, start, false);
  const paragraph = run?.text.parent;
  if (!(paragraph instanceof Y.XmlElement)) return null;
  return block === 'paragraph' ? paragraph : ancestorNamed(paragraph, block);
}

/**
 * The whole text, as linear text, of the paragraph, list item or row whose text starts at `start` (a suggestion
 * to delete it is stale once this differs from the text it was suggested on, wherever the change was), or null.
 */
export function blockTextAt(body: Y.XmlFragment, start: number, block: 'paragraph' | 'listItem' | 'tableRow'): string | null {
  const lin = linearize(body);
  const el = blockAt(lin, start, block);
  if (!el) return null;
  const inside = lin.runs.filter((r) => {
    for (let p: unknown = r.text.parent; p instanceof Y.XmlElement; p = p.parent) if (p === el) return true;
    return false;
  });
  if (inside.length === 0) return null;
  const last = inside[inside.length - 1]!;
  return lin.text.slice(inside[0]!.at, last.at + last.text.length);
}

/**
 * A paragraph that is the only block of a container (a table cell, a quote, a recommendation) is not removed: the
 * container would be left invalid, and the editor's binding drops an invalid node whole.
 */
export function isOnlyChildOfContainer(el: Y.XmlElement): boolean {
  return el.parent instanceof Y.XmlElement && el.parent.length === 1 && el.parent.nodeName !== 'listItem';
}

function deleteBlock(body: Y.XmlFragment, lin: Linear, start: number, block: 'paragraph' | 'listItem' | 'tableRow'): boolean {
  const target = blockAt(lin, start, block);
  if (!target || (block === 'paragraph' && (isOnlyChildOfContainer(target) || (target.parent instanceof Y.XmlElement && target.parent.nodeName === 'listItem')))) return false;
  removeElement(target);
  // A section keeps at least one (empty) paragraph, as the editor does.
  if (body.length === 0) body.insert(0, [new Y.XmlElement('paragraph')]);
  return true;
}

/** Split the run at `index` and put a footnote holding `text` between the two halves (inline nodes sit between runs). */
function insertFootnote(lin: Linear, at: number, text: string): boolean {
  const run = runAt(lin, at, true);
  const paragraph = run?.text.parent;
  if (!run || !(paragraph instanceof Y.XmlElement)) return false;
  const note = textElement(FOOTNOTE_NODE, text);
  const position = indexIn(paragraph, run.text as unknown as Y.XmlElement);
  if (run.index >= run.text.length) {
    paragraph.insert(position + 1, [note]);
    return true;
  }
  const tail: Delta = [];
  let pos = 0;
  for (const op of run.text.toDelta() as Delta) {
    const len = typeof op.insert === 'string' ? op.insert.length : 1;
    if (pos + len > run.index && typeof op.insert === 'string') {
      const part = op.insert.slice(Math.max(0, run.index - pos));
      tail.push(op.attributes ? { insert: part, attributes: op.attributes } : { insert: part });
    }
    pos += len;
  }
  run.text.delete(run.index, run.text.length - run.index);
  const rest = new Y.XmlText();
  paragraph.insert(position + 1, [note, rest]);
  rest.applyDelta(tail);
  return true;
}

function format(lin: Linear, start: number, end: number, change: Extract<SuggestionChange, { kind: 'format' }>): boolean {
  const value = change.action === 'remove' ? null : change.mark === 'link' ? { href: change.href ?? '' } : {};
  let touched = false;
  for (const run of lin.runs) {
    const from = Math.max(start, run.at);
    const to = Math.min(end, run.at + run.text.length);
    if (to <= from) continue;
    run.text.format(from - run.at, to - from, { [change.mark]: value });
    touched = true;
  }
  return touched;
}

/**
 * Apply `change` to `body` at the linear range [start, end) the suggestion's anchor resolves to now; false when
 * there is nothing there to change (the paragraph or row is gone).
 */
export function applyStructure(body: Y.XmlFragment, change: SuggestionChange, start: number, end: number, insertText: string): boolean {
  const lin = linearize(body);
  switch (change.kind) {
    case 'insertBlock':
      return change.block === 'tableRow' ? insertRow(lin, start, insertText) : insertBlock(lin, start, change.block, insertText);
    case 'deleteBlock':
      return deleteBlock(body, lin, start, change.block);
    case 'footnote':
      return insertFootnote(lin, start, insertText);
    case 'format':
      return format(lin, start, end, change);
    default:
      return false;
  }
}
