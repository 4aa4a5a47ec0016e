/** Devices (browsers) that signed in to an account before: only the hash of each device cookie is stored. */
import type { KnownDeviceStore } from '../Storage.ts';
import type { SqlExecutor } from './SqlDriver.ts';

export class SqlKnownDevices implements KnownDeviceStore {
  constructor(private readonly db: SqlExecutor) {}

  async remember(tokenHash: string, userId: string, at: string): Promise<void> {
    await this.db.run(
      `INSERT INTO known_devices (token_hash, user_id, created_at, last_used_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (token_hash, user_id) DO UPDATE SET last_used_at = excluded.last_used_at`,
      [tokenHash, userId, at, at],
    );
  }

  async isKnown(tokenHash: string, userId: string): Promise<boolean> {
    return !!(await this.db.get('SELECT user_id FROM known_devices WHERE token_hash = ? AND user_id = ?', [tokenHash, userId]));
  }

  async isIssued(tokenHash: string): Promise<boolean> {
    return !!(await this.db.get('SELECT user_id FROM known_devices WHERE token_hash = ? LIMIT 1', [tokenHash]));
  }

  sweep(unusedSince: string): Promise<number> {
    return this.db.run('DELETE FROM known_devices WHERE last_used_at < ?', [unusedSince]);
  }
}
