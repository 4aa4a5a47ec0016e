/** Calendar feeds: one per person, found by the hash of its secret token. */
import type { CalendarStore } from '../Storage.ts';
import type { SqlDriver } from './SqlDriver.ts';

export class SqlCalendarStore implements CalendarStore {
  constructor(private readonly db: SqlDriver) {}

  async created(userId: string): Promise<string | null> {
    const row = await this.db.get<{ created_at: string }>('SELECT created_at FROM calendar_feeds WHERE user_id = ?', [userId]);
    return row?.created_at ?? null;
  }

  async createIfAbsent(userId: string, tokenHash: string, at: string): Promise<boolean> {
    const n = await this.db.run('INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?) ON CONFLICT (user_id) DO NOTHING', [userId, tokenHash, at]);
    return n === 1;
  }

  async replace(userId: string, tokenHash: string, at: string): Promise<void> {
    await this.db.run(
      `INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
      [userId, tokenHash, at],
    );
  }

  async userFor(tokenHash: string): Promise<string | null> {
    const row = await this.db.get<{ user_id: string }>('SELECT user_id FROM calendar_feeds WHERE token_hash = ?', [tokenHash]);
    return row?.user_id ?? null;
  }

  async remove(userId: string): Promise<void> {
    await this.db.run('DELETE FROM calendar_feeds WHERE user_id = ?', [userId]);
  }
}
