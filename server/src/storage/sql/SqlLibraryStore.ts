/** The library's tables: entries (content and tags as JSON text), adoption records, uses in reports, subscriptions. */
import type { PmNode } from '../../../../shared/report/content.ts';
import type { AdoptionRecord, AdoptionStatus, LibraryEntry, LibraryKind, LibraryLevel, LibraryOrigin, LibraryVisibility } from '../../../../shared/library/entry.ts';
import type { EntryFields } from '../../../../shared/library/validate.ts';
import type { LibraryReader, LibraryStore, LibrarySubscriptionRecord } from '../Storage.ts';
import type { SqlDriver, SqlExecutor } from './SqlDriver.ts';

interface EntryRow {
  id: string;
  kind: string;
  title: string;
  content: string;
  plain_text: string;
  level: string;
  tags: string;
  language: string;
  source: string;
  licence: string;
  visibility: string;
  coalition_id: string | null;
  version: number | string;
  writer_id: string | null;
  writer_name: string | null;
  created_at: string;
  updated_at: string;
  origin: string | null;
  subscription_id: string | null;
}

interface AdoptionRow {
  id: string;
  entry_id: string;
  place: string;
  body: string;
  date: string;
  status: string;
  link: string | null;
  follow_up: string;
  recorded_at: string;
}

interface SubscriptionRow {
  id: string;
  url: string;
  created_by: string;
  created_at: string;
  instance: string | null;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_error: string | null;
}

const ENTRY_COLUMNS =
  'id, kind, title, content, plain_text, level, tags, language, source, licence, visibility, coalition_id, version, writer_id, writer_name, created_at, updated_at, origin, subscription_id';
const ADOPTION_COLUMNS = 'id, entry_id, place, body, date, status, link, follow_up, recorded_at';

function toAdoption(r: AdoptionRow): AdoptionRecord {
  return { id: r.id, place: r.place, body: r.body, date: r.date, status: r.status as AdoptionStatus, link: r.link, followUp: r.follow_up, recordedAt: r.recorded_at };
}

function toEntry(r: EntryRow, adoptions: AdoptionRecord[]): LibraryEntry {
  return {
    id: r.id,
    kind: r.kind as LibraryKind,
    title: r.title,
    content: JSON.parse(r.content) as PmNode,
    text: r.plain_text,
    level: r.level as LibraryLevel,
    tags: JSON.parse(r.tags) as string[],
    language: r.language,
    source: r.source,
    licence: r.licence,
    visibility: r.visibility as LibraryVisibility,
    coalitionId: r.coalition_id,
    version: Number(r.version),
    writer: r.writer_id ? { id: r.writer_id, name: r.writer_name ?? '' } : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    origin: r.origin ? (JSON.parse(r.origin) as LibraryOrigin) : null,
    subscriptionId: r.subscription_id,
    adoptions,
  };
}

function toSubscription(r: SubscriptionRow): LibrarySubscriptionRecord {
  return {
    id: r.id,
    url: r.url,
    createdBy: r.created_by,
    createdAt: r.created_at,
    instance: r.instance,
    etag: r.etag,
    lastModified: r.last_modified,
    lastPolledAt: r.last_polled_at,
    lastError: r.last_error,
  };
}

function entryParams(e: LibraryEntry, subscriptionKey: string | null): unknown[] {
  return [
    e.id,
    e.kind,
    e.title,
    JSON.stringify(e.content),
    e.text,
    e.level,
    JSON.stringify(e.tags),
    e.language,
    e.source,
    e.licence,
    e.visibility,
    e.coalitionId,
    e.version,
    e.writer?.id ?? null,
    e.writer?.name ?? null,
    e.createdAt,
    e.updatedAt,
    e.origin ? JSON.stringify(e.origin) : null,
    e.subscriptionId,
    subscriptionKey,
  ];
}

async function insertAdoption(tx: SqlExecutor, entryId: string, a: AdoptionRecord): Promise<void> {
  await tx.run(`INSERT INTO library_adoptions (${ADOPTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
    a.id,
    entryId,
    a.place,
    a.body,
    a.date,
    a.status,
    a.link,
    a.followUp,
    a.recordedAt,
  ]);
}

/** Column changes for `update`, by field. */
const FIELD_COLUMNS: Record<keyof EntryFields, string> = {
  title: 'title',
  kind: 'kind',
  level: 'level',
  content: 'content',
  text: 'plain_text',
  tags: 'tags',
  language: 'language',
  source: 'source',
  licence: 'licence',
  visibility: 'visibility',
  coalitionId: 'coalition_id',
};

export class SqlLibraryStore implements LibraryStore {
  constructor(private readonly db: SqlDriver) {}

  /** Entries matching a WHERE clause, with their adoption records (oldest record first). */
  private async select(where: string, params: unknown[], db: SqlExecutor = this.db): Promise<LibraryEntry[]> {
    const rows = await db.all<EntryRow>(`SELECT ${ENTRY_COLUMNS} FROM library_entries WHERE ${where} ORDER BY updated_at DESC, id`, params);
    if (rows.length === 0) return [];
    const adoptions = await db.all<AdoptionRow>(
      `SELECT ${ADOPTION_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ')} FROM library_adoptions a
       JOIN library_entries ON library_entries.id = a.entry_id WHERE ${where} ORDER BY a.date, a.recorded_at, a.id`,
      params,
    );
    const byEntry = new Map<string, AdoptionRecord[]>();
    for (const a of adoptions) {
      const list = byEntry.get(a.entry_id) ?? [];
      list.push(toAdoption(a));
      byEntry.set(a.entry_id, list);
    }
    return rows.map((r) => toEntry(r, byEntry.get(r.id) ?? []));
  }

  async create(entry: LibraryEntry): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(`INSERT INTO library_entries (${ENTRY_COLUMNS}, subscription_key) VALUES (${Array(20).fill('?').join(', ')})`, entryParams(entry, null));
      for (const a of entry.adoptions) await insertAdoption(tx, entry.id, a);
    });
  }

  async get(id: string): Promise<LibraryEntry | null> {
    return (await this.select('library_entries.id = ?', [id]))[0] ?? null;
  }

  async getMany(ids: string[]): Promise<LibraryEntry[]> {
    if (ids.length === 0) return [];
    return this.select(`library_entries.id IN (${ids.map(() => '?').join(', ')})`, ids);
  }

  listReadable(reader: LibraryReader): Promise<LibraryEntry[]> {
    if (!reader.userId) return this.listPublished();
    const coalitions = reader.coalitionIds.length ? ` OR library_entries.coalition_id IN (${reader.coalitionIds.map(() => '?').join(', ')})` : '';
    return this.select(`library_entries.visibility IN ('published', 'instance') OR library_entries.writer_id = ?${coalitions}`, [reader.userId, ...reader.coalitionIds]);
  }

  listPublished(): Promise<LibraryEntry[]> {
    return this.select(`library_entries.visibility = 'published'`, []);
  }

  async count(): Promise<number> {
    const row = await this.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM library_entries');
    return Number(row?.n ?? 0);
  }

  async update(id: string, fields: Partial<EntryFields>, at: string): Promise<LibraryEntry | null> {
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [field, value] of Object.entries(fields) as [keyof EntryFields, unknown][]) {
      if (value === undefined) continue;
      sets.push(`${FIELD_COLUMNS[field]} = ?`);
      params.push(field === 'content' || field === 'tags' ? JSON.stringify(value) : value);
    }
    return this.db.transaction(async (tx) => {
      const changed = await tx.run(`UPDATE library_entries SET ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')} WHERE id = ?`, [...params, at, id]);
      if (changed === 0) return null;
      return (await this.select('library_entries.id = ?', [id], tx))[0] ?? null;
    });
  }

  async delete(id: string): Promise<boolean> {
    return (await this.db.run('DELETE FROM library_entries WHERE id = ?', [id])) > 0;
  }

  async addAdoption(entryId: string, adoption: AdoptionRecord, max: number): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      // Lock the entry's row (PostgreSQL) so two concurrent records cannot both pass the count.
      const touched = await tx.run('UPDATE library_entries SET updated_at = ? WHERE id = ?', [adoption.recordedAt, entryId]);
      if (touched === 0) return false;
      const row = await tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM library_adoptions WHERE entry_id = ?', [entryId]);
      if (Number(row?.n ?? 0) >= max) throw new AdoptionLimit();
      await insertAdoption(tx, entryId, adoption);
      return true;
    }).catch((err: unknown) => {
      if (err instanceof AdoptionLimit) return false;
      throw err;
    });
  }

  async recordUse(entryId: string, reportId: string, version: number, at: string): Promise<void> {
    await this.db.run(
      `INSERT INTO library_uses (entry_id, report_id, version, used_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (entry_id, report_id) DO UPDATE SET version = excluded.version, used_at = excluded.used_at`,
      [entryId, reportId, version, at],
    );
  }

  async uses(entryId: string): Promise<{ reportId: string; version: number }[]> {
    const rows = await this.db.all<{ report_id: string; version: number | string }>(
      'SELECT report_id, version FROM library_uses WHERE entry_id = ? ORDER BY used_at DESC',
      [entryId],
    );
    return rows.map((r) => ({ reportId: r.report_id, version: Number(r.version) }));
  }

  async createSubscription(s: LibrarySubscriptionRecord): Promise<boolean> {
    const n = await this.db.run(
      `INSERT INTO library_subscriptions (id, url, created_by, created_at, instance, etag, last_modified, last_polled_at, last_error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
      [s.id, s.url, s.createdBy, s.createdAt, s.instance, s.etag, s.lastModified, s.lastPolledAt, s.lastError],
    );
    return n > 0;
  }

  async listSubscriptions(): Promise<LibrarySubscriptionRecord[]> {
    return (await this.db.all<SubscriptionRow>('SELECT * FROM library_subscriptions ORDER BY created_at, id')).map(toSubscription);
  }

  async getSubscription(id: string): Promise<LibrarySubscriptionRecord | null> {
    const row = await this.db.get<SubscriptionRow>('SELECT * FROM library_subscriptions WHERE id = ?', [id]);
    return row ? toSubscription(row) : null;
  }

  async deleteSubscription(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM library_entries WHERE subscription_id = ?', [id]);
      return (await tx.run('DELETE FROM library_subscriptions WHERE id = ?', [id])) > 0;
    });
  }

  async setSubscriptionState(id: string, s: Pick<LibrarySubscriptionRecord, 'instance' | 'etag' | 'lastModified' | 'lastPolledAt' | 'lastError'>): Promise<void> {
    await this.db.run('UPDATE library_subscriptions SET instance = ?, etag = ?, last_modified = ?, last_polled_at = ?, last_error = ? WHERE id = ?', [
      s.instance,
      s.etag,
      s.lastModified,
      s.lastPolledAt,
      s.lastError,
      id,
    ]);
  }

  async replaceSubscribed(subscriptionId: string, entries: { key: string; entry: LibraryEntry }[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      const existing = await tx.all<{ id: string; subscription_key: string }>(
        'SELECT id, subscription_key FROM library_entries WHERE subscription_id = ?',
        [subscriptionId],
      );
      const localId = new Map(existing.map((r) => [r.subscription_key, r.id]));
      const keep = new Set<string>();
      for (const { key, entry } of entries) {
        const id = localId.get(key) ?? entry.id;
        keep.add(id);
        const e: LibraryEntry = { ...entry, id, subscriptionId };
        if (localId.has(key)) {
          await tx.run(
            `UPDATE library_entries SET kind = ?, title = ?, content = ?, plain_text = ?, level = ?, tags = ?, language = ?, source = ?,
             licence = ?, version = ?, updated_at = ?, origin = ? WHERE id = ?`,
            [e.kind, e.title, JSON.stringify(e.content), e.text, e.level, JSON.stringify(e.tags), e.language, e.source, e.licence, e.version, e.updatedAt, e.origin ? JSON.stringify(e.origin) : null, id],
          );
          await tx.run('DELETE FROM library_adoptions WHERE entry_id = ?', [id]);
        } else {
          await tx.run(`INSERT INTO library_entries (${ENTRY_COLUMNS}, subscription_key) VALUES (${Array(20).fill('?').join(', ')})`, entryParams(e, key));
        }
        for (const a of e.adoptions) await insertAdoption(tx, id, { ...a, id: `${id}-${a.id}`.slice(0, 200) });
      }
      for (const r of existing) if (!keep.has(r.id)) await tx.run('DELETE FROM library_entries WHERE id = ?', [r.id]);
    });
  }

  async countSubscribed(subscriptionId: string): Promise<number> {
    const row = await this.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM library_entries WHERE subscription_id = ?', [subscriptionId]);
    return Number(row?.n ?? 0);
  }
}

class AdoptionLimit extends Error {}
