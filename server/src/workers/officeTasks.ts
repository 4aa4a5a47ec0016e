/** The tasks the office worker threads run, and what they answer; shared by the pool's caller and the worker. */
import type { ExportedFile, ExportFormat, ExportInput, ExportOptions } from '../../../shared/export/index.ts';
import type { ImportLimits, SplitResult } from '../../../shared/import/index.ts';

export interface ExportTask {
  kind: 'export';
  input: ExportInput;
  format: ExportFormat;
  options: ExportOptions;
}

export interface ImportTask {
  kind: 'import';
  bytes: Uint8Array;
  headingLevel: number;
  limits: ImportLimits;
}

export type OfficeTask = ExportTask | ImportTask;
export type OfficeResult = ExportedFile | SplitResult;
