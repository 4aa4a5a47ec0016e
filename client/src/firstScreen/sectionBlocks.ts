/** A section's first screen of text, read from its Yjs body: headings, paragraphs, list items and quotations. */
import * as Y from 'yjs';
import { FIRST_SCREEN_LIMITS, type FirstScreenBlock, type FirstScreenBlockKind } from './firstScreenStore.ts';

/** The text of a block, without marks; inline nodes (footnote markers, images) are left out. */
function textOf(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  return node
    .toArray()
    .filter((child): child is Y.XmlText => child instanceof Y.XmlText)
    .map(textOf)
    .join('');
}

function headingKind(element: Y.XmlElement): FirstScreenBlockKind {
  const level = Number(element.getAttribute('level') ?? 2);
  return level <= 2 ? 'h2' : level === 3 ? 'h3' : 'h4';
}

/** The first blocks of a section's body, within the first screen's limits. */
export function sectionBlocks(body: Y.XmlFragment): FirstScreenBlock[] {
  const blocks: FirstScreenBlock[] = [];
  let chars = 0;
  const push = (k: FirstScreenBlockKind, x: string): boolean => {
    if (blocks.length >= FIRST_SCREEN_LIMITS.blocks || chars >= FIRST_SCREEN_LIMITS.chars) return false;
    const text = x.slice(0, FIRST_SCREEN_LIMITS.chars - chars);
    blocks.push({ k, x: text });
    chars += text.length;
    return true;
  };
  const walk = (nodes: (Y.XmlElement | Y.XmlText | Y.XmlHook)[], inList: boolean, inQuote: boolean): boolean => {
    for (const node of nodes) {
      if (!(node instanceof Y.XmlElement)) continue;
      const name = node.nodeName;
      if (name === 'paragraph') {
        if (!push(inList ? 'li' : inQuote ? 'quote' : 'p', textOf(node))) return false;
      } else if (name === 'heading') {
        if (!push(headingKind(node), textOf(node))) return false;
      } else if (name === 'bulletList' || name === 'orderedList' || name === 'listItem') {
        if (!walk(node.toArray(), true, inQuote)) return false;
      } else if (name === 'blockquote') {
        if (!walk(node.toArray(), inList, true)) return false;
      } else if (!walk(node.toArray(), inList, inQuote)) {
        // Tables, recommendations, library blocks: their paragraphs, in order. Leaves (images) hold none.
        return false;
      }
    }
    return true;
  };
  walk(body.toArray(), false, false);
  return blocks;
}
