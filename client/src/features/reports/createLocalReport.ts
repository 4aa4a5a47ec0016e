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
import { setCoverFields, type SubmissionType } from '../../../../shared/report/coverFields.ts';
import type { TemplateId } from '../../../../shared/templates/templateIds.ts';
import { EDITOR_SCHEMA_VERSION } from '../../../../shared/schema/version.ts';
import { sectionTitle } from '../../../../shared/i18n/documentWords.ts';
import { addLocalReport } from '../../db/catalog.ts';
import { localDocName } from '../../sync/localDoc.ts';

export interface NewReportInput {
  title: string;
  mechanism: Mechanism;
  stateUnderReview: string;
  /** The coalition whose members get their default role on it; null for "just me". */
  coalitionId: string | null;
  /** The account creating it (its owner). */
  accountId: string;
  /** Written here, on the device; the report is then published without it (see features/treaty/createFromTemplate.ts). */
  template?: TemplateId | null;
  submissionType?: SubmissionType | null;
  /** The report's language (BCP 47): its cover's `language`, and the words of the sections it starts with. */
  language?: string;
  /** End-to-end encrypted (issue 11): published with a placeholder title, synced only as ciphertext. */
  encrypted?: boolean;
}

/** The sections a new report starts with, so the writer lands in an editor. */
const FIRST_SECTION = 'Introduction';

export interface NewReportOptions {
  /** Writes the report's first sections instead of the default one (import from Word, issue 6). */
  write?: (doc: Y.Doc) => void;
}

/** Returns the new report's id; the caller publishes it (see publish.ts) when online. */
export async function createLocalReport(input: NewReportInput, options: NewReportOptions = {}): Promise<string> {
  const id = newUuid();
  const doc = new Y.Doc();
  const { title, mechanism, stateUnderReview } = input;
  const language = input.language ?? '';
  initReport(doc, { title, mechanism, stateUnderReview, editorSchemaVersion: EDITOR_SCHEMA_VERSION });
  if (options.write) options.write(doc);
  else if (input.template) {
    // The template's section lists need the taxonomy: load it only for a report made from one.
    const { applyTemplate } = await import('../tagging/taxonomyModule.ts');
    applyTemplate(doc, input.template, { mechanism, submissionType: input.submissionType ?? null, language });
  } else {
    addSection(doc, { title: sectionTitle(FIRST_SECTION, language) });
  }
  if (input.submissionType) setCoverFields(doc, { submissionType: input.submissionType });
  if (language && !options.write) setCoverFields(doc, { language });
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
    accountId: input.accountId,
    role: 'owner',
    coalitionId: input.coalitionId,
    ...(input.encrypted ? { encrypted: true } : {}),
  });
  return id;
}
