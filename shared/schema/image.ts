/**
 * An image in the text: a block holding one attachment of the report (`src` is its path,
 * /api/reports/<report>/attachments/<id>), its alternative text, whether it is decorative (then it has no alt text
 * on purpose), an optional caption, and its width as a percentage of the text width.
 *
 * An image added on a device that is offline has no `src` yet but a `pending` id (the device keeps the file and
 * uploads it when the connection returns, then sets `src` and clears `pending`); other people see a placeholder
 * until then.
 *
 * Only attachment paths are kept: pasted HTML pointing at another host, or at data: URLs, does not become an image,
 * so no page of the app ever loads a picture from a third party.
 */
import { Node, mergeAttributes } from '@tiptap/core';
import { parseAttachmentPath } from '../attachments/kinds.ts';
import { IMAGE_NODE } from './nodeNames.ts';

export { IMAGE_NODE };

export interface ImageAttrs {
  src: string | null;
  pending: string | null;
  alt: string;
  decorative: boolean;
  caption: string;
  /** Percent of the text width, 10 to 100. */
  width: number;
}

export const MIN_IMAGE_WIDTH = 10;

export function imageWidth(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isFinite(n)) return 100;
  return Math.min(100, Math.max(MIN_IMAGE_WIDTH, Math.round(n)));
}

/** A src worth keeping: an attachment path, nothing else. */
export function safeImageSrc(raw: unknown): string | null {
  return typeof raw === 'string' && parseAttachmentPath(raw) ? raw : null;
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    image: {
      /** Insert an image block at the selection. */
      insertImage: (attrs: Partial<ImageAttrs>) => ReturnType;
    };
  }
}

export const Image = Node.create({
  name: IMAGE_NODE,
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      src: { default: null, parseHTML: (el) => safeImageSrc(el.querySelector('img')?.getAttribute('src') ?? el.getAttribute('src')), renderHTML: () => ({}) },
      pending: { default: null, renderHTML: () => ({}) },
      alt: { default: '', parseHTML: (el) => (el.querySelector('img') ?? el).getAttribute('alt') ?? '', renderHTML: () => ({}) },
      decorative: { default: false, parseHTML: (el) => el.getAttribute('data-decorative') === 'true', renderHTML: () => ({}) },
      caption: { default: '', parseHTML: (el) => el.querySelector('figcaption')?.textContent ?? '', renderHTML: () => ({}) },
      width: { default: 100, parseHTML: (el) => imageWidth(el.getAttribute('data-width') ?? 100), renderHTML: () => ({}) },
    };
  },

  parseHTML() {
    // Our own figures, and a plain <img> only when it points at an attachment (see above).
    return [
      { tag: 'figure[data-image]' },
      { tag: 'img[src]', getAttrs: (el) => (safeImageSrc((el as HTMLElement).getAttribute('src')) ? null : false) },
    ];
  },

  renderHTML({ node, HTMLAttributes }) {
    const src = safeImageSrc(node.attrs.src);
    const width = imageWidth(node.attrs.width);
    const img = ['img', { ...(src ? { src } : {}), alt: node.attrs.decorative ? '' : String(node.attrs.alt ?? ''), style: `width: ${width}%` }];
    const caption = String(node.attrs.caption ?? '');
    const attrs = mergeAttributes(HTMLAttributes, { 'data-image': '', 'data-width': String(width), 'data-decorative': node.attrs.decorative ? 'true' : 'false' });
    return caption ? ['figure', attrs, img, ['figcaption', caption]] : ['figure', attrs, img];
  },

  addCommands() {
    return {
      insertImage:
        (attrs) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs }),
    };
  },
});
