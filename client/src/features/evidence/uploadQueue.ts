/**
 * Files added on this device wait in IndexedDB (db/LocalDb.ts `pendingUploads`) until the server has them: an image
 * node or evidence entry in the text points at the waiting file by its `pending` id; once uploaded, the entry gets
 * its attachment path (a change to the report every collaborator receives) and the file moves to the device's cache.
 * The same path serves online and offline: an upload with the network up simply happens at once.
 */
import type * as Y from 'yjs';
import { attachmentPath } from '../../../../shared/attachments/kinds.ts';
import { resolvePendingEvidence } from '../../../../shared/report/evidence.ts';
import { resolvePendingImage } from '../../../../shared/report/images.ts';
import { ApiError, apiErrorMessage } from '../../api/http.ts';
import { localDb, type PendingUpload } from '../../db/LocalDb.ts';
import { cacheAttachment } from './attachmentCache.ts';
import { uploadAttachment } from './attachmentsApi.ts';

export interface QueueState {
  waiting: number;
  refused: Refusal[];
}

/** A file the server refused: its code, its English message and params, worded when shown (`refusalReason`). */
export interface Refusal {
  fileName: string;
  code?: string;
  message: string;
  params?: Record<string, string | number>;
}

/** Why the server refused a file, in the interface language as it is now (the server's words for old records). */
export function refusalReason(r: Refusal): string {
  return r.code ? apiErrorMessage(r.code, r.message, r.params) : r.message;
}

const listeners = new Set<() => void>();
const queuedListeners = new Set<() => void>();
const flushing = new Map<string, Promise<void>>();

export function onQueueChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Called when a file is added to the queue (not when one leaves it). */
export function onQueued(listener: () => void): () => void {
  queuedListeners.add(listener);
  return () => queuedListeners.delete(listener);
}

function changed(): void {
  for (const l of listeners) l();
}

export async function queueUpload(upload: Omit<PendingUpload, 'createdAt'>): Promise<void> {
  await localDb.pendingUploads.put({ ...upload, createdAt: new Date().toISOString() });
  changed();
  for (const l of queuedListeners) l();
}

export async function queueState(reportId: string): Promise<QueueState> {
  const all = await localDb.pendingUploads.where('reportId').equals(reportId).toArray();
  return {
    waiting: all.filter((u) => !u.refused).length,
    refused: all.filter((u) => u.refused).map((u) => ({ fileName: u.fileName, code: u.refusedCode, message: u.refused!, params: u.refusedParams })),
  };
}

export async function dismissRefused(reportId: string): Promise<void> {
  await localDb.pendingUploads.where('reportId').equals(reportId).filter((u) => !!u.refused).delete();
  changed();
}

async function uploadOne(reportId: string, doc: Y.Doc, u: PendingUpload): Promise<'done' | 'stop'> {
  try {
    const info = await uploadAttachment(reportId, u.blob, u.fileName);
    await cacheAttachment(reportId, info.id, u.blob).catch(() => undefined);
    const src = attachmentPath(reportId, info.id);
    if (u.kind === 'image') resolvePendingImage(doc, u.id, src);
    else resolvePendingEvidence(doc, u.id, src);
    await localDb.pendingUploads.delete(u.id);
    return 'done';
  } catch (err) {
    // Refused for what the file is (type, size, the report's limit, no longer a writer): kept to say so, not retried.
    if (err instanceof ApiError && err.status >= 400 && err.status < 500 && err.status !== 401 && err.status !== 429) {
      await localDb.pendingUploads.update(u.id, { refused: err.serverMessage, refusedCode: err.code, ...(err.params ? { refusedParams: err.params } : {}) });
      return 'done';
    }
    // Offline, signed out, server busy: try again later.
    return 'stop';
  }
}

/** Upload what waits for this report, oldest first, and point the text at it; one run per report at a time. */
export function flushUploads(reportId: string, doc: Y.Doc): Promise<void> {
  const running = flushing.get(reportId);
  if (running) return running;
  const run = (async () => {
    try {
      const waiting = (await localDb.pendingUploads.where('reportId').equals(reportId).sortBy('createdAt')).filter((u) => !u.refused);
      for (const u of waiting) {
        if ((await uploadOne(reportId, doc, u)) === 'stop') break;
        changed();
      }
    } finally {
      flushing.delete(reportId);
      changed();
    }
  })();
  flushing.set(reportId, run);
  return run;
}
