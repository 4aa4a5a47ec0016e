/**
 * Create a report on this device, online or not: the client picks the id, writes the first Y.Doc state to
 * IndexedDB and the catalogue entry as pending, then publishes it if it can. Loaded on demand (it pulls in
 * Yjs), so the report list stays light.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { newUuid } from '../../../../shared/api/uuid.ts';
import type { Mechanism } from '../../../../shared/api/mechanisms.ts';
import { addSection, getReportMeta, initReport } from '../../../../shared/report/layout.ts';
import { EDITOR_SCHEMA_VERSION } from '../../../../shared/schema/version.ts';
import { addLocalReport } from '../../db/catalog.ts';
import { localDocName } from '../../sync/localDoc.ts';
import { publishReport } from './publish.ts';

export interface NewReportInput {
  title: string;
  mechanism: Mechanism;
  stateUnderReview: string;
}

/** The sections a new report starts with, so the writer lands in an editor. */
const FIRST_SECTION = 'Introduction';

export interface NewReportOptions {
  /** Writes the report's first sections instead of the default one (import from Word, issue 6). */
  write?: (doc: Y.Doc) => void;
}

export async function createLocalReport(input: NewReportInput, options: NewReportOptions = {}): Promise<string> {
  const id = newUuid();
  const doc = new Y.Doc();
  initReport(doc, { ...input, editorSchemaVersion: EDITOR_SCHEMA_VERSION });
  if (options.write) options.write(doc);
  else addSection(doc, { title: FIRST_SECTION });
  const persistence = new IndexeddbPersistence(localDocName(id), doc);
  // whenSynced resolves once y-indexeddb has written the doc's state along with its first read.
  await persistence.whenSynced;
  const meta = getReportMeta(doc);
  await persistence.destroy();
  doc.destroy();
  const now = new Date().toISOString();
  await addLocalReport({
    id,
    title: meta.title,
    mechanism: meta.mechanism,
    stateUnderReview: meta.stateUnderReview,
    createdAt: meta.createdAt,
    pendingCreate: true,
    // The report itself is the first change waiting to sync: its sections and text exist only here.
    hasUnsyncedChanges: true,
    unsyncedChangeCount: 1,
    lastSyncedAt: null,
    lastOpenedAt: now,
  });
  if (navigator.onLine) void publishReport(id);
  return id;
}
