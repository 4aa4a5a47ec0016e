/**
 * Versions of a report: named by people ("Sent to OHCHR, 15 March") or made automatically: when an editing session
 * ends, at least every `everyMs` of editing, before a change that deletes a large part of the report, and before a
 * restore. A version holds the full state of both documents; restoring one applies it as new changes on top of
 * today's document, so nothing in the history is rewritten and collaborators online receive it.
 *
 * Versions count toward the report's stored size (ReportSizes): a named version past the limit is refused (413); an
 * automatic one makes room by dropping the oldest automatic versions, or is skipped (and logged) if it cannot.
 * Automatic versions are thinned as they age (thinning.ts); owners may delete any version.
 */
import * as Y from 'yjs';
import { newUuid } from '../../../shared/api/uuid.ts';
import type { VersionKind } from '../../../shared/api/versionKinds.ts';
import { compareReports, type SectionComparison } from '../../../shared/report/compare.ts';
import { reportContent, type ReportContent } from '../../../shared/report/content.ts';
import type { DeletionMeasure } from '../../../shared/report/largeDeletion.ts';
import { restoreReport } from '../../../shared/report/layout.ts';
import { roomName } from '../../../shared/protocol/rooms.ts';
import type { DocumentRegistry } from '../documents/DocumentRegistry.ts';
import type { ReportSizes } from '../documents/ReportSizes.ts';
import { HttpError, NotFound } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Storage, VersionRecord } from '../storage/Storage.ts';
import { versionsToThin } from './thinning.ts';

export interface Author {
  id: string | null;
  name: string;
}

export interface VersionOptions {
  /** Take an automatic version at least this often while a report is being edited. */
  everyMs: number;
  now: () => number;
}

/** Origin of the changes a restore makes, for logs and for clients that label remote changes. */
export const RESTORE_ORIGIN = 'restore-version';

/** A second large deletion this soon after one that was versioned is covered by that version. */
const DELETION_VERSION_GAP_MS = 60_000;

/** The report cannot hold another version (413). */
export class ReportFull extends HttpError {
  constructor(maxBytes: number) {
    super(
      413,
      'report_full',
      `This report has reached its storage limit (${Math.round(maxBytes / 1024 / 1024)} MiB). Delete old versions or remove large pasted content first.`,
    );
  }
}

/** "Before Edwin Okafor deleted 3 sections (360 words)", "Before Edwin Okafor deleted 1,200 words". */
export function deletionVersionName(author: Author, deleted: DeletionMeasure): string {
  const words = `${deleted.words.toLocaleString('en-GB')} ${deleted.words === 1 ? 'word' : 'words'}`;
  const n = deleted.sections.length;
  if (n === 0) return `Before ${author.name} deleted ${words}`;
  return `Before ${author.name} deleted ${n === 1 ? 'a section' : `${n} sections`} (${words})`;
}

function stateVectorsEqual(a: Uint8Array, b: Uint8Array): boolean {
  const x = Y.decodeStateVector(a);
  const y = Y.decodeStateVector(b);
  if (x.size !== y.size) return false;
  for (const [client, clock] of x) if (y.get(client) !== clock) return false;
  return true;
}

/** The change that restores `source` onto `doc`, made on a copy of it: its size is known before it is applied. */
function restoreChange(doc: Y.Doc, source: Y.Doc): Uint8Array {
  const copy = docFrom(Y.encodeStateAsUpdate(doc));
  try {
    const before = Y.encodeStateVector(copy);
    restoreReport(copy, source);
    return Y.encodeStateAsUpdate(copy, before);
  } finally {
    copy.destroy();
  }
}

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

export class VersionService {
  /** Per report: when this node last knew of a version (for periodic versions), and who last edited here. */
  private readonly lastVersionAt = new Map<string, number>();
  private readonly lastDeletionVersionAt = new Map<string, number>();
  private readonly lastEditor = new Map<string, Author>();
  private readonly periodicInFlight = new Set<string>();

  constructor(
    private readonly storage: Storage,
    private readonly registry: DocumentRegistry,
    private readonly sizes: ReportSizes,
    private readonly log: Logger,
    private readonly options: VersionOptions,
  ) {}

  private isoNow(): string {
    return new Date(this.options.now()).toISOString();
  }

  private async contentState(reportId: string): Promise<Uint8Array> {
    return this.registry.use(roomName(reportId), (live) => Y.encodeStateAsUpdate(live.doc));
  }

  private async discussionState(reportId: string): Promise<Uint8Array> {
    return this.registry.use(roomName(reportId, 'discussion'), (live) => Y.encodeStateAsUpdate(live.doc));
  }

  private record(reportId: string, name: string, author: Author, kind: VersionKind, bytes: number): VersionRecord {
    return {
      id: newUuid(),
      reportId,
      name,
      auto: kind !== 'named',
      kind,
      authorId: author.id,
      authorName: author.name,
      createdAt: this.isoNow(),
      bytes,
    };
  }

  /** A version named by a person; refused with 413 when the report cannot hold it. */
  async create(reportId: string, name: string, author: Author): Promise<VersionRecord> {
    const content = await this.contentState(reportId);
    const discussion = await this.discussionState(reportId);
    const bytes = content.byteLength + discussion.byteLength;
    await this.sizes.refresh(reportId);
    if (!this.sizes.fits(reportId, bytes)) throw new ReportFull(this.sizes.maxBytes);
    const record = this.record(reportId, name, author, 'named', bytes);
    await this.storage.versions.create(record, content, discussion);
    await this.stored(reportId);
    return record;
  }

  /**
   * Store an automatic version, dropping the oldest automatic versions if the report cannot hold it otherwise.
   * Returns null when it cannot fit even so (the report's own documents fill it).
   */
  private async createAuto(
    reportId: string,
    name: string,
    author: Author,
    kind: Exclude<VersionKind, 'named'>,
    content: Uint8Array,
    discussion: Uint8Array,
    unlessNewerThan?: string,
    makeRoom = true,
  ): Promise<VersionRecord | null> {
    const bytes = content.byteLength + discussion.byteLength;
    await this.sizes.refresh(reportId);
    if (!this.sizes.fits(reportId, bytes)) {
      if (!makeRoom) return null;
      const autos = (await this.storage.versions.list(reportId)).filter((v) => v.auto).reverse();
      let over = this.sizes.used(reportId) + bytes - this.sizes.maxBytes;
      const drop: string[] = [];
      for (const v of autos) {
        if (over <= 0) break;
        drop.push(v.id);
        over -= v.bytes;
      }
      if (over > 0) {
        this.log.warn('automatic version skipped: the report is at its size limit', { reportId, kind, bytes });
        return null;
      }
      await this.storage.versions.delete(reportId, drop);
      this.log.info('dropped the oldest automatic versions to make room', { reportId, dropped: drop.length });
    }
    const record = this.record(reportId, name, author, kind, bytes);
    if (unlessNewerThan) {
      if (!(await this.storage.versions.createUnlessNewerThan(record, content, discussion, unlessNewerThan))) return null;
    } else {
      await this.storage.versions.create(record, content, discussion);
    }
    await this.stored(reportId);
    void this.thin(reportId).catch((err: unknown) => this.log.warn('thinning versions failed', { reportId, err }));
    return record;
  }

  private async stored(reportId: string): Promise<void> {
    this.lastVersionAt.set(reportId, this.options.now());
    await this.sizes.refresh(reportId);
  }

  /** After an editing session: keep a version if the text changed since the newest one. */
  async autoVersion(reportId: string, lastEditor: Author): Promise<VersionRecord | null> {
    if (!(await this.storage.getReport(reportId))) return null;
    const content = await this.contentState(reportId);
    const latest = await this.storage.versions.latest(reportId);
    if (latest && stateVectorsEqual(Y.encodeStateVectorFromUpdate(latest.content), Y.encodeStateVectorFromUpdate(content))) return null;
    const discussion = await this.discussionState(reportId);
    return this.createAuto(reportId, `Editing session ended (${lastEditor.name})`, lastEditor, 'session-end', content, discussion);
  }

  /**
   * A client's change is about to delete a large part of the report: keep `contentBefore` (the state just before
   * it) as a version. The change's store waits for this (LiveDocument.receive), so the deletion is never stored
   * or relayed without the version. Only the node that received the change takes it.
   */
  async beforeDeletion(reportId: string, contentBefore: Uint8Array, author: Author, deleted: DeletionMeasure): Promise<VersionRecord | null> {
    const last = this.lastDeletionVersionAt.get(reportId);
    if (last !== undefined && this.options.now() - last < DELETION_VERSION_GAP_MS) return null;
    this.lastDeletionVersionAt.set(reportId, this.options.now());
    const discussion = await this.discussionState(reportId);
    const record = await this.createAuto(reportId, deletionVersionName(author, deleted), author, 'before-deletion', contentBefore, discussion);
    if (record) this.log.info('kept a version before a large deletion', { reportId, versionId: record.id });
    return record;
  }

  /** Someone's change was stored on this node (for the name on periodic versions). */
  noteEditor(reportId: string, author: Author): void {
    this.lastEditor.set(reportId, author);
  }

  /**
   * Called as the report's changes are stored: take an automatic version when the newest one is `everyMs` old. Once
   * per report across nodes: the insert is skipped when another node made a version meanwhile.
   */
  async maybePeriodic(reportId: string): Promise<VersionRecord | null> {
    if (this.periodicInFlight.has(reportId)) return null;
    const now = this.options.now();
    let last = this.lastVersionAt.get(reportId);
    if (last === undefined) {
      // First edit seen here: the newest stored version, or now (the report has none: count from its first edit).
      last = now;
      this.lastVersionAt.set(reportId, now);
      this.periodicInFlight.add(reportId);
      try {
        const [newest] = await this.storage.versions.list(reportId);
        if (newest) this.lastVersionAt.set(reportId, (last = Date.parse(newest.createdAt)));
      } finally {
        this.periodicInFlight.delete(reportId);
      }
    }
    if (now - last < this.options.everyMs) return null;
    this.periodicInFlight.add(reportId);
    try {
      if (!(await this.storage.getReport(reportId))) return null;
      const author = this.lastEditor.get(reportId) ?? { id: null, name: 'unknown' };
      const content = await this.contentState(reportId);
      const discussion = await this.discussionState(reportId);
      const since = new Date(now - this.options.everyMs).toISOString();
      const record = await this.createAuto(reportId, `During editing (${author.name})`, author, 'periodic', content, discussion, since);
      if (!record) {
        // Another node made one meanwhile (or there was no room): count from the newest.
        const [newest] = await this.storage.versions.list(reportId);
        this.lastVersionAt.set(reportId, newest ? Date.parse(newest.createdAt) : now);
      }
      return record;
    } finally {
      this.periodicInFlight.delete(reportId);
    }
  }

  list(reportId: string): Promise<VersionRecord[]> {
    return this.storage.versions.list(reportId);
  }

  /** Delete a version (owners); its bytes are overwritten in SQLite and the write-ahead log emptied. */
  async delete(reportId: string, versionId: string): Promise<void> {
    if ((await this.storage.versions.delete(reportId, [versionId])) === 0) throw new NotFound('No version with this id.');
    await this.storage.eraseDeleted();
    await this.sizes.refresh(reportId);
  }

  /** Drop the automatic versions the thinning rule no longer keeps. */
  async thin(reportId: string): Promise<number> {
    const drop = versionsToThin(await this.storage.versions.list(reportId), new Date(this.options.now()));
    if (drop.length === 0) return 0;
    const n = await this.storage.versions.delete(reportId, drop);
    await this.sizes.refresh(reportId);
    return n;
  }

  /** Thin every report's versions (on a timer). */
  async thinAll(): Promise<number> {
    let n = 0;
    for (const report of await this.storage.listReports()) n += await this.thin(report.id);
    if (n > 0) await this.storage.eraseDeleted();
    return n;
  }

  private async storedVersion(reportId: string, versionId: string) {
    const version = await this.storage.versions.get(reportId, versionId);
    if (!version) throw new NotFound('No version with this id.');
    return version;
  }

  async content(reportId: string, versionId: string): Promise<ReportContent & { id: string; version: VersionRecord }> {
    const { content, discussion: _d, ...version } = await this.storedVersion(reportId, versionId);
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
   * Restore a version. The state just before is kept as a version first, so a restore can itself be undone
   * (refused with 413 when the report has no room for it: no version is dropped for it, not even automatic ones,
   * since the one being restored might be among them). Returns that safety version.
   */
  async restore(reportId: string, versionId: string, by: Author): Promise<VersionRecord> {
    const target = await this.storedVersion(reportId, versionId);
    const source = docFrom(target.content);
    try {
      const content = await this.contentState(reportId);
      const discussion = await this.discussionState(reportId);
      // The report must hold the version of today's state and the restore's change, or nothing is done.
      const change = await this.registry.use(roomName(reportId), (live) => restoreChange(live.doc, source));
      await this.sizes.refresh(reportId);
      if (!this.sizes.fits(reportId, content.byteLength + discussion.byteLength + change.byteLength)) throw new ReportFull(this.sizes.maxBytes);
      const safety = await this.createAuto(reportId, `Before restoring “${target.name}”`, by, 'before-restore', content, discussion, undefined, false);
      if (!safety) throw new ReportFull(this.sizes.maxBytes);
      await this.registry.use(roomName(reportId), async (live) => {
        // Made again on the document as it is now (it may have changed meanwhile), and checked again.
        const now = restoreChange(live.doc, source);
        if (!this.sizes.fits(reportId, now.byteLength)) throw new ReportFull(this.sizes.maxBytes);
        Y.applyUpdate(live.doc, now, RESTORE_ORIGIN);
        await live.whenCommitted();
      });
      return safety;
    } finally {
      source.destroy();
    }
  }

}
