/**
 * The device's catalogue of reports, in IndexedDB through Dexie. Report content is not here: each report's
 * Y.Doc has its own y-indexeddb database (see `sync/ReportSession.ts`). All schema versions live in this
 * one class, oldest first, each with the date it was added.
 */
import Dexie, { type EntityTable } from 'dexie';

export interface LocalReport {
  id: string;
  title: string;
  mechanism: string;
  stateUnderReview: string;
  createdAt: string;
  /** Created on this device and not yet accepted by the server: it must be POSTed before it can sync. */
  pendingCreate: boolean;
  /** Edits exist on this device that the server has not confirmed storing. */
  hasUnsyncedChanges: boolean;
  /** How many bursts of editing are waiting, for "3 changes waiting to sync". */
  unsyncedChangeCount: number;
  /** When the server last confirmed it holds every change made here (ISO), or null if never. */
  lastSyncedAt: string | null;
  /** When the report was last opened or created on this device (ISO); the list sorts by it. */
  lastOpenedAt: string;
}

export class LocalDb extends Dexie {
  reports!: EntityTable<LocalReport, 'id'>;

  constructor(name = 'rightsdraft') {
    super(name);
    // 2025-11-23 v1: the catalogue of reports on this device.
    this.version(1).stores({ reports: 'id, lastOpenedAt' });
  }
}

export const localDb = new LocalDb();
