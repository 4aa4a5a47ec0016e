/**
 * Words as the UN counts them for a submission: the body text, with footnotes (references) counted apart so a
 * limit that leaves them out can do so. Works on ProseMirror JSON, from the Y.Doc or from a live editor.
 */
import type { PmNode } from './content.ts';
import { nodeText } from './content.ts';
import { countWords } from './wordCount.ts';

/**
 * The footnote node type. The node itself arrives with the footnotes issue (shared/schema/footnote.ts); the
 * counting already skips it, so notes never inflate a UPR word count.
 */
export const FOOTNOTE_NODE = 'footnote';

/** A copy of the tree without the nodes of the given types (and their content). */
export function withoutNodes(node: PmNode, types: ReadonlySet<string>): PmNode {
  if (!node.content) return node;
  return { ...node, content: node.content.filter((c) => !types.has(c.type)).map((c) => withoutNodes(c, types)) };
}

function collect(node: PmNode, type: string, out: PmNode[]): PmNode[] {
  if (node.type === type) out.push(node);
  else for (const c of node.content ?? []) collect(c, type, out);
  return out;
}

const FOOTNOTES = new Set([FOOTNOTE_NODE]);

export interface ContentWords {
  /** Words of the text outside footnotes. */
  body: number;
  /** Words inside footnotes. */
  footnotes: number;
}

/** Body and footnote words of a ProseMirror tree, counted separately. */
export function contentWords(content: PmNode): ContentWords {
  const body = countWords(nodeText(withoutNodes(content, FOOTNOTES)));
  const footnotes = collect(content, FOOTNOTE_NODE, []).reduce(
    (sum, note) => sum + countWords(nodeText({ type: 'doc', content: note.content ?? [] })),
    0,
  );
  return { body, footnotes };
}
