/**
 * Export and Word import for the API, run on the office worker threads. Failures become API errors: a full
 * queue is 503 `busy` (with Retry-After), a task stopped for time is 503 `too_long`, a dead worker is 500
 * `export_failed`; a file the parser refuses keeps its ImportError code.
 */
import type { ExportedFile, ExportFormat, ExportInput, ExportOptions } from '../../../shared/export/index.ts';
import type { ImportLimits, SplitResult } from '../../../shared/import/index.ts';
import { ImportError, type ImportErrorCode } from '../../../shared/import/ImportError.ts';
import { HttpError, ServiceUnavailable } from '../errors.ts';
import type { Logger } from '../log.ts';
import { metrics, secondsSince } from '../metrics/metrics.ts';
import { workerEntry } from '../runtimeLayout.ts';
import type { OfficeResult, OfficeTask } from './officeTasks.ts';
import { WorkerPool, WorkerPoolBusy, WorkerPoolClosed, WorkerTaskError, WorkerTaskTimeout, type WorkerPoolOptions } from './WorkerPool.ts';

const ENTRY = workerEntry('officeWorker');
const IMPORT_ERROR_CODES: readonly string[] = ['not_a_zip', 'not_a_document', 'too_large', 'too_many_entries', 'invalid_xml'] satisfies ImportErrorCode[];

export class OfficeWorkers {
  private readonly pool: WorkerPool<OfficeTask, OfficeResult>;

  constructor(
    options: WorkerPoolOptions,
    private readonly log: Logger,
  ) {
    this.pool = new WorkerPool(ENTRY, options, log);
  }

  async export(input: ExportInput, format: ExportFormat, options: ExportOptions): Promise<ExportedFile> {
    const started = metrics.enabled ? performance.now() : 0;
    const file = (await this.run({ kind: 'export', input, format, options }, 'export')) as ExportedFile;
    if (metrics.enabled) metrics.exportSeconds(format, secondsSince(started));
    return file;
  }

  /** Parse a .docx into sections; throws ImportError for a file that is not a Word document. */
  async parseDocx(bytes: Uint8Array, headingLevel: number, limits: ImportLimits): Promise<SplitResult> {
    return (await this.run({ kind: 'import', bytes, headingLevel, limits }, 'import')) as SplitResult;
  }

  stats(): ReturnType<WorkerPool<OfficeTask, OfficeResult>['stats']> {
    return this.pool.stats();
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  private async run(task: OfficeTask, what: 'export' | 'import'): Promise<OfficeResult> {
    try {
      return await this.pool.run(task);
    } catch (err) {
      if (err instanceof WorkerTaskError && err.code && IMPORT_ERROR_CODES.includes(err.code)) {
        throw new ImportError(err.code as ImportErrorCode, err.message, err.params);
      }
      if (err instanceof WorkerPoolBusy) throw new ServiceUnavailable('busy', err.message, 30);
      if (err instanceof WorkerPoolClosed) throw new ServiceUnavailable('shutting_down', err.message, 10);
      if (err instanceof WorkerTaskTimeout) {
        throw new ServiceUnavailable('too_long', `The ${what} took too long and was stopped; try again when the server is less busy.`, 60, { what });
      }
      this.log.error(`${what} failed`, { err });
      throw new HttpError(500, `${what}_failed`, `The ${what} could not be completed.`);
    }
  }
}
