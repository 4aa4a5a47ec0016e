/** Creating, finding and reading reports: the operations behind the reports API. */
import * as Y from 'yjs';
import type { CreateReportRequest, ReportContentResponse, ReportSummary } from '../../../shared/api/types.ts';
import { initReport } from '../../../shared/report/layout.ts';
import { reportContent } from '../../../shared/report/content.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import { EDITOR_SCHEMA_VERSION } from '../../../shared/schema/version.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { ReportRecord, Storage } from '../storage/Storage.ts';

export class ReportService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: DocumentRegistry,
  ) {}

  /**
   * Create a report, or return the existing one when a client repeats its POST with the same id (a report made
   * offline is posted again until the client sees the answer).
   */
  async create(input: Required<CreateReportRequest>): Promise<{ created: boolean; report: ReportSummary }> {
    const now = new Date().toISOString();
    const record: ReportRecord = {
      id: input.id,
      title: input.title,
      mechanism: input.mechanism,
      stateUnderReview: input.stateUnderReview,
      createdAt: now,
      updatedAt: now,
    };
    const doc = new Y.Doc();
    initReport(doc, { ...input, editorSchemaVersion: EDITOR_SCHEMA_VERSION, createdAt: now });
    const initial = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const result = await this.storage.createReport(record, roomName(record.id), initial);
    return { created: result.created, report: result.record };
  }

  get(id: string): Promise<ReportSummary | null> {
    return this.storage.getReport(id);
  }

  list(): Promise<ReportSummary[]> {
    return this.storage.listReports();
  }

  /** The report's current content, read from the live document (loaded for the call if needed). */
  async content(id: string): Promise<ReportContentResponse> {
    return this.registry.use(roomName(id), (live) => ({ id, ...reportContent(live.doc) }));
  }
}
