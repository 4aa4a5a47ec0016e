/**
 * Versions of a report: named by people ("Sent to OHCHR, 15 March") or made automatically when an editing
 * session ends. A version holds the full state of both documents; restoring one applies it as new changes on
 * top of today's document, so nothing in the history is rewritten and collaborators online receive it.
 */
import * as Y from 'yjs';
import { newUuid } from '../../../shared/api/uuid.ts';
import { compareReports, type SectionComparison } from '../../../shared/report/compare.ts';
import { reportContent, type ReportContent } from '../../../shared/report/content.ts';
import { restoreReport } from '../../../shared/report/layout.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import { NotFound } from '../errors.ts';
import type { Storage, VersionRecord } from '../storage/Storage.ts';

export interface Author {
  id: string | null;
  name: string;
}

/** Origin of the changes a restore makes, for logs and for clients that label remote changes. */
export const RESTORE_ORIGIN = 'restore-version';

function stateVectorsEqual(a: Uint8Array, b: Uint8Array): boolean {
  const x = Y.decodeStateVector(a);
  const y = Y.decodeStateVector(b);
  if (x.size !== y.size) return false;
  for (const [client, clock] of x) if (y.get(client) !== clock) return false;
  return true;
}

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

export class VersionService {
  constructor(
    private readonly storage: Storage,
    private readonly registry: DocumentRegistry,
  ) {}

  private async states(reportId: string): Promise<{ content: Uint8Array; discussion: Uint8Array }> {
    const content = await this.registry.use(roomName(reportId), (live) => Y.encodeStateAsUpdate(live.doc));
    const discussion = await this.registry.use(roomName(reportId, 'discussion'), (live) => Y.encodeStateAsUpdate(live.doc));
    return { content, discussion };
  }

  async create(reportId: string, name: string, author: Author, auto = false): Promise<VersionRecord> {
    const { content, discussion } = await this.states(reportId);
    const record: VersionRecord = {
      id: newUuid(),
      reportId,
      name,
      auto,
      authorId: author.id,
      authorName: author.name,
      createdAt: new Date().toISOString(),
    };
    await this.storage.versions.create(record, content, discussion);
    return record;
  }

  /** After an editing session: keep a version if the text changed since the newest one. */
  async autoVersion(reportId: string, lastEditor: Author): Promise<VersionRecord | null> {
    if (!(await this.storage.getReport(reportId))) return null;
    const current = await this.registry.use(roomName(reportId), (live) => Y.encodeStateVector(live.doc));
    const latest = await this.storage.versions.latest(reportId);
    if (latest && stateVectorsEqual(Y.encodeStateVectorFromUpdate(latest.content), current)) return null;
    return this.create(reportId, `Editing session ended (${lastEditor.name})`, lastEditor, true);
  }

  list(reportId: string): Promise<VersionRecord[]> {
    return this.storage.versions.list(reportId);
  }

  private async stored(reportId: string, versionId: string) {
    const version = await this.storage.versions.get(reportId, versionId);
    if (!version) throw new NotFound('No version with this id.');
    return version;
  }

  async content(reportId: string, versionId: string): Promise<ReportContent & { id: string; version: VersionRecord }> {
    const { content, discussion: _d, ...version } = await this.stored(reportId, versionId);
    const doc = docFrom(content);
    try {
      return { id: reportId, ...reportContent(doc), version };
    } finally {
      doc.destroy();
    }
  }

  /** The content of a version, or of the live report for `current`. */
  private async contentOf(reportId: string, ref: string): Promise<ReportContent> {
    if (ref === 'current') return this.registry.use(roomName(reportId), (live) => reportContent(live.doc));
    return this.content(reportId, ref);
  }

  async compare(reportId: string, from: string, to: string): Promise<SectionComparison[]> {
    return compareReports(await this.contentOf(reportId, from), await this.contentOf(reportId, to));
  }

  /**
   * Restore a version. The state just before is kept as a version first, so a restore can itself be undone.
   * Returns that safety version.
   */
  async restore(reportId: string, versionId: string, by: Author): Promise<VersionRecord> {
    const target = await this.stored(reportId, versionId);
    const safety = await this.create(reportId, `Before restoring “${target.name}”`, by, true);
    const source = docFrom(target.content);
    try {
      await this.registry.use(roomName(reportId), async (live) => {
        restoreReport(live.doc, source, RESTORE_ORIGIN);
        await live.whenCommitted();
      });
    } finally {
      source.destroy();
    }
    return safety;
  }
}
