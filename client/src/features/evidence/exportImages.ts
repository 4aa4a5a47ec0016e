/**
 * The bytes of a report's images for an export made in the browser: from the device's cache (or the server, then
 * kept), or from the upload queue for one not uploaded yet. GIF and WebP are drawn to PNG, which Word and PDF take.
 */
import type { ExportImage } from '../../../../shared/export/model.ts';
import { imageSources } from '../../../../shared/export/imageSources.ts';
import type { PmNode } from '../../../../shared/report/content.ts';
import { attachmentBlob } from './attachmentCache.ts';

async function asExportImage(blob: Blob): Promise<ExportImage> {
  const bitmap = await createImageBitmap(blob);
  try {
    const { width, height } = bitmap;
    if (blob.type === 'image/png' || blob.type === 'image/jpeg') {
      return { bytes: new Uint8Array(await blob.arrayBuffer()), type: blob.type === 'image/png' ? 'png' : 'jpg', width, height };
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0);
    const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('no PNG'))), 'image/png'));
    return { bytes: new Uint8Array(await png.arrayBuffer()), type: 'png', width, height };
  } finally {
    bitmap.close();
  }
}

export async function browserExportImages(reportId: string, sections: { content: PmNode }[]): Promise<Record<string, ExportImage>> {
  const out: Record<string, ExportImage> = {};
  for (const { src, attachmentId } of imageSources(sections, reportId)) {
    try {
      out[src] = await asExportImage(await attachmentBlob(reportId, attachmentId));
    } catch {
      // Not on this device and no network: the export prints its alt text instead.
    }
  }
  return out;
}
