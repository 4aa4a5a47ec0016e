/**
 * Pictures of an imported Word document. Parsing leaves each as an IMPORTED_IMAGE placeholder inside its paragraph;
 * `liftImages` moves them out as `image` blocks (the paragraph split around them) carrying the picture's package path
 * in `pending`; the caller then stores each picture as an attachment and `resolveImportedImages` points the blocks
 * at them (or removes those that could not come, counting them in `skipped`).
 */
import type { PmNode } from '../report/content.ts';
import { IMAGE_NODE } from '../schema/nodeNames.ts';
import { IMPORTED_IMAGE, type SkippedContent } from './docxInlines.ts';
import type { ImportedSection } from './sections.ts';

const TEXT_BLOCKS = new Set(['paragraph', 'heading']);

function liftFrom(block: PmNode): PmNode[] {
  const inlines = block.content ?? [];
  if (!inlines.some((n) => n.type === IMPORTED_IMAGE)) return [block];
  const out: PmNode[] = [];
  let run: PmNode[] = [];
  const flush = () => {
    if (run.some((n) => n.type !== 'hardBreak')) out.push({ ...block, content: run });
    run = [];
  };
  for (const n of inlines) {
    if (n.type !== IMPORTED_IMAGE) {
      run.push(n);
      continue;
    }
    flush();
    out.push({ type: IMAGE_NODE, attrs: { pending: String(n.attrs?.ref ?? ''), alt: String(n.attrs?.alt ?? '') } });
  }
  flush();
  return out;
}

/** Every picture placeholder as an image block of its own, in place. */
export function liftImages(node: PmNode): PmNode {
  if (!node.content) return node;
  const content: PmNode[] = [];
  for (const c of node.content) {
    if (TEXT_BLOCKS.has(c.type)) content.push(...liftFrom(c));
    else content.push(liftImages(c));
  }
  return { ...node, content };
}

/** The package paths of the pictures the sections show. */
export function importedImageRefs(sections: ImportedSection[]): string[] {
  const refs = new Set<string>();
  const walk = (n: PmNode) => {
    if (n.type === IMAGE_NODE && typeof n.attrs?.pending === 'string' && n.attrs.pending.startsWith('word/')) refs.add(n.attrs.pending);
    for (const c of n.content ?? []) walk(c);
  };
  for (const s of sections) walk(s.content);
  return [...refs];
}

/**
 * Point each picture at what the caller made of it: `{ src }` (stored on the server), `{ pending }` (waiting in a
 * device's upload queue), or a reason it could not come (the block is removed and counted in `skipped`).
 */
export function resolveImportedImages(
  sections: ImportedSection[],
  resolved: Map<string, { src: string } | { pending: string } | { refused: string }>,
  skipped: SkippedContent,
): ImportedSection[] {
  const rewrite = (n: PmNode): PmNode | null => {
    if (n.type === IMAGE_NODE && typeof n.attrs?.pending === 'string' && n.attrs.pending.startsWith('word/')) {
      const r = resolved.get(n.attrs.pending);
      if (r && 'src' in r) return { ...n, attrs: { ...n.attrs, src: r.src, pending: null } };
      if (r && 'pending' in r) return { ...n, attrs: { ...n.attrs, pending: r.pending } };
      skipped.images++;
      (skipped.which ??= []).push(r && 'refused' in r ? r.refused : 'a picture');
      return null;
    }
    if (!n.content) return n;
    const content = n.content.map(rewrite).filter((c): c is PmNode => c !== null);
    // A table cell or list item must keep a block.
    return { ...n, content: content.length > 0 || n.type === 'doc' ? content : [{ type: 'paragraph' }] };
  };
  return sections.map((s) => ({ ...s, content: rewrite(s.content)! }));
}
