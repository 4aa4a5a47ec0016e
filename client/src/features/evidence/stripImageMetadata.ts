/**
 * Before a picture leaves the device: decode it and draw it again on a canvas, which keeps the pixels only. EXIF
 * (camera, serial number, GPS position, time), XMP, IPTC and PNG text chunks do not survive; the EXIF orientation
 * is applied first (createImageBitmap's `imageOrientation: 'from-image'`), so the picture stays upright. The server
 * cleans again whatever reaches it (server/src/attachments/cleanImage.ts).
 */
export interface StrippedImage {
  blob: Blob;
  width: number;
  height: number;
  /** The name to upload it with (a GIF comes out as PNG: its animation is not kept). */
  fileName: string;
}

const OUTPUT: Record<string, string> = { 'image/jpeg': 'image/jpeg', 'image/png': 'image/png', 'image/webp': 'image/webp', 'image/gif': 'image/png' };
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' };

export function isStrippableImage(type: string): boolean {
  return type in OUTPUT;
}

export async function stripImageMetadata(file: Blob, name: string): Promise<StrippedImage> {
  const type = OUTPUT[file.type] ?? 'image/png';
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot prepare the image.');
    ctx.drawImage(bitmap, 0, 0);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('This browser cannot prepare the image.'))), type, 0.92),
    );
    const base = name.replace(/\.[^.]*$/, '') || 'image';
    return { blob, width: bitmap.width, height: bitmap.height, fileName: `${base}.${EXT[blob.type] ?? 'png'}` };
  } finally {
    bitmap.close();
  }
}
