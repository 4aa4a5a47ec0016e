/** Body items to report sections: split at a heading level, lists nested, quotes grouped, tables kept. */
import type { PmNode } from '../report/content.ts';
import type { BodyItem, BodyParagraph, BodyTable } from './docxBody.ts';
import type { SkippedContent } from './docxInlines.ts';
import { liftImages } from './importedImages.ts';

export interface ImportedSection {
  title: string;
  /** A ProseMirror `doc` node valid in the editor schema. */
  content: PmNode;
}

export interface SplitResult {
  /** The first Title-style paragraph, if any (a suggestion for the report's title). */
  title: string | null;
  sections: ImportedSection[];
  /** What the document holds that was not imported (charts, shapes, pictures that could not come). */
  skipped: SkippedContent;
  /** The pictures the sections' image blocks wait for (`pending` = their path in the package), by that path. */
  media?: Record<string, Uint8Array>;
}

/** Title of the section holding what comes before the first heading. */
export const PREAMBLE_TITLE = 'Introduction';

function plain(inlines: PmNode[]): string {
  return inlines
    .map((n) => (n.type === 'text' ? (n.text ?? '') : n.type === 'hardBreak' ? ' ' : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function hasContent(inlines: PmNode[]): boolean {
  return inlines.some((n) => (n.type === 'text' ? (n.text ?? '').trim().length > 0 : n.type !== 'hardBreak'));
}

function paragraphNode(inlines: PmNode[]): PmNode {
  return inlines.length > 0 ? { type: 'paragraph', content: inlines } : { type: 'paragraph' };
}

/** Build nested bullet and ordered lists from consecutive list paragraphs and their levels. */
function listNode(items: BodyParagraph[]): PmNode {
  const root: PmNode = { type: items[0]!.list!.ordered ? 'orderedList' : 'bulletList', content: [] };
  const stack: { list: PmNode; level: number }[] = [{ list: root, level: items[0]!.list!.level }];
  for (const item of items) {
    const level = item.list!.level;
    while (stack.length > 1 && level < stack[stack.length - 1]!.level) stack.pop();
    let top = stack[stack.length - 1]!;
    const lastItem = top.list.content![top.list.content!.length - 1];
    if (level > top.level && lastItem) {
      const nested: PmNode = { type: item.list!.ordered ? 'orderedList' : 'bulletList', content: [] };
      lastItem.content!.push(nested);
      stack.push({ list: nested, level });
      top = stack[stack.length - 1]!;
    }
    top.list.content!.push({ type: 'listItem', content: [paragraphNode(item.inlines)] });
  }
  return root;
}

function tableNode(table: BodyTable): PmNode | null {
  const rows = table.rows.map((row) => ({
    type: 'tableRow',
    content: row.cells.map((cell) => {
      const blocks = blockNodes(cell.items, { inCell: true });
      return {
        type: row.header ? 'tableHeader' : 'tableCell',
        attrs: { colspan: cell.colspan, rowspan: cell.rowspan, colwidth: null },
        // A cell must hold at least one block.
        content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }],
      };
    }),
  }));
  return rows.length > 0 ? { type: 'table', content: rows } : null;
}

/** Editor blocks from body items: headings (2 to 4), paragraphs, nested lists, quotes, tables. */
export function blockNodes(items: BodyItem[], opts: { inCell?: boolean; sectionLevel?: number } = {}): PmNode[] {
  const out: PmNode[] = [];
  let i = 0;
  while (i < items.length) {
    const item = items[i]!;
    if (item.kind === 'table') {
      const node = tableNode(item);
      if (node) out.push(node);
      i++;
      continue;
    }
    if (item.list) {
      const run: BodyParagraph[] = [];
      while (i < items.length) {
        const next = items[i]!;
        if (next.kind !== 'paragraph' || !next.list) break;
        if (hasContent(next.inlines)) run.push(next);
        i++;
      }
      if (run.length > 0) out.push(listNode(run));
      continue;
    }
    if (item.role === 'quote') {
      const quoted: PmNode[] = [];
      while (i < items.length) {
        const next = items[i]!;
        if (next.kind !== 'paragraph' || next.role !== 'quote' || next.list) break;
        if (hasContent(next.inlines)) quoted.push(paragraphNode(next.inlines));
        i++;
      }
      if (quoted.length > 0) out.push({ type: 'blockquote', content: quoted });
      continue;
    }
    i++;
    if (!hasContent(item.inlines)) continue;
    if (item.headingLevel !== null && !opts.inCell) {
      const level = Math.min(4, Math.max(2, item.headingLevel - (opts.sectionLevel ?? 1) + 1));
      out.push({ type: 'heading', attrs: { level }, content: item.inlines });
    } else {
      out.push(paragraphNode(item.inlines));
    }
  }
  return out;
}

/**
 * Split the body at headings of `headingLevel` or above: each starts a section titled with its text. What comes
 * before the first one becomes an "Introduction" section. Title and cover paragraphs are left out; an exported
 * annex heading ends the import, since annexes are generated from the report itself.
 */
export function splitSections(items: BodyItem[], headingLevel: number): Omit<SplitResult, 'skipped'> {
  let title: string | null = null;
  const groups: { title: string; items: BodyItem[] }[] = [];
  let current: { title: string; items: BodyItem[] } = { title: PREAMBLE_TITLE, items: [] };
  for (const item of items) {
    if (item.kind === 'paragraph') {
      if (item.role === 'annex') break;
      if (item.role === 'title') {
        title ??= plain(item.inlines) || null;
        continue;
      }
      if (item.role === 'cover') continue;
      if (item.headingLevel !== null && item.headingLevel <= headingLevel && hasContent(item.inlines)) {
        groups.push(current);
        current = { title: plain(item.inlines), items: [] };
        continue;
      }
    }
    current.items.push(item);
  }
  groups.push(current);
  const sections = groups
    .map((g, index) => ({ index, title: g.title, content: liftImages({ type: 'doc', content: blockNodes(g.items, { sectionLevel: headingLevel }) }) }))
    // The preamble is kept only when it has content; a titled section is kept even when empty.
    .filter((s) => s.index > 0 || (s.content.content?.length ?? 0) > 0)
    .map(({ title: t, content }) => ({ title: t, content }));
  return { title, sections };
}
