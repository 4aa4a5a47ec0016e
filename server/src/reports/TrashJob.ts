/**
 * Purges reports that have waited `trashDays` in the trash: hourly, on every node (two nodes purging the same
 * report at once is harmless: deleting what is gone deletes nothing). Purging goes through the same path as
 * deleting at once from the trash, so the text is erased from the database files (see SqlDriver.eraseDeleted).
 */
import type { Logger } from '../log.ts';
import type { ReportService } from './ReportService.ts';
import type { Storage } from '../storage/Storage.ts';

export class TrashJob {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly storage: Storage,
    private readonly reports: ReportService,
    private readonly log: Logger,
    private readonly options: { trashDays: number; now: () => number },
  ) {}

  /** When a report put in the trash at `deletedAt` is purged (ISO). */
  purgeAt(deletedAt: string): string {
    return new Date(Date.parse(deletedAt) + this.options.trashDays * 86_400_000).toISOString();
  }

  /** Purge every report in the trash for `trashDays` or longer; returns how many. */
  async purgeExpired(): Promise<number> {
    const before = new Date(this.options.now() - this.options.trashDays * 86_400_000).toISOString();
    const ids = await this.storage.deletedReportIdsBefore(before);
    for (const id of ids) await this.reports.delete(id);
    if (ids.length > 0) this.log.info('purged reports from the trash', { count: ids.length });
    return ids.length;
  }

  start(everyMs = 3600_000): void {
    const run = () => void this.purgeExpired().catch((err: unknown) => this.log.warn('purging the trash failed', { err }));
    run();
    this.timer = setInterval(run, everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
