/**
 * What each report holds in storage, against `REPORT_MAX_BYTES`: the update rows of its two documents (content and
 * discussion) and its versions. Versions count because each holds a full copy: without it three versions of a
 * report with one 8 MiB paste would add 25 MB unchecked.
 *
 * The figure is read from the database when a document of the report loads, after each compaction, after versions
 * are made or deleted, and at least every REFRESH_MS while changes arrive; in between, every stored batch (this
 * node's, and those other nodes publish) is added to it. A change that would take the report past the limit is
 * refused before it is applied. A change that only deletes (no new content) is always accepted, so people can
 * make room: the document is compacted after it, which drops the deleted text from storage.
 */
import { roomName } from '../../../shared/protocol/rooms.ts';
import type { Logger } from '../log.ts';
import type { Storage } from '../storage/Storage.ts';
import type { ClientChange } from './LiveDocument.ts';

const REFRESH_MS = 10_000;
/** Readings in a row while changes keep being stored; after them the figure may over-count until the next. */
const READ_ATTEMPTS = 3;
/** A change without new content larger than this is not a deletion anyone types. */
const MAX_DELETION_BYTES = 64 * 1024;

/** The report is at its stored-size limit: the change is refused (sync: close code 4507; API: 413). */
export class ReportFullError extends Error {}

interface Entry {
  /** Bytes in storage at the last reading. */
  base: number;
  /** Bytes stored since that reading began. */
  since: number;
  readAt: number;
  reading: Promise<void> | null;
}

export class ReportSizes {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly storage: Storage,
    readonly maxBytes: number,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  /** Make sure the report's size is known (called when one of its documents loads). */
  async ensure(reportId: string): Promise<void> {
    const entry = this.entries.get(reportId);
    if (!entry) await this.refresh(reportId);
    else if (entry.reading && entry.readAt === 0) await entry.reading;
  }

  /**
   * Read the report's size from storage again (one reading at a time). A batch stored while a reading is under way
   * may or may not be in what it reads, so it stays counted as "since" (never under-counted) and is read again at
   * once, until a reading saw nothing stored meanwhile (at most READ_ATTEMPTS): then the figure is exact, and a
   * version that fits is not refused for bytes counted twice.
   */
  refresh(reportId: string): Promise<void> {
    let entry = this.entries.get(reportId);
    if (!entry) {
      entry = { base: 0, since: 0, readAt: 0, reading: null };
      this.entries.set(reportId, entry);
    }
    if (entry.reading) return entry.reading;
    const e = entry;
    e.reading = this.readUntilQuiet(reportId, e).finally(() => {
      e.reading = null;
    });
    return e.reading;
  }

  private async readUntilQuiet(reportId: string, e: Entry): Promise<void> {
    for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      const sinceAtStart = e.since;
      let read: { documents: number; versions: number };
      try {
        read = await this.storage.reportStoredBytes(reportId, [roomName(reportId), roomName(reportId, 'discussion')]);
      } catch (err) {
        // Keep the figure so far; the next refresh tries again.
        this.log.warn('could not read the stored size of a report', { reportId, err });
        if (e.readAt === 0) e.readAt = 1;
        return;
      }
      const storedMeanwhile = e.since - sinceAtStart;
      e.base = read.documents + read.versions;
      e.since = storedMeanwhile;
      e.readAt = this.now();
      if (storedMeanwhile === 0) return;
    }
  }

  /** Bytes the report holds now, as far as this node knows. */
  used(reportId: string): number {
    const e = this.entries.get(reportId);
    return e ? e.base + e.since : 0;
  }

  /** A batch of the report's changes was stored (here or on another node). */
  stored(reportId: string, bytes: number): void {
    const e = this.entries.get(reportId);
    if (!e) return;
    e.since += bytes;
    if (this.now() - e.readAt > REFRESH_MS) void this.refresh(reportId);
  }

  /** Whether the change only deletes, which is accepted even at the limit. */
  static onlyDeletes(change: ClientChange): boolean {
    return change.decoded.structs.length === 0 && change.update.byteLength <= MAX_DELETION_BYTES;
  }

  /** Refuse a change that would take the report past its limit (`pending`: bytes applied, not stored yet). */
  check(reportId: string, change: ClientChange, pending: number): void {
    if (ReportSizes.onlyDeletes(change)) return;
    const after = this.used(reportId) + pending + change.update.byteLength;
    if (after > this.maxBytes) {
      throw new ReportFullError(`report ${reportId} would hold ${after} bytes, over its limit of ${this.maxBytes}`);
    }
  }

  /** Whether `bytes` more would fit (for versions). */
  fits(reportId: string, bytes: number): boolean {
    return this.used(reportId) + bytes <= this.maxBytes;
  }

  forget(reportId: string): void {
    this.entries.delete(reportId);
  }
}
