/**
 * The pictures of a Word file imported in the browser (into an open report, or as a new report made offline): each
 * is cleaned on this device like any image (stripImageMetadata), kept in the upload queue and uploaded when the
 * report is open and online; the image blocks wait for it by its queue id. What the browser cannot read is counted
 * in `skipped`.
 */
import { newUuid } from '../../../../shared/api/uuid.ts';
import { resolveImportedImages } from '../../../../shared/import/importedImages.ts';
import type { SplitResult } from '../../../../shared/import/index.ts';
import { stripImageMetadata } from './stripImageMetadata.ts';
import { queueUpload } from './uploadQueue.ts';

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' };

export interface PreparedImport {
  result: SplitResult;
  /** Put the pictures in the upload queue of the report they were written into. */
  queue(reportId: string): Promise<void>;
}

export async function prepareImportedImages(result: SplitResult): Promise<PreparedImport> {
  const resolved = new Map<string, { pending: string } | { refused: string }>();
  const waiting: { id: string; blob: Blob; fileName: string }[] = [];
  for (const [ref, bytes] of Object.entries(result.media ?? {})) {
    const name = ref.slice(ref.lastIndexOf('/') + 1);
    const ext = (name.split('.').pop() ?? '').toLowerCase();
    const type = TYPES[ext];
    if (!type) {
      resolved.set(ref, { refused: `a picture in ${ext.toUpperCase() || 'an unknown'} format` });
      continue;
    }
    try {
      const clean = await stripImageMetadata(new Blob([new Uint8Array(bytes)], { type }), name);
      const id = newUuid();
      waiting.push({ id, blob: clean.blob, fileName: clean.fileName });
      resolved.set(ref, { pending: id });
    } catch {
      resolved.set(ref, { refused: 'a picture this browser cannot read' });
    }
  }
  const skipped = { ...result.skipped, ...(result.skipped.which ? { which: [...result.skipped.which] } : {}) };
  const sections = resolveImportedImages(result.sections, resolved, skipped);
  return {
    result: { ...result, sections, skipped, media: {} },
    async queue(reportId) {
      for (const w of waiting) await queueUpload({ ...w, reportId, kind: 'image' });
    },
  };
}
