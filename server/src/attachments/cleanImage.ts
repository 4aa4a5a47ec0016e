/**
 * Every image is decoded and encoded again by sharp (libvips) before it is stored. What comes out is the picture
 * only: EXIF (camera, serial numbers, GPS position, time), XMP, IPTC, ICC profiles and PNG text chunks are not
 * copied (sharp keeps no metadata unless asked to). The EXIF orientation is applied to the pixels first, so the
 * picture stands the right way up without it. A browser strips the same before upload; this is for what any other
 * client sends, and for what a browser missed.
 */
import type { ImageType } from '../../../shared/attachments/kinds.ts';
import { HttpError } from '../errors.ts';

/** Decompression bombs: a tiny file that decodes to billions of pixels is refused before decoding. */
export const MAX_IMAGE_PIXELS = 50_000_000;

export interface CleanImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

export async function cleanImage(input: Uint8Array, type: ImageType): Promise<CleanImage> {
  // Loaded with the first image, not at start.
  const { default: sharp } = await import('sharp');
  const animated = type === 'image/gif' || type === 'image/webp';
  try {
    const image = sharp(input, { animated, limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'error' }).autoOrient();
    const encoded =
      type === 'image/png'
        ? image.png({ compressionLevel: 9 })
        : type === 'image/jpeg'
          ? image.jpeg({ quality: 90 })
          : type === 'image/gif'
            ? image.gif()
            : image.webp({ quality: 90 });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.pageHeight ?? info.height };
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message)) {
      throw new HttpError(422, 'unreadable_image', `This image is too large to process (more than ${MAX_IMAGE_PIXELS / 1_000_000} million pixels).`, 'file', { millions: MAX_IMAGE_PIXELS / 1_000_000 });
    }
    throw new HttpError(422, 'unreadable_image', 'This image could not be read; it may be damaged.', 'file');
  }
}
