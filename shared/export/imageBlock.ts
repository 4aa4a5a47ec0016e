/** An image node of the text as an export block, with the bytes the caller gathered for its `src`. */
import type { PmNode } from '../report/content.ts';
import { imageWidth } from '../schema/image.ts';
import type { ExportImage, ImageBlock } from './model.ts';

const text = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');

export function imageBlock(node: PmNode, images: Record<string, ExportImage>): ImageBlock {
  const a = node.attrs ?? {};
  const src = typeof a.src === 'string' ? a.src : '';
  const decorative = a.decorative === true || a.decorative === 'true';
  return {
    kind: 'image',
    image: (src && images[src]) || null,
    alt: decorative ? '' : text(a.alt),
    decorative,
    caption: text(a.caption),
    widthPercent: imageWidth(a.width),
  };
}

/** What an image that could not be exported leaves in the text. */
export function missingImageText(block: ImageBlock): string {
  return block.alt ? `[Image: ${block.alt}]` : '[Image]';
}

/** Width and height for a box `maxWidth` wide (any unit): the block's share of it, never larger than the image. */
export function fitImage(image: ExportImage, widthPercent: number, maxWidth: number, pixel: number): { width: number; height: number } {
  const width = Math.min((maxWidth * widthPercent) / 100, image.width * pixel);
  return { width: Math.round(width), height: Math.round((width * image.height) / image.width) };
}
