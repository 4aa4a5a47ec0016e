/**
 * The bytes of a report's images for a server export, from storage. Only the report's own attachments are read;
 * GIF and WebP become PNG (the first frame), since Word and pdfmake take PNG and JPEG.
 */
import type { ExportImage } from '../../../shared/export/model.ts';
import { imageSources } from '../../../shared/export/imageSources.ts';
import type { PmNode } from '../../../shared/report/content.ts';
import type { Storage } from '../storage/Storage.ts';
import { MAX_IMAGE_PIXELS } from './cleanImage.ts';

export async function exportImages(storage: Storage, reportId: string, sections: { content: PmNode }[]): Promise<Record<string, ExportImage>> {
  const out: Record<string, ExportImage> = {};
  for (const { src, attachmentId } of imageSources(sections, reportId)) {
    const found = await storage.attachments.read(reportId, attachmentId);
    if (!found) continue;
    const { record, data } = found;
    if (record.mimeType === 'image/png' || record.mimeType === 'image/jpeg') {
      if (record.width && record.height) out[src] = { bytes: data, type: record.mimeType === 'image/png' ? 'png' : 'jpg', width: record.width, height: record.height };
      continue;
    }
    if (record.mimeType !== 'image/gif' && record.mimeType !== 'image/webp') continue;
    try {
      const { default: sharp } = await import('sharp');
      const { data: png, info } = await sharp(data, { limitInputPixels: MAX_IMAGE_PIXELS }).png().toBuffer({ resolveWithObject: true });
      out[src] = { bytes: new Uint8Array(png.buffer, png.byteOffset, png.byteLength), type: 'png', width: info.width, height: info.height };
    } catch {
      // Left out: the export prints its alt text instead.
    }
  }
  return out;
}
