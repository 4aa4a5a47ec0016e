/** Messages between the page and the export worker (exportWorker.ts). Plain data: they cross postMessage. */
import type { ExportInput } from '../../../../shared/export/input.ts';
import type { ExportFormat, ExportOptions } from '../../../../shared/export/options.ts';

export interface ExportJob {
  input: ExportInput;
  format: ExportFormat;
  options: ExportOptions;
  /** URL of each PDF font file by its name in PDF_FONT_FILES (the build's hashed asset URLs). */
  fontUrls: Record<string, string>;
}

/**
 * Why an export failed: the worker's code or the fonts could not be loaded (offline before they were cached), or
 * anything else.
 */
export type ExportFailure = 'worker_unavailable' | 'fonts_unavailable' | 'failed';

export type ExportWorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; bytes: Uint8Array; fileName: string; mimeType: string }
  | { type: 'error'; code: ExportFailure; message: string };
