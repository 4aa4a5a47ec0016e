/**
 * Images and files of reports kept on this device (Dexie, see db/LocalDb.ts), so a report opens offline with its
 * pictures. An attachment is fetched once and kept; a file added here and not yet uploaded is read from the upload
 * queue. Both come back as object URLs (the app's CSP allows blob: images).
 */
import { parseAttachmentPath } from '../../../../shared/attachments/kinds.ts';
import { localDb } from '../../db/LocalDb.ts';
import { fetchAttachment } from './attachmentsApi.ts';

const urls = new Map<string, string>();

function objectUrl(key: string, blob: Blob): string {
  let url = urls.get(key);
  if (!url) {
    url = URL.createObjectURL(blob);
    urls.set(key, url);
  }
  return url;
}

export async function cacheAttachment(reportId: string, attachmentId: string, blob: Blob): Promise<void> {
  await localDb.attachments.put({ key: `${reportId}/${attachmentId}`, reportId, blob, cachedAt: new Date().toISOString() });
}

/** The attachment's bytes: from the device when kept there, else from the server (then kept). */
export async function attachmentBlob(reportId: string, attachmentId: string): Promise<Blob> {
  const key = `${reportId}/${attachmentId}`;
  const kept = await localDb.attachments.get(key);
  if (kept) return kept.blob;
  const blob = await fetchAttachment(reportId, attachmentId);
  await cacheAttachment(reportId, attachmentId, blob).catch(() => undefined);
  return blob;
}

/** An object URL for an image node's `src` (an attachment path) or `pending` id; null when neither can be had. */
export async function imageUrl(src: string | null, pending: string | null): Promise<string | null> {
  const path = src ? parseAttachmentPath(src) : null;
  if (path) {
    const key = `${path.reportId}/${path.attachmentId}`;
    if (urls.has(key)) return urls.get(key)!;
    return objectUrl(key, await attachmentBlob(path.reportId, path.attachmentId));
  }
  if (pending) {
    const waiting = await localDb.pendingUploads.get(pending);
    return waiting ? objectUrl(`pending/${pending}`, waiting.blob) : null;
  }
  return null;
}
