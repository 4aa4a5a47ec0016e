/** Tracked recommendations and their dated log of evidence and status. */
import type { FollowUpItem, FollowUpLogEntry, FollowUpStatus } from '../../../../shared/followup/types.ts';
import type { FollowUpStore } from '../Storage.ts';
import type { SqlDriver } from './SqlDriver.ts';

interface ItemRow {
  id: string;
  coalition_id: string | null;
  owner_user_id: string;
  state: string;
  mechanism: string;
  document_symbol: string;
  paragraph: string;
  topic: string;
  text: string;
  follow_up_due: string | null;
  created_by_name: string;
  created_at: string;
}

interface LogRow {
  id: string;
  item_id: string;
  place: string;
  status: string;
  note: string;
  evidence_url: string | null;
  observed_on: string;
  author_id: string;
  author_name: string;
  created_at: string;
}

const ITEM_COLUMNS = 'id, coalition_id, owner_user_id, state, mechanism, document_symbol, paragraph, topic, text, follow_up_due, created_by_name, created_at';
const LOG_COLUMNS = 'id, item_id, place, status, note, evidence_url, observed_on, author_id, author_name, created_at';

function toItem(r: ItemRow): FollowUpItem {
  return {
    id: r.id,
    coalitionId: r.coalition_id,
    ownerUserId: r.owner_user_id,
    state: r.state,
    mechanism: r.mechanism,
    documentSymbol: r.document_symbol,
    paragraph: r.paragraph,
    topic: r.topic,
    text: r.text,
    followUpDue: r.follow_up_due,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  };
}

function toEntry(r: LogRow): FollowUpLogEntry {
  return {
    id: r.id,
    itemId: r.item_id,
    place: r.place,
    status: r.status as FollowUpStatus,
    note: r.note,
    evidenceUrl: r.evidence_url,
    observedOn: r.observed_on,
    authorId: r.author_id,
    authorName: r.author_name,
    createdAt: r.created_at,
  };
}

export class SqlFollowUpStore implements FollowUpStore {
  constructor(private readonly db: SqlDriver) {}

  async createItems(items: FollowUpItem[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const i of items) {
        await tx.run(`INSERT INTO followup_items (${ITEM_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
          i.id, i.coalitionId, i.ownerUserId, i.state, i.mechanism, i.documentSymbol, i.paragraph, i.topic, i.text, i.followUpDue, i.createdByName, i.createdAt,
        ]);
      }
    });
  }

  async getItem(id: string): Promise<FollowUpItem | null> {
    const row = await this.db.get<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM followup_items WHERE id = ?`, [id]);
    return row ? toItem(row) : null;
  }

  async listItems(scope: { coalitionIds: string[]; ownerUserId: string }): Promise<FollowUpItem[]> {
    const inCoalitions = scope.coalitionIds.length > 0 ? `coalition_id IN (${scope.coalitionIds.map(() => '?').join(', ')}) OR ` : '';
    const rows = await this.db.all<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM followup_items WHERE ${inCoalitions}(coalition_id IS NULL AND owner_user_id = ?) ORDER BY created_at, id`,
      [...scope.coalitionIds, scope.ownerUserId],
    );
    return rows.map(toItem);
  }

  async countItems(scope: { coalitionId: string | null; ownerUserId: string }): Promise<number> {
    const row = scope.coalitionId
      ? await this.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM followup_items WHERE coalition_id = ?', [scope.coalitionId])
      : await this.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM followup_items WHERE coalition_id IS NULL AND owner_user_id = ?', [scope.ownerUserId]);
    return Number(row?.n ?? 0);
  }

  async updateItem(id: string, fields: Partial<Pick<FollowUpItem, 'text' | 'topic' | 'paragraph' | 'followUpDue'>>): Promise<void> {
    const columns: [string, unknown][] = [];
    if (fields.text !== undefined) columns.push(['text', fields.text]);
    if (fields.topic !== undefined) columns.push(['topic', fields.topic]);
    if (fields.paragraph !== undefined) columns.push(['paragraph', fields.paragraph]);
    if (fields.followUpDue !== undefined) columns.push(['follow_up_due', fields.followUpDue]);
    if (columns.length === 0) return;
    await this.db.run(`UPDATE followup_items SET ${columns.map(([c]) => `${c} = ?`).join(', ')} WHERE id = ?`, [...columns.map(([, v]) => v), id]);
  }

  async deleteItem(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM followup_log WHERE item_id = ?', [id]);
      return (await tx.run('DELETE FROM followup_items WHERE id = ?', [id])) === 1;
    });
  }

  async log(itemIds: string[]): Promise<FollowUpLogEntry[]> {
    if (itemIds.length === 0) return [];
    const rows = await this.db.all<LogRow>(
      `SELECT ${LOG_COLUMNS} FROM followup_log WHERE item_id IN (${itemIds.map(() => '?').join(', ')}) ORDER BY observed_on, created_at, id`,
      itemIds,
    );
    return rows.map(toEntry);
  }

  async addLog(e: FollowUpLogEntry): Promise<void> {
    await this.db.run(`INSERT INTO followup_log (${LOG_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      e.id, e.itemId, e.place, e.status, e.note, e.evidenceUrl, e.observedOn, e.authorId, e.authorName, e.createdAt,
    ]);
  }

  async countLog(itemId: string): Promise<number> {
    const row = await this.db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM followup_log WHERE item_id = ?', [itemId]);
    return Number(row?.n ?? 0);
  }
}
