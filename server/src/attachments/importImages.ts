/**
 * The pictures of an imported Word document as attachments of the new report: each is checked and cleaned like an
 * upload (PNG, JPEG, GIF and WebP only; EMF, WMF, TIFF and the like cannot come), given an attachment id (one per
 * distinct picture) before the report exists, so the image blocks can point at it, and stored once the report is.
 */
import { attachmentPath, isImageType } from '../../../shared/attachments/kinds.ts';
import { newUuid } from '../../../shared/api/uuid.ts';
import { HttpError } from '../errors.ts';
import type { AttachmentService, PreparedAttachment } from './AttachmentService.ts';

export type ImportedImageOutcome = { src: string } | { refused: string };

export interface ImportedImagePlan {
  /** Package path -> what its image blocks become. */
  resolved: Map<string, ImportedImageOutcome>;
  /** What to store after the report is created, by attachment id. */
  toStore: { id: string; file: PreparedAttachment }[];
}

export async function planImportedImages(service: AttachmentService, reportId: string, media: Record<string, Uint8Array>): Promise<ImportedImagePlan> {
  const resolved = new Map<string, ImportedImageOutcome>();
  const toStore: { id: string; file: PreparedAttachment }[] = [];
  const byHash = new Map<string, string>();
  let bytes = 0;
  for (const [ref, data] of Object.entries(media)) {
    const name = ref.slice(ref.lastIndexOf('/') + 1);
    const ext = (name.split('.').pop() ?? '').toUpperCase();
    let file: PreparedAttachment;
    try {
      file = await service.prepare({ fileName: name, bytes: data });
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      resolved.set(ref, { refused: `a picture in ${ext || 'an unknown'} format` });
      continue;
    }
    if (!isImageType(file.type)) {
      resolved.set(ref, { refused: `a picture in ${ext || 'an unknown'} format` });
      continue;
    }
    let id = byHash.get(file.sha256);
    if (!id) {
      const { reportMaxBytes, reportMaxCount } = service.maxima;
      if (toStore.length + 1 > reportMaxCount || bytes + file.bytes.byteLength > reportMaxBytes) {
        resolved.set(ref, { refused: "a picture past the report's attachment limit" });
        continue;
      }
      id = newUuid();
      byHash.set(file.sha256, id);
      bytes += file.bytes.byteLength;
      toStore.push({ id, file });
    }
    resolved.set(ref, { src: attachmentPath(reportId, id) });
  }
  return { resolved, toStore };
}
