/**
 * The height a section not yet rendered reserves in the whole-report view: the height it had when last on
 * screen, else an estimate from its blocks and characters (read from the Yjs fragment without building text),
 * so the scroll bar is about right and jumping to a section lands near it before its neighbours render.
 */
import * as Y from 'yjs';

const HEAD_PX = 150;
const BLOCK_GAP_PX = 14;
const LINE_PX = 27;
const CHAR_PX = 8.6;

function textLength(node: Y.XmlElement | Y.XmlText | Y.XmlHook, depth: number): number {
  if (node instanceof Y.XmlText) return node.length;
  if (!(node instanceof Y.XmlElement) || depth > 4) return 0;
  let n = 0;
  for (const child of node.toArray()) n += textLength(child as Y.XmlElement | Y.XmlText, depth + 1);
  return n;
}

export function estimateSectionHeight(body: Y.XmlFragment | null, widthPx: number): number {
  if (!body) return HEAD_PX;
  const charsPerLine = Math.max(20, Math.floor(Math.max(200, widthPx) / CHAR_PX));
  let height = HEAD_PX;
  for (const block of body.toArray()) {
    const chars = textLength(block as Y.XmlElement, 0);
    height += BLOCK_GAP_PX + Math.max(1, Math.ceil(chars / charsPerLine)) * LINE_PX;
  }
  return Math.round(height);
}
