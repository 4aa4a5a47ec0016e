/** Run one export in a worker of its own and hand back the file; cancelling stops the worker at once. */
import type { ExportFailure, ExportJob, ExportWorkerMessage } from './exportJob.ts';

export interface ExportResult {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

export class ExportFailed extends Error {
  constructor(
    readonly code: ExportFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface ExportRun {
  result: Promise<ExportResult>;
  cancel(): void;
}

export function runExport(job: ExportJob, onProgress: (fraction: number) => void): ExportRun {
  const worker = new Worker(new URL('./exportWorker.ts', import.meta.url), { type: 'module', name: 'rightsdraft-export' });
  let settle: { resolve(r: ExportResult): void; reject(e: Error): void } | null = null;
  const result = new Promise<ExportResult>((resolve, reject) => {
    settle = { resolve, reject };
  });
  const finish = () => {
    worker.terminate();
    settle = null;
  };
  worker.onmessage = ({ data }: MessageEvent<ExportWorkerMessage>) => {
    if (data.type === 'progress') onProgress(data.fraction);
    else if (data.type === 'done') {
      settle?.resolve({ bytes: data.bytes, fileName: data.fileName, mimeType: data.mimeType });
      finish();
    } else {
      settle?.reject(new ExportFailed(data.code, data.message));
      finish();
    }
  };
  worker.onerror = (event) => {
    // The worker script itself could not load (offline with an old cache) or threw outside the job.
    event.preventDefault();
    // i18n-exempt: an error for code and logs; the dialog shows a message chosen by its code (ExportDialog failureMessage)
    settle?.reject(new ExportFailed('worker_unavailable', event.message || 'The export could not start.'));
    finish();
  };
  worker.postMessage(job);
  return {
    result,
    cancel: () => {
      settle?.reject(new ExportFailed('failed', 'cancelled'));
      finish();
    },
  };
}
