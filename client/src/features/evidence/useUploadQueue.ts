/**
 * A report's upload queue while the report is open. `useUploadFlush` (mounted once per open report) keeps it moving:
 * at once, when the browser comes back online, when a file is queued, and every little while as long as something
 * waits (a server that was down comes back). `useQueueState` is what the page shows of it.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { flushUploads, onQueueChange, onQueued, queueState, type QueueState } from './uploadQueue.ts';

const RETRY_MS = 15_000;

export function useUploadFlush(reportId: string, doc: Y.Doc, canEdit: boolean): void {
  useEffect(() => {
    if (!canEdit) return;
    const flush = () => {
      if (navigator.onLine) void flushUploads(reportId, doc).catch(() => undefined);
    };
    const stopQueued = onQueued(flush);
    window.addEventListener('online', flush);
    const timer = window.setInterval(flush, RETRY_MS);
    flush();
    return () => {
      stopQueued();
      window.removeEventListener('online', flush);
      window.clearInterval(timer);
    };
  }, [reportId, doc, canEdit]);
}

export function useQueueState(reportId: string): QueueState {
  const [state, setState] = useState<QueueState>({ waiting: 0, refused: [] });
  useEffect(() => {
    let live = true;
    const refresh = () => void queueState(reportId).then((s) => live && setState(s), () => undefined);
    const stop = onQueueChange(refresh);
    refresh();
    return () => {
      live = false;
      stop();
    };
  }, [reportId]);
  return state;
}
