/**
 * The device's catalogue of reports, in IndexedDB through Dexie. Report content is not here: each report's
 * Y.Doc has its own y-indexeddb database (see `sync/ReportSession.ts`). All schema versions live in this
 * one class, oldest first, each with the date it was added.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Role } from '../../../shared/api/roles.ts';
import type { ReportProgress } from '../../../shared/report/progress.ts';
import type { Deadline } from '../../../shared/deadlines/deadline.ts';

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
  // The fields below came with accounts; entries written before them lack them (none is indexed, so no new version).
  /** The account this copy was opened or made by; the list shows a signed-in account its own copies only. */
  accountId?: string;
  /** End-to-end encrypted (issue 11): synced through the encrypted transport, its title known only on devices. */
  encrypted?: boolean;
  /** That account's role on the report as last read from the server, so the report opens read-only offline too. */
  role?: Role | null;
  /** The coalition the report belongs to (for a report made offline, the one to create it in). */
  coalitionId?: string | null;
  /**
   * The server said the report was deleted (4410: it went to its owner's trash): the device copy is kept,
   * read-only, and shown in the trash view until the person removes it; cleared when the report is restored.
   */
  deletedOnServer?: boolean;
  /** When this device learned it (ISO): a server list asked for after it that still holds the report means it was restored. */
  deletedOnServerAt?: string;
  /** How far the report has come (its sections' statuses), as last seen on this device. */
  progress?: ReportProgress;
  /** The submission deadline on this device's copy of the cover (the report list sorts by it offline too). */
  deadline?: Deadline | null;
  /** Bursts of comments and suggestions made here that the server has not confirmed storing (issue 9). */
  discussionUnsyncedCount?: number;
  /** The server refused to take a report made here (e.g. no longer allowed to start the coalition's reports). */
  /** The server's refusal: its code, English message and params (worded in the interface language when shown). */
  publishRefused?: { code: string; message: string; params?: Record<string, string | number> } | null;
}

/** A report's image or file kept on this device, so the report opens offline with it (issue 12). */
export interface CachedAttachment {
  /** `<reportId>/<attachmentId>`. */
  key: string;
  reportId: string;
  blob: Blob;
  cachedAt: string;
}

/** A file added on this device that the server does not have yet; uploaded when the connection returns. */
export interface PendingUpload {
  /** The id the image node (or evidence entry) waits on. */
  id: string;
  reportId: string;
  /** Already stripped of metadata when it is an image. */
  blob: Blob;
  fileName: string;
  kind: 'image' | 'evidence';
  createdAt: string;
  /** The server refused it (type, size): kept to tell the person, not retried. The server's English words. */
  refused?: string;
  /** The refusal's error code and params, so it is said in the interface language of the moment it is shown. */
  refusedCode?: string;
  refusedParams?: Record<string, string | number>;
}

export class LocalDb extends Dexie {
  reports!: EntityTable<LocalReport, 'id'>;
  attachments!: EntityTable<CachedAttachment, 'key'>;
  pendingUploads!: EntityTable<PendingUpload, 'id'>;

  constructor(name = 'rightsdraft') {
    super(name);
    // 2025-11-23 v1: the catalogue of reports on this device.
    this.version(1).stores({ reports: 'id, lastOpenedAt' });
    // 2026-12-07 v2: images and files of reports kept on the device, and files waiting to be uploaded (issue 12).
    this.version(2).stores({ attachments: 'key, reportId', pendingUploads: 'id, reportId' });
  }
}

export const localDb = new LocalDb();
