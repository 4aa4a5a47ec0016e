/** Creating, finding, reading and deleting reports: the operations behind the reports API. */
import * as Y from 'yjs';
import type { ReportContentResponse, ValidCreateReport } from '../../../shared/api/types.ts';
import { copyReport, initReport } from '../../../shared/report/layout.ts';
import { reportProgress, type ReportProgress } from '../../../shared/report/progress.ts';
import { reportContent } from '../../../shared/report/content.ts';
import { setCoverFields } from '../../../shared/report/coverFields.ts';
import { applyTemplate } from '../../../shared/templates/applyTemplate.ts';
import { exportInputFromDoc, type ExportInput } from '../../../shared/export/input.ts';
import { describeReportTag } from '../../../shared/report/tags.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { EDITOR_SCHEMA_VERSION } from '../../../shared/schema/version.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { ReportRecord, Storage } from '../storage/Storage.ts';

/** What the server stores as an encrypted report's title: never the real one. */
export const ENCRYPTED_TITLE = 'Encrypted report';

export class ReportService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: DocumentRegistry,
  ) {}

  /**
   * Create a report, or return the existing one when a client repeats its POST with the same id (a report made
   * offline is posted again until the client sees the answer).
   */
  async create(
    input: ValidCreateReport,
    owner: { userId: string; coalitionId: string | null },
    /** Writes initial content (an imported document) into the new report before it is first stored. */
    fill?: (doc: Y.Doc) => void,
  ): Promise<{ created: boolean; report: ReportRecord }> {
    const now = new Date().toISOString();
    if (input.encrypted) return this.createEncrypted(input, owner, now);
    const record: ReportRecord = {
      id: input.id,
      title: input.title,
      mechanism: input.mechanism,
      stateUnderReview: input.stateUnderReview,
      createdAt: now,
      updatedAt: now,
      ownerUserId: owner.userId,
      coalitionId: owner.coalitionId,
    };
    const doc = new Y.Doc();
    initReport(doc, { ...input, editorSchemaVersion: EDITOR_SCHEMA_VERSION, createdAt: now });
    // The template goes into the first stored update, so every client that opens the report sees the same
    // sections; a client that built them itself would add a second copy with other ids.
    const language = input.language ?? '';
    if (input.template) applyTemplate(doc, input.template, { mechanism: input.mechanism, submissionType: input.submissionType, language });
    if (input.submissionType) setCoverFields(doc, { submissionType: input.submissionType });
    if (language) setCoverFields(doc, { language });
    fill?.(doc);
    const initial = Y.encodeStateAsUpdate(doc);
    const progress = reportProgress(doc);
    doc.destroy();
    const result = await this.storage.createReport(record, roomName(record.id), initial);
    if (!result.created) return { created: false, report: result.record };
    await this.storage.setReportProgress(record.id, progress);
    return { created: true, report: { ...result.record, progress } };
  }

  /**
   * An end-to-end encrypted report: the catalogue row holds a placeholder title and no State (the browser keeps
   * the real ones inside the encrypted document), and the plain document stays empty; its first content arrives
   * as an encrypted snapshot from the creator's browser.
   */
  private async createEncrypted(input: ValidCreateReport, owner: { userId: string; coalitionId: string | null }, now: string) {
    const record: ReportRecord = {
      id: input.id,
      title: ENCRYPTED_TITLE,
      mechanism: input.mechanism,
      stateUnderReview: '',
      createdAt: now,
      updatedAt: now,
      ownerUserId: owner.userId,
      coalitionId: owner.coalitionId,
      encrypted: true,
    };
    const result = await this.storage.createReport(record, roomName(record.id), Y.encodeStateAsUpdate(new Y.Doc()));
    return { created: result.created, report: result.record };
  }

  /** The report's current content, read from the live document (loaded for the call if needed). */
  async content(id: string): Promise<ReportContentResponse> {
    return this.read(id, (doc) => ({ id, ...reportContent(doc) }));
  }

  /** Compute something from the report's current document (loaded for the call if needed). */
  async read<T>(id: string, fn: (doc: Y.Doc) => T): Promise<T> {
    return this.registry.use(roomName(id), (live) => fn(live.doc));
  }

  /**
   * What export needs from the report, read from the live document, with the discussion's open suggestions
   * applied to a copy when `suggestions` is 'accepted' (the live document is never changed).
   */
  async exportInput(id: string, suggestions: 'accepted' | 'rejected', organisations: string[]): Promise<ExportInput> {
    const sources = { describeTag: describeReportTag, organisations };
    return this.registry.use(roomName(id), (content) => {
      if (suggestions === 'rejected') return exportInputFromDoc(content.doc, sources);
      return this.registry.use(roomName(id, 'discussion'), (discussion) =>
        exportInputFromDoc(content.doc, { ...sources, suggestions: { discussion: discussion.doc, mode: suggestions } }),
      );
    });
  }

  /**
   * A new report holding what `sourceId`'s content document says now (text, sections, tags, statuses, cover
   * fields; not its history), owned by `owner`, with no versions, discussion or members of its own.
   */
  async duplicate(sourceId: string, fields: { id: string; title: string }, owner: { userId: string; coalitionId: string | null }): Promise<ReportRecord> {
    const now = new Date().toISOString();
    const { initial, progress } = await this.read(sourceId, (source) => {
      const doc = new Y.Doc();
      copyReport(doc, source, { title: fields.title, createdAt: now });
      const copied: { initial: Uint8Array; progress: ReportProgress } = { initial: Y.encodeStateAsUpdate(doc), progress: reportProgress(doc) };
      doc.destroy();
      return copied;
    });
    const source = await this.storage.getReport(sourceId);
    if (!source) throw new Error('the report to duplicate is gone');
    const record: ReportRecord = {
      id: fields.id,
      title: fields.title,
      mechanism: source.mechanism,
      stateUnderReview: source.stateUnderReview,
      createdAt: now,
      updatedAt: now,
      ownerUserId: owner.userId,
      coalitionId: owner.coalitionId,
    };
    const result = await this.storage.createReport(record, roomName(record.id), initial);
    if (!result.created) throw new Error('a new report id was taken');
    await this.storage.setReportProgress(record.id, progress);
    // The copy's cover holds the source's session and deadline: the catalogue says so at once.
    const schedule = { session: source.session ?? '', deadline: source.deadline ?? null };
    await this.storage.setReportSchedule(record.id, schedule);
    return { ...result.record, progress, ...schedule };
  }

  /**
   * Put the report in the trash: from now on storage answers as if it did not exist, so sync and every route
   * refuse it. Nothing of it is deleted. The caller then closes its connections and calls `unload`.
   */
  trash(id: string, by: string, at: string): Promise<boolean> {
    return this.storage.trashReport(id, by, at);
  }

  /**
   * Drop this node's loaded copies of a trashed report (other nodes drop theirs when they hear of it). Changes a
   * client sent in the last instant may not be stored; the client keeps them and sends them again if restored.
   */
  unload(id: string): void {
    for (const name of [roomName(id), roomName(id, 'discussion')]) this.registry.discard(name);
  }

  /** Delete the report and both its documents for good; nothing unstored of it is written afterwards. */
  async delete(id: string): Promise<void> {
    const names = [roomName(id), roomName(id, 'discussion')];
    for (const name of names) this.registry.discard(name);
    await this.storage.deleteReport(id, names);
  }
}
