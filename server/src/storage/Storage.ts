/**
 * The storage port. Adapters move bytes and run SQL; Yjs encoding, merging and every decision about when
 * to store stay above this line (documents/). One contract suite (test/contract/) runs against each adapter.
 */
import type { Mechanism } from '../../../shared/api/mechanisms.ts';

export interface ReportRecord {
  id: string;
  title: string;
  mechanism: Mechanism;
  stateUnderReview: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredDocument {
  /** Every stored update of the document, oldest first. */
  updates: Uint8Array[];
  /** Sequence number of the newest row, 0 when the document has none. */
  lastSeq: number;
}

export interface DocumentStats {
  rows: number;
  bytes: number;
}

export interface Storage {
  /** Human-readable name for logs ("sqlite:/path", "postgres"). Never includes credentials. */
  readonly description: string;
  /** Bring the schema up to date. Safe to run on every start and from several nodes at once. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /**
   * Insert the report's catalogue row and its document's first update in one transaction. When the id exists
   * already nothing is written and the stored record comes back with `created: false`.
   */
  createReport(record: ReportRecord, docName: string, initialUpdate: Uint8Array): Promise<{ created: boolean; record: ReportRecord }>;
  getReport(id: string): Promise<ReportRecord | null>;
  listReports(): Promise<ReportRecord[]>;
  /** Keep the catalogue in step with the document's metadata (title, State) for listing without loading. */
  updateReportMeta(id: string, fields: Pick<ReportRecord, 'title' | 'stateUnderReview' | 'updatedAt'>): Promise<void>;

  loadDocument(docName: string): Promise<StoredDocument>;
  /** Append updates atomically (all or none) and return the sequence number of the last one. */
  appendUpdates(docName: string, updates: Uint8Array[]): Promise<number>;
  /** Replace every row up to and including `upToSeq` by one merged update, atomically. */
  compact(docName: string, upToSeq: number, merged: Uint8Array): Promise<void>;
  documentStats(docName: string): Promise<DocumentStats>;
}
