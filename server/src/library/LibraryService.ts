/**
 * The library's rules (issue 14). Reading: published entries are anyone's, entries shared with the instance
 * everyone's who is signed in, coalition entries their coalition's (and their writer's); anything else is 404, so
 * ids reveal nothing. Changing: the writer and the managers of the entry's coalition; subscribed entries are
 * read-only (the poll replaces them). Every count and size is bounded (LIBRARY_LIMITS).
 */
import { newUuid } from '../../../shared/api/uuid.ts';
import { DEFAULT_LICENCE, LIBRARY_LIMITS, type LibraryEntry, type LibraryEntryView } from '../../../shared/library/entry.ts';
import { buildFeed, originOf, type LibraryFeed } from '../../../shared/library/feed.ts';
import { searchLibrary, type LibraryQuery } from '../../../shared/library/search.ts';
import type { AdoptionFields, EntryFields } from '../../../shared/library/validate.ts';
import type { UserRecord } from '../storage/Storage.ts';
import { BadRequest, Conflict, Forbidden, NotFound } from '../errors.ts';
import type { ReportAccess } from '../reports/ReportAccess.ts';
import type { LibraryReader, Storage } from '../storage/Storage.ts';

/** The instance-wide setting that records when a published entry was last withdrawn (the feed changed without any entry's `updatedAt` moving). */
export const FEED_WITHDRAWN_SETTING = 'library.feedWithdrawnAt';

export class LibraryService {
  constructor(
    private readonly storage: Storage,
    private readonly access: ReportAccess,
    private readonly now: () => number = Date.now,
  ) {}

  private at(): string {
    return new Date(this.now()).toISOString();
  }

  async reader(user: UserRecord | null): Promise<LibraryReader> {
    if (!user) return { userId: null, coalitionIds: [] };
    return { userId: user.id, coalitionIds: (await this.storage.coalitions.listForUser(user.id)).map((c) => c.id) };
  }

  private static mayRead(entry: LibraryEntry, reader: LibraryReader): boolean {
    if (entry.visibility === 'published') return true;
    if (!reader.userId) return false;
    if (entry.visibility === 'instance' || entry.writer?.id === reader.userId) return true;
    return entry.coalitionId !== null && reader.coalitionIds.includes(entry.coalitionId);
  }

  private async mayEdit(entry: LibraryEntry, user: UserRecord): Promise<boolean> {
    if (entry.subscriptionId) return false;
    if (entry.writer?.id === user.id) return true;
    if (!entry.coalitionId) return false;
    return (await this.storage.coalitions.member(entry.coalitionId, user.id))?.manager === true;
  }

  /** The entry if the reader may see it, else a 404. */
  async read(id: string, user: UserRecord | null): Promise<LibraryEntry> {
    const entry = await this.storage.library.get(id);
    if (!entry || !LibraryService.mayRead(entry, await this.reader(user))) throw new NotFound('No library entry with this id.');
    return entry;
  }

  async view(id: string, user: UserRecord | null): Promise<LibraryEntryView> {
    const entry = await this.read(id, user);
    const usedIn: LibraryEntryView['usedIn'] = [];
    if (user) {
      const uses = await this.storage.library.uses(id);
      const reports = await this.storage.getReports(uses.map((u) => u.reportId));
      for (const report of reports) {
        if (!(await this.access.roleFor(user.id, report))) continue;
        usedIn.push({ reportId: report.id, title: report.title, version: uses.find((u) => u.reportId === report.id)!.version });
      }
    }
    return { ...entry, canEdit: user ? await this.mayEdit(entry, user) : false, usedIn };
  }

  /** Entries must name a coalition the writer belongs to; publishing is for the coalition's managers or a writer alone. */
  private async checkCoalition(user: UserRecord, coalitionId: string | null): Promise<void> {
    if (!coalitionId) return;
    const member = await this.storage.coalitions.member(coalitionId, user.id);
    if (!member) throw new NotFound('No coalition with this id.');
  }

  private async checkRoom(adding: number): Promise<void> {
    if ((await this.storage.library.count()) + adding > LIBRARY_LIMITS.entriesPerInstance) {
      throw new Conflict('library_full', `This instance holds ${LIBRARY_LIMITS.entriesPerInstance} library entries, its limit.`, { max: LIBRARY_LIMITS.entriesPerInstance });
    }
  }

  async create(user: UserRecord, fields: EntryFields): Promise<LibraryEntry> {
    await this.checkCoalition(user, fields.coalitionId);
    await this.checkRoom(1);
    const at = this.at();
    const entry: LibraryEntry = {
      id: newUuid(),
      ...fields,
      version: 1,
      writer: { id: user.id, name: user.name },
      createdAt: at,
      updatedAt: at,
      origin: null,
      subscriptionId: null,
      adoptions: [],
    };
    await this.storage.library.create(entry);
    return entry;
  }

  private async editable(id: string, user: UserRecord): Promise<LibraryEntry> {
    const entry = await this.read(id, user);
    if (entry.subscriptionId) throw new Forbidden('This entry comes from a subscribed feed and is read-only here.', 'read_only');
    if (!(await this.mayEdit(entry, user))) throw new Forbidden('Only its writer and its coalition\'s managers can change this entry.');
    return entry;
  }

  async update(id: string, user: UserRecord, fields: Partial<EntryFields>): Promise<LibraryEntry> {
    const entry = await this.editable(id, user);
    const coalitionId = fields.coalitionId !== undefined ? fields.coalitionId : entry.coalitionId;
    if (fields.coalitionId !== undefined && fields.coalitionId !== entry.coalitionId) await this.checkCoalition(user, fields.coalitionId);
    if ((fields.visibility ?? entry.visibility) === 'coalition' && !coalitionId) {
      throw new BadRequest('missing_field', 'An entry private to a coalition needs its "coalitionId".', 'coalitionId');
    }
    const updated = await this.storage.library.update(id, fields, this.at());
    if (!updated) throw new NotFound('No library entry with this id.');
    if (entry.visibility === 'published' && updated.visibility !== 'published') await this.markWithdrawn();
    return updated;
  }

  async delete(id: string, user: UserRecord): Promise<void> {
    const entry = await this.editable(id, user);
    await this.storage.library.delete(id);
    if (entry.visibility === 'published') await this.markWithdrawn();
  }

  private async markWithdrawn(): Promise<void> {
    await this.storage.settings.set(FEED_WITHDRAWN_SETTING, this.at(), this.at());
  }

  async addAdoption(id: string, user: UserRecord, fields: AdoptionFields): Promise<LibraryEntry> {
    await this.editable(id, user);
    const added = await this.storage.library.addAdoption(id, { id: newUuid(), ...fields, recordedAt: this.at() }, LIBRARY_LIMITS.adoptionsPerEntry);
    if (!added) throw new Conflict('too_many_adoptions', `An entry holds at most ${LIBRARY_LIMITS.adoptionsPerEntry} adoption records.`, { max: LIBRARY_LIMITS.adoptionsPerEntry });
    return (await this.storage.library.get(id))!;
  }

  async search(user: UserRecord | null, query: LibraryQuery) {
    const entries = await this.storage.library.listReadable(await this.reader(user));
    return searchLibrary(entries, query);
  }

  async readable(user: UserRecord | null): Promise<LibraryEntry[]> {
    return this.storage.library.listReadable(await this.reader(user));
  }

  /** The published feed and when it last changed. */
  async feed(instance: string): Promise<{ feed: LibraryFeed; lastModified: string }> {
    const entries = await this.storage.library.listPublished();
    const withdrawn = (await this.storage.settings.get(FEED_WITHDRAWN_SETTING)) ?? new Date(0).toISOString();
    const newest = entries.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), withdrawn);
    return { feed: buildFeed(instance, entries, newest), lastModified: newest };
  }

  /** A bundle of the entries the reader may see among `ids` (in the feed's format). */
  async exportBundle(user: UserRecord, ids: string[], instance: string): Promise<LibraryFeed> {
    const reader = await this.reader(user);
    const entries = (await this.storage.library.getMany(ids)).filter((e) => LibraryService.mayRead(e, reader));
    const newest = entries.reduce((max, e) => (e.updatedAt > max ? e.updatedAt : max), new Date(0).toISOString());
    return buildFeed(instance, entries, newest);
  }

  /** Import a bundle as new entries of the importer, keeping each entry's origin, licence and adoption records. */
  async importBundle(user: UserRecord, feed: LibraryFeed, target: { visibility: EntryFields['visibility']; coalitionId: string | null }): Promise<LibraryEntry[]> {
    await this.checkCoalition(user, target.coalitionId);
    await this.checkRoom(feed.entries.length);
    const at = this.at();
    const created: LibraryEntry[] = [];
    for (const e of feed.entries) {
      const entry: LibraryEntry = {
        id: newUuid(),
        kind: e.kind,
        title: e.title,
        content: e.content,
        text: e.text,
        level: e.level,
        tags: e.tags,
        language: e.language,
        source: e.source,
        licence: e.licence || DEFAULT_LICENCE,
        visibility: target.visibility,
        coalitionId: target.coalitionId,
        version: 1,
        writer: { id: user.id, name: user.name },
        createdAt: at,
        updatedAt: at,
        origin: originOf(feed, e),
        subscriptionId: null,
        adoptions: e.adoptions.map((a) => ({ ...a, id: newUuid(), recordedAt: at })),
      };
      await this.storage.library.create(entry);
      created.push(entry);
    }
    return created;
  }

  /** A report used the entry: the caller must be able to read the entry and edit the report. */
  async recordUse(id: string, user: UserRecord, reportId: string, version?: number): Promise<{ version: number }> {
    const entry = await this.read(id, user);
    await this.access.require(user.id, reportId, 'editor');
    // The version the block was taken at (a device may have inserted the copy it held); never a later one than exists.
    const used = version !== undefined && version >= 1 && version <= entry.version ? version : entry.version;
    await this.storage.library.recordUse(id, reportId, used, this.at());
    return { version: used };
  }
}
